import type { PersonRow } from '@welfare-hub/adapter-juki';

export interface HouseholdView {
  id: string;
  records: PersonRow[];
}

const RESIDENT = 1;
const HEAD = '01';

export function currentMembers(household: HouseholdView): PersonRow[] {
  return household.records.filter((r) => r.residentStatus === RESIDENT);
}

/** Where the 世帯 is: its 世帯主's address, or a current member's when the 世帯主 has left, or the last known one. */
export function anchor(household: HouseholdView): PersonRow {
  const current = currentMembers(household);
  return (
    current.find((r) => r.relationshipCode === HEAD) ??
    current[0] ??
    [...household.records].sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime())[0]!
  );
}
