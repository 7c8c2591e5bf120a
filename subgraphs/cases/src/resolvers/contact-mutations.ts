import { badInput, forbidden } from '@welfare-hub/subgraph-host';
import { inTransaction } from '@welfare-hub/store';
import type { CasesContext } from '../context.js';
import type { ContactInput, MutationResolvers } from '../generated/resolvers.js';
import { contactById, hosts, participationById, participations } from '../store/case-parts.js';
import * as write from '../store/case-writes.js';
import { participationAfter, StepRefused } from '../stage-machine.js';
import { checkId, contactTime, requireCoordinator, requireViewer, seesMember, text, texts, visibleCase, type CaseView } from './access.js';
import { onCase, stepError } from './case-mutations.js';

const WHO_LOGS =
  "Contacts are logged by a coordinator, the 主担当 or an organisation with a role in the plan (before consent: the 支援会議's members)";

/** The case for a contact or follow-up: one the viewer may not see is refused in the same words as one that does not exist. */
async function caseForWork(ctx: CasesContext, caseId: string, purpose: string): Promise<CaseView> {
  const view = await visibleCase(ctx, caseId, purpose);
  if (!view) throw forbidden(WHO_LOGS);
  return view;
}

function contactFields(input: ContactInput, view: CaseView) {
  const personId = input.personId ?? null;
  if (personId !== null && !view.subjectIds.includes(personId))
    throw badInput('input.personId', 'A contact about a member names a subject of the case');
  return { at: contactTime('input.at', input.at, view.openedAt), kind: input.kind, note: text('input.note', input.note, 4000), personId };
}

const participationOut = async (ctx: CasesContext, id: string, view: CaseView) => {
  const p = (await participations(ctx.db, [view.id]))[0]!.find((x) => x.id === id)!;
  return { ...p, view };
};

export const contactMutations: MutationResolvers = {
  /**
   * 支援経過: a letter, visit, call or 同行 on a case. Before consent only under the OUTREACH_PLANNED decision of a 支援会議
   * (000:2250-2260), by a coordinator or a member of that meeting working in it (x-hub-meeting).
   */
  recordContact: async (_, args, ctx) => {
    const viewer = await requireViewer(ctx);
    const view = await caseForWork(ctx, args.caseId, 'Mutation.recordContact');
    const fields = contactFields(args.input, view);
    if (view.access.level !== 'FULL' && fields.personId !== null && !seesMember(view, fields.personId))
      throw forbidden('A contact about a member is logged by an organisation with a role for that member');
    const id = await onCase(ctx, view.id, async (tx, row) => {
      if (row.stage === 'CLOSED') throw badInput('caseId', 'The case is closed (終結): the 主担当 carries on in its own records');
      // A case without consent takes contacts only under an outreach decision (the 支援会議's pre-consent plan).
      const outreach = row.withoutConsent ? await write.outreachDecision(tx, row.id) : null;
      if (row.withoutConsent && !outreach)
        throw badInput('caseId', 'Before consent, contacts are logged only under an OUTREACH_PLANNED decision of a 支援会議');
      return write.insertContact(tx, {
        caseId: row.id,
        participationId: null,
        ...fields,
        by: viewer.staffId,
        org: viewer.orgId,
        outreachDecision: outreach,
      });
    });
    return (await contactById(ctx.db, id))!;
  },

  /** 参加支援の受入先, registered with what it offers; registering an id that exists updates it. */
  registerHost: async (_, { input }, ctx) => {
    const viewer = await requireCoordinator(ctx);
    const id = checkId('input.id', input.id);
    const name = text('input.name', input.name, 200);
    const offers = texts('input.offers', input.offers, 200);
    await inTransaction(ctx.db, (tx) => write.upsertHost(tx, { id, name, offers, by: viewer.staffId }));
    return (await hosts(ctx.db, [id]))[0]!;
  },

  /** Matching to a 受入先 (000:2334-2341): only after a 重層的支援会議 decided the person needs 参加支援 (000:2312). */
  startParticipation: async (_, args, ctx) => {
    const viewer = await requireCoordinator(ctx);
    const view = await caseForWork(ctx, args.caseId, 'Mutation.startParticipation');
    if (!view.subjectIds.includes(args.personId)) throw badInput('personId', 'The person must be a subject of the case');
    if ((await hosts(ctx.db, [args.hostId])).length === 0) throw badInput('hostId', 'No 受入先 is registered with that id (registerHost)');
    const id = await onCase(ctx, view.id, async (tx, row) => {
      if (row.stage === 'CLOSED') throw badInput('caseId', 'The case is closed (終結)');
      const decision = await write.participationDecision(tx, row.id, args.personId);
      if (!decision)
        throw badInput('personId', '参加支援 starts only after a 重層的支援会議 decided it is needed for this person (PARTICIPATION_NEEDED)');
      return write.insertParticipation(tx, {
        caseId: row.id,
        personId: args.personId,
        hostId: args.hostId,
        decisionId: decision,
        by: viewer.staffId,
      });
    });
    return participationOut(ctx, id, view);
  },

  /** 定着支援・フォローアップ with the person and the host; the first one makes the participation ACTIVE. Also after it ended. */
  recordFollowUp: async (_, args, ctx) => {
    const viewer = await requireViewer(ctx);
    const found = await participationById(ctx.db, args.participationId);
    const view = found ? await visibleCase(ctx, found.caseId, 'Mutation.recordFollowUp') : null;
    if (!found || !view || !seesMember(view, found.personId))
      throw forbidden('Follow-ups are logged by a coordinator, the 主担当 or the organisation with a role for that person');
    const fields = contactFields({ ...args.input, personId: found.personId }, view);
    await inTransaction(ctx.db, async (tx) => {
      const p = (await participationById(tx, found.id, true))!;
      await write.insertContact(tx, {
        caseId: p.caseId,
        participationId: p.id,
        ...fields,
        by: viewer.staffId,
        org: viewer.orgId,
        outreachDecision: null,
      });
      const state = participationAfter(p.state, 'FOLLOW_UP');
      if (state !== p.state) await write.setParticipationState(tx, p.id, state, false);
    });
    return participationOut(ctx, found.id, view);
  },

  /** 終結 of a participation: SETTLED (定着: the relation with the host is stable) or ENDED. */
  endParticipation: async (_, args, ctx) => {
    await requireCoordinator(ctx);
    const end = args.state;
    if (end !== 'SETTLED' && end !== 'ENDED') throw badInput('state', 'A participation ends as SETTLED (定着) or ENDED');
    const found = await participationById(ctx.db, args.id);
    const view = found ? await visibleCase(ctx, found.caseId, 'Mutation.endParticipation') : null;
    if (!found || !view) throw badInput('id', 'No participation has that id');
    await inTransaction(ctx.db, async (tx) => {
      const p = (await participationById(tx, found.id, true))!;
      let state;
      try {
        state = participationAfter(p.state, end);
      } catch (e) {
        if (e instanceof StepRefused) stepError(e);
        throw e;
      }
      await write.setParticipationState(tx, p.id, state, true);
    });
    return participationOut(ctx, found.id, view);
  },
};
