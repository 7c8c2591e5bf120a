import type { PersonRow } from '@welfare-hub/adapter-juki';
import type { RequestPolicy } from '@welfare-hub/policy';
import type { HouseholdView } from './household.js';

/** What a withheld address or district reads as (住民基本台帳 支援措置). */
export const WITHHELD = '＊＊＊';

/**
 * 支援措置: a withheld address or district is shown to a protection officer only. Whether it is withheld comes with
 * the row (adapters/juki: the person, their 世帯 or their address), so the mask costs no statement of its own.
 */
export function place(withheld: boolean, value: string, policy: RequestPolicy): string {
  return withheld && !policy.hasRole('protection_officer') ? WITHHELD : value;
}

/** A 世帯 is withheld when any of its records is: its address is theirs. */
export const householdWithheld = (h: HouseholdView): boolean => h.records.some((r: PersonRow) => r.addressWithheld);
