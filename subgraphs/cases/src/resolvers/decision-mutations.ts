import { badInput, forbidden } from '@welfare-hub/subgraph-host';
import type { MutationResolvers } from '../generated/resolvers.js';
import { JUSOU_DECISIONS, meetingKindFor, nextStage } from '../stage-machine.js';
import * as write from '../store/case-writes.js';
import { decisions } from '../store/case-parts.js';
import { requireCoordinator, optionalText } from './access.js';
import { onCase, stepError } from './case-mutations.js';

/**
 * A decision of a meeting about a case (000:1817-1819): recorded by a coordinator who is a full member of that meeting,
 * while it is open; PLAN_APPROVED, EVALUATED, CLOSURE_APPROVED and PARTICIPATION_NEEDED only in a 重層的支援会議 and only
 * for a case with its consent; OUTREACH_PLANNED only in a 支援会議 whose subjects include the case's. The decision keeps
 * the members present and a note, and moves the case in the same transaction.
 */
export const decisionMutations: MutationResolvers = {
  recordDecision: async (_, args, ctx) => {
    const viewer = await requireCoordinator(ctx);
    const { input } = args;
    const { kind } = input;
    const meeting = await ctx.hub.meeting(args.meetingId);
    if (!meeting) throw badInput('meetingId', 'No meeting has that id');
    if (!meeting.fullMembers.includes(viewer.staffId)) throw forbidden("A meeting's decisions are recorded by one of its full members");
    if (!meeting.open) throw badInput('meetingId', 'The meeting is not open: a decision is recorded while it sits');
    const wanted = meetingKindFor(kind);
    if (meeting.kind !== wanted) {
      throw badInput(
        'input.kind',
        wanted === 'JUSOU_SHIEN_KAIGI'
          ? `${kind} is decided by a 重層的支援会議 (JUSOU_SHIEN_KAIGI), not this meeting`
          : 'OUTREACH_PLANNED is decided by a 支援会議 (SHIEN_KAIGI), which may plan outreach before consent',
      );
    }
    const present = [...new Set(input.present ?? meeting.fullMembers)];
    const absent = present.filter((s) => !meeting.fullMembers.includes(s));
    if (absent.length > 0) throw badInput('input.present', 'Everyone present must be a full member of the meeting');
    const note = optionalText('input.note', input.note, 8000);
    const lead = input.leadOrgId ? (await ctx.hub.organisations([input.leadOrgId])).get(input.leadOrgId) : null;
    if (input.leadOrgId && (!lead || lead.outsideWelfare)) throw badInput('input.leadOrgId', 'The 主担当 is a registered welfare organisation');
    if (input.leadOrgId && kind !== 'CLOSURE_APPROVED')
      throw badInput('input.leadOrgId', 'Only CLOSURE_APPROVED names the 主担当 (or setLeadOrganisation)');
    const households = await ctx.hub.households(input.personId ? [input.personId] : []);

    const id = await onCase(ctx, input.caseId, async (tx, row) => {
      if (JUSOU_DECISIONS.has(kind)) {
        const consent = row.consentId ? (await ctx.hub.consents([row.consentId], tx)).get(row.consentId) : undefined;
        if (!consent?.active) throw badInput('input.caseId', `${kind} needs the case's consent: attach the 申込票 first (attachConsent)`);
      } else {
        const subjectHomes = await ctx.hub.households(row.subjectIds, tx);
        const covered = row.subjectIds.every(
          (p) => meeting.subjectPersonIds.includes(p) || meeting.subjectHouseholdIds.includes(subjectHomes.get(p) ?? ''),
        );
        if (!covered) throw badInput('meetingId', "The 支援会議's subjects must include the case's subjects");
      }
      if (kind === 'PARTICIPATION_NEEDED') {
        if (!input.personId) throw badInput('input.personId', 'Name the person who needs 参加支援');
        if (!row.subjectIds.includes(input.personId) || !households.has(input.personId))
          throw badInput('input.personId', 'The person must be a subject of the case');
      } else if (input.personId) {
        throw badInput('input.personId', 'Only PARTICIPATION_NEEDED names a person');
      }
      let to;
      try {
        to = nextStage(
          { stage: row.stage, plan: row.plan, leadOrgId: row.leadOrgId },
          { kind: 'DECISION', decision: kind, leadOrgId: lead?.id ?? null },
        );
      } catch (e) {
        return stepError(e);
      }
      const leadOrgId = kind === 'CLOSURE_APPROVED' ? (lead?.id ?? row.leadOrgId) : null;
      const decisionId = await write.insertDecision(tx, {
        caseId: row.id,
        meetingId: meeting.id,
        meetingKind: meeting.kind,
        kind,
        note,
        present,
        by: viewer.staffId,
        personId: input.personId ?? null,
        leadOrgId,
        planVersion: kind === 'PLAN_APPROVED' ? row.plan!.version : null,
      });
      if (kind === 'PLAN_APPROVED') await write.approvePlan(tx, row.id, row.plan!.version, decisionId);
      if (kind === 'CLOSURE_APPROVED') await write.returnCase(tx, row.id, leadOrgId!);
      await write.moveStage(tx, row.id, row.stage, to, viewer.staffId, decisionId);
      return decisionId;
    });
    const [recorded] = await decisions(ctx.db, [input.caseId]);
    return recorded!.find((x) => x.id === id)!;
  },
};
