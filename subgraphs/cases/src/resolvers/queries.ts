import { badInput, forbidden } from '@welfare-hub/subgraph-host';
import { caseReadsOf } from '@welfare-hub/audit';
import type { CasesContext } from '../context.js';
import type { QueryResolvers } from '../generated/resolvers.js';
import { candidateCaseIds, dueForReview, returnedTo } from '../store/case-rows.js';
import { hosts } from '../store/case-parts.js';
import { referralsFrom, referralsTo, type ReferralRow } from '../store/referrals.js';
import { visibleCase, visibleCases, type ReferralView } from './access.js';

/** The referrals among these this viewer may see, each decided and recorded like a case read. */
async function visibleReferrals(ctx: CasesContext, rows: readonly ReferralRow[], purpose: string): Promise<ReferralView[]> {
  const policy = ctx.policy.cases();
  const decided = await Promise.all(rows.map((r) => policy.decideReferral(r.id, r, purpose)));
  return rows.flatMap((r, i) => (decided[i]!.status === 'GRANTED' ? [{ ...r, access: decided[i]! }] : []));
}

export const caseQueries: QueryResolvers = {
  case: (_, { id }, ctx) => visibleCase(ctx, id, 'Query.case'),

  /** The morning's list: the cases the viewer's organisation works on (every case for a coordinator), by stage. */
  myCases: async (_, args, ctx) => {
    const viewer = await ctx.policy.cases().viewer();
    if (!viewer) return [];
    return visibleCases(ctx, await candidateCaseIds(ctx.db, viewer, args.stage ?? null), 'Query.myCases');
  },

  referralsToMe: async (_, args, ctx) => {
    const viewer = await ctx.policy.cases().viewer();
    if (!viewer) return [];
    return visibleReferrals(ctx, await referralsTo(ctx.db, viewer.orgId, viewer.coordinator, args.state ?? null), 'Query.referralsToMe');
  },

  referralsFromMe: async (_, args, ctx) => {
    const viewer = await ctx.policy.cases().viewer();
    if (!viewer) return [];
    return visibleReferrals(ctx, await referralsFrom(ctx.db, viewer.orgId, args.state ?? null), 'Query.referralsFromMe');
  },

  reviewsDue: async (_, args, ctx) => {
    const viewer = await ctx.policy.cases().viewer();
    if (!viewer) return [];
    // Only cases the viewer works on are read: the review date is chosen among them, then each is decided.
    const mine = await candidateCaseIds(ctx.db, viewer, null);
    return visibleCases(ctx, await dueForReview(ctx.db, mine, args.before), 'Query.reviewsDue');
  },

  /** つなぎ戻し: closed cases whose 主担当 is the viewer's organisation. */
  returnedToMe: async (_, __, ctx) => {
    const viewer = await ctx.policy.cases().viewer();
    if (!viewer) return [];
    return visibleCases(ctx, await returnedTo(ctx.db, viewer.orgId), 'Query.returnedToMe');
  },

  /** 受入先 are organisations, not persons: any registered welfare staff may see them. */
  hosts: async (_, __, ctx) => ((await ctx.policy.cases().viewer()) ? hosts(ctx.db) : []),

  issueCodes: (_, __, ctx) => [...ctx.issues].map(([code, label]) => ({ code, label })),

  caseAccessLog: async (_, args, ctx) => {
    if (!ctx.policy.hasRole('privacy_officer')) throw forbidden('本人開示 of case reads needs the role privacy_officer');
    if (!Number.isInteger(args.limit) || args.limit < 0 || args.limit > 1000) throw badInput('limit', 'limit must be between 0 and 1000');
    if (!Number.isInteger(args.offset) || args.offset < 0) throw badInput('offset', 'offset must be 0 or more');
    return caseReadsOf(ctx.db, args.personId, args.limit, args.offset);
  },
};
