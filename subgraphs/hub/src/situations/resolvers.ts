import { householdSituations, type MemberFacts, type Situation, type SituationFacts } from '@welfare-hub/situations';
import { sectors } from '@welfare-hub/sectors';
import type { HubContext } from '../hub-context.js';
import { todayInTokyo } from '@welfare-hub/codec';

/** A 世帯 as the gateway hands it over for situations: its members with the facts each sector granted (null where denied). */
interface HouseholdWithFacts {
  id: string;
  members?: {
    id: string;
    birthDate: string;
    relationship: string;
    /** <field>Facts of every registered sector (the hub's @requires is written from the registry at compose time). */
    [facts: `${string}Facts`]: SituationFacts | null;
  }[];
}

export const householdType = {
  __resolveReference: (ref: HouseholdWithFacts) => ref,
  /**
   * The sector subgraphs decided, each on its own, what this viewer may see of each member (and audited it);
   * what they withheld arrives as null and counts for nothing here.
   */
  situations: (household: HouseholdWithFacts, args: { asOf?: string | null }, ctx: HubContext): Situation[] => {
    const members: MemberFacts[] = (household.members ?? []).map((m) => ({
      id: m.id, birthDate: m.birthDate, relationship: m.relationship,
      sectors: Object.fromEntries(sectors().map((s) => [s.code, m[`${s.field}Facts`] ?? null])),
    }));
    // The thresholds the analysts' index counts with: a case worker and a planner see the same rules.
    return householdSituations(members, args.asOf ?? todayInTokyo(), ctx.analytics.sources.thresholds);
  },
};
