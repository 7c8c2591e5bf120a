import { badInput } from '@welfare-hub/subgraph-host';
import { inTransaction } from '@welfare-hub/store';
import type { CasesContext } from '../context.js';
import type { MutationResolvers } from '../generated/resolvers.js';
import { decideReferral, insertReferral, referralsById } from '../store/referrals.js';
import { requireViewer, text, type ReferralView } from './access.js';

/** The referral as its sender or receiver now sees it (decided and recorded like any read). */
async function referralView(ctx: CasesContext, id: string, purpose: string): Promise<ReferralView> {
  const row = (await referralsById(ctx.db, [id])).get(id)!;
  return { ...row, access: await ctx.policy.cases().decideReferral(id, row, purpose) };
}

/** A referral to the viewer's organisation still waiting; one that does not exist is refused in the same words. */
async function waitingForMe(ctx: CasesContext, id: string): Promise<{ orgId: string; staffId: string; toTeam: boolean }> {
  const viewer = await requireViewer(ctx);
  const row = (await referralsById(ctx.db, [id])).get(id);
  const mine = row && (row.toOrgId === viewer.orgId || (viewer.coordinator && row.toTeam));
  if (!row || !mine) throw badInput('id', 'No referral to your organisation has that id');
  if (row.state !== 'SENT') throw badInput('id', `The referral was ${row.state.toLowerCase()} already`);
  return { orgId: viewer.orgId, staffId: viewer.staffId, toTeam: row.toTeam };
}

export const referralMutations: MutationResolvers = {
  /** つなぎ: registered welfare staff send a referral about residents to another registered welfare organisation. */
  refer: async (_, { input }, ctx) => {
    const viewer = await requireViewer(ctx);
    const subjects = [...new Set(input.subjectPersonIds)];
    if (subjects.length === 0) throw badInput('input.subjectPersonIds', 'Name the resident(s) the referral is about');
    if ((await ctx.hub.residents(subjects)).size !== subjects.length)
      throw badInput('input.subjectPersonIds', 'Every subject must be a resident (宛名番号)');
    const to = (await ctx.hub.organisations([input.toOrgId])).get(input.toOrgId);
    if (!to || to.outsideWelfare) throw badInput('input.toOrgId', 'Refer to a registered welfare organisation');
    if (to.id === viewer.orgId) throw badInput('input.toOrgId', 'A referral goes to another organisation');
    const reason = text('input.reason', input.reason, 2000);
    const id = await insertReferral(ctx.db, { fromOrgId: viewer.orgId, sentBy: viewer.staffId, toOrgId: to.id, subjectIds: subjects, reason });
    return referralView(ctx, id, 'Mutation.refer');
  },

  /** The receiver takes the referral on; a 多機関協働 team takes one on by opening a case from it. */
  acceptReferral: async (_, { id }, ctx) => {
    const me = await waitingForMe(ctx, id);
    if (me.toTeam) throw badInput('id', 'A referral to the 多機関協働 team is accepted by opening a case from it (openCase with referralId)');
    if (!(await decideReferral(ctx.db, id, 'ACCEPTED', me.staffId, null, null))) throw badInput('id', 'The referral was decided already');
    return referralView(ctx, id, 'Mutation.acceptReferral');
  },

  declineReferral: async (_, { id, reason }, ctx) => {
    const me = await waitingForMe(ctx, id);
    const why = text('reason', reason, 2000);
    const done = await inTransaction(ctx.db, (tx) => decideReferral(tx, id, 'DECLINED', me.staffId, why, null));
    if (!done) throw badInput('id', 'The referral was decided already');
    return referralView(ctx, id, 'Mutation.declineReferral');
  },
};
