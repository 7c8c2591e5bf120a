import { householdSituations, type MemberFacts } from '@welfare-hub/situations';
import { sectors } from '@welfare-hub/sectors';
import { todayInTokyo } from '@welfare-hub/codec';
import type { HouseholdResolvers } from '../generated/resolvers.js';

export const householdType: HouseholdResolvers = {
  __resolveReference: (ref) => ref,
  /**
   * The sector subgraphs decided, each on its own, what this viewer may see of each member (and audited it);
   * what they withheld arrives as null and counts for nothing here.
   */
  situations: (household, args, ctx) => {
    const members: MemberFacts[] = (household.members ?? []).map((m) => ({
      id: m.id,
      birthDate: m.birthDate,
      relationship: m.relationship,
      sectors: Object.fromEntries(sectors().map((s) => [s.code, m[`${s.field}Facts`] ?? null])),
    }));
    // The thresholds the analysts' index counts with: a case worker and a planner see the same rules.
    return householdSituations(members, args.asOf ?? todayInTokyo(), ctx.analytics.sources.thresholds);
  },
};
