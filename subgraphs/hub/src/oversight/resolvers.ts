import { badInput, forbidden } from '@welfare-hub/subgraph-host';
import type { HubContext } from '../hub-context.js';
import type { QueryResolvers, RegisterChangeResolvers } from '../generated/resolvers.js';

interface Period {
  from?: Date | null;
  to?: Date | null;
}

interface Page extends Period {
  flaggedOnly?: boolean | null;
  limit: number;
  offset: number;
}

/** Role privacy_officer, as accessLog: the role alone, from the identity provider. An analyst sees counts only. */
function requirePrivacyOfficer(ctx: HubContext): void {
  if (!ctx.policy.hasRole('privacy_officer') || ctx.policy.hasRole('analyst')) throw forbidden('Only a privacy officer reviews this');
}

function page(args: Page): { from: Date | null; to: Date | null; flaggedOnly: boolean; limit: number; offset: number } {
  if (!Number.isInteger(args.limit) || args.limit < 1 || args.limit > 500) throw badInput('limit', 'limit must be between 1 and 500');
  if (!Number.isInteger(args.offset) || args.offset < 0) throw badInput('offset', 'offset must be 0 or more');
  if (args.from && args.to && args.from > args.to) throw badInput('to', 'to is before from');
  return { from: args.from ?? null, to: args.to ?? null, flaggedOnly: args.flaggedOnly ?? false, limit: args.limit, offset: args.offset };
}

const consentEntries = async (ctx: HubContext, p: ReturnType<typeof page>) =>
  (await ctx.consents.review(p)).map(({ consent, flags }) => ({
    consent,
    recordedBy: consent.recordedBy,
    recordedByOrg: consent.recordedOrg,
    flags,
  }));

export const oversightQuery: QueryResolvers = {
  consentReview: (_, args, ctx) => {
    requirePrivacyOfficer(ctx);
    return consentEntries(ctx, page(args));
  },
  meetingReview: (_, args, ctx) => {
    requirePrivacyOfficer(ctx);
    return ctx.meetingReview.list(page(args));
  },
  registerHistory: (_, args, ctx) => {
    requirePrivacyOfficer(ctx);
    return ctx.registerHistory.list(page(args));
  },
  oversight: async (_, args, ctx) => {
    requirePrivacyOfficer(ctx);
    const p = page({ ...args, limit: 500, offset: 0 });
    const [registerChanges, meetingsOpened, consentsFlagged] = await Promise.all([
      ctx.registerHistory.list(p),
      ctx.meetingReview.list(p),
      consentEntries(ctx, { ...p, flaggedOnly: true }),
    ]);
    return { from: p.from, to: p.to, registerChanges, meetingsOpened, consentsFlagged };
  },
};

export const registerChangeType: RegisterChangeResolvers = {
  grantsWhileInForce: (change, _, ctx) => ctx.registerHistory.grantsWhileInForce(change),
};
