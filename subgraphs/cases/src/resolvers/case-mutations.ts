import { badInput, forbidden } from '@welfare-hub/subgraph-host';
import { inTransaction } from '@welfare-hub/store';
import { todayInTokyo } from '@welfare-hub/codec';
import type { EntityManager } from 'typeorm';
import type { CasesContext } from '../context.js';
import type { MutationResolvers } from '../generated/resolvers.js';
import { lockCase, type CaseRow } from '../store/case-rows.js';
import * as write from '../store/case-writes.js';
import { decideReferral, isTeam, referralsById, registerTeam } from '../store/referrals.js';
import { nextStage, StepRefused, type Step } from '../stage-machine.js';
import { requireCoordinator, requireViewer, text, texts, visibleCase, type CaseView } from './access.js';

/** A refused step of the stage machine as BAD_USER_INPUT with the field and the missing step. */
export function stepError(e: unknown): never {
  if (e instanceof StepRefused) throw badInput(e.field, e.message);
  throw e;
}

/** The case after a step, as the viewer now sees it. */
export async function afterStep(ctx: CasesContext, id: string, purpose: string): Promise<CaseView> {
  const view = await visibleCase(ctx, id, purpose);
  // The step was allowed, so the viewer sees the case; if the rules now say otherwise (the 主担当 changed), say so plainly.
  if (!view) throw forbidden('The step is recorded; this viewer no longer sees the case');
  return view;
}

/**
 * Runs a step on one case inside a transaction, the case locked: `check` sees the case as it is now (a step that raced
 * another sees the other's result) and either writes or throws. Nothing is written when it throws.
 */
export async function onCase<T>(ctx: CasesContext, caseId: string, work: (tx: EntityManager, row: CaseRow) => Promise<T>): Promise<T> {
  return inTransaction(ctx.db, async (tx) => {
    const row = await lockCase(tx, caseId);
    if (!row) throw badInput('caseId', 'No case has that id');
    return work(tx, row);
  });
}

function step(row: CaseRow, s: Step) {
  try {
    return nextStage({ stage: row.stage, plan: row.plan, leadOrgId: row.leadOrgId }, s);
  } catch (e) {
    return stepError(e);
  }
}

function validDate(field: string, value: string): string {
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) throw badInput(field, `${field} is not a date`);
  return value;
}

export const caseMutations: MutationResolvers = {
  /**
   * 相談受付: a coordinator opens a case from a referral or directly, on the consent of the 申込票 or 【本人同意なし】
   * (withoutConsent), and the organisation becomes a 多機関協働 team (its staff hold the role).
   */
  openCase: async (_, { input }, ctx) => {
    const viewer = await requireCoordinator(ctx);
    const subjects = [...new Set(input.subjectPersonIds)];
    if ((await ctx.hub.residents(subjects)).size !== subjects.length)
      throw badInput('input.subjectPersonIds', 'Every subject must be a resident (宛名番号)');
    const without = input.withoutConsent === true;
    if (without === (input.consentId != null)) {
      throw badInput(
        'input.consentId',
        without
          ? 'A case opened withoutConsent names no consent'
          : 'Name the consent given on the 申込票 (consentId), or open the case withoutConsent (【本人同意なし】)',
      );
    }
    if (input.consentId != null) {
      if (subjects.length === 0) throw badInput('input.subjectPersonIds', 'A case on consent names the person who gave it');
      const consent = (await ctx.hub.consents([input.consentId])).get(input.consentId);
      if (!consent || !subjects.includes(consent.personId)) throw badInput('input.consentId', "The consent must be one of the subjects'");
      if (!consent.active) throw badInput('input.consentId', 'The consent is revoked or outside its period');
    }
    const summary = text('input.summary', input.summary, 4000);
    const referralId = input.referralId ?? null;
    return afterStep(
      ctx,
      await inTransaction(ctx.db, async (tx) => {
        if (referralId) {
          const referral = (await referralsById(tx, [referralId], true)).get(referralId);
          const toTeam = referral && (referral.toOrgId === viewer.orgId || (await isTeam(tx, referral.toOrgId)));
          if (!referral || !toTeam) throw badInput('input.referralId', 'No referral to the 多機関協働 team has that id');
          if (referral.state !== 'SENT') throw badInput('input.referralId', `The referral was ${referral.state.toLowerCase()} already`);
        }
        await registerTeam(tx, viewer.orgId);
        const id = await write.insertCase(tx, {
          route: input.route,
          subjectIds: subjects,
          referralId,
          consentId: input.consentId ?? null,
          summary,
          openedBy: viewer.staffId,
        });
        if (referralId) await decideReferral(tx, referralId, 'ACCEPTED', viewer.staffId, null, id);
        return id;
      }),
      'Mutation.openCase',
    );
  },

  /** The person finally signs the 申込票 (AS-03): the case leaves the 支援会議 and the 重層的支援会議 may decide on it. */
  attachConsent: async (_, args, ctx) => {
    await requireCoordinator(ctx);
    const consent = (await ctx.hub.consents([args.consentId])).get(args.consentId);
    await onCase(ctx, args.caseId, async (tx, row) => {
      if (!row.withoutConsent) throw badInput('caseId', 'The case has its consent already');
      if (!consent || !row.subjectIds.includes(consent.personId)) throw badInput('consentId', "The consent must be one of the case's subjects'");
      if (!consent.active) throw badInput('consentId', 'The consent is revoked or outside its period');
      await write.attachConsent(tx, row.id, consent.id);
    });
    return afterStep(ctx, args.caseId, 'Mutation.attachConsent');
  },

  /** インテーク・アセスメント: a coordinator, or staff of the 主担当. */
  recordAssessment: async (_, args, ctx) => {
    const viewer = await requireViewer(ctx);
    const issues = [...new Set(args.input.issues)];
    if (issues.length === 0) throw badInput('input.issues', 'Name at least one 課題 (issueCodes)');
    const unknown = issues.filter((i) => !ctx.issues.has(i));
    if (unknown.length > 0) throw badInput('input.issues', `Not a 課題 code of the list (issueCodes): ${unknown.join(', ')}`);
    const summary = text('input.summary', args.input.summary, 8000);
    // The 主担当 is known by the rules: a case the viewer may not see is refused in the same words as one that does not exist.
    if (!viewer.coordinator && (await visibleCase(ctx, args.caseId, 'Mutation.recordAssessment'))?.access.basis !== 'LEAD') {
      throw forbidden('An assessment is recorded by a coordinator or the 主担当');
    }
    await onCase(ctx, args.caseId, async (tx, row) => {
      if (!viewer.coordinator && row.leadOrgId !== viewer.orgId) throw forbidden('An assessment is recorded by a coordinator or the 主担当');
      const to = step(row, { kind: 'ASSESSMENT' });
      await write.insertAssessment(tx, { caseId: row.id, issues, summary, by: viewer.staffId, org: viewer.orgId });
      await write.moveStage(tx, row.id, row.stage, to, viewer.staffId, null);
    });
    return afterStep(ctx, args.caseId, 'Mutation.recordAssessment');
  },

  /** プラン作成: a new version with its goals, roles (役割分担) and review date. */
  proposePlan: async (_, args, ctx) => {
    const viewer = await requireCoordinator(ctx);
    const goals = texts('input.goals', args.input.goals, 500);
    if (args.input.roles.length === 0) throw badInput('input.roles', 'Name at least one role (役割分担)');
    const orgs = await ctx.hub.organisations(args.input.roles.map((r) => r.orgId));
    const reviewOn = validDate('input.reviewOn', args.input.reviewOn);
    if (reviewOn < todayInTokyo()) throw badInput('input.reviewOn', 'The review date is in the past');
    await onCase(ctx, args.caseId, async (tx, row) => {
      const roles = args.input.roles.map((r, i) => {
        const org = orgs.get(r.orgId);
        if (!org || org.outsideWelfare) throw badInput(`input.roles[${i}].orgId`, 'A role goes to a registered welfare organisation');
        if (r.personId != null && !row.subjectIds.includes(r.personId))
          throw badInput(`input.roles[${i}].personId`, 'A role for a member names a subject of the case');
        return { orgId: org.id, personId: r.personId ?? null, task: text(`input.roles[${i}].task`, r.task, 500) };
      });
      const to = step(row, { kind: 'PLAN' });
      await write.insertPlan(tx, { caseId: row.id, version: (row.plan?.version ?? 0) + 1, goals, reviewOn, by: viewer.staffId, roles });
      await write.moveStage(tx, row.id, row.stage, to, viewer.staffId, null);
    });
    return afterStep(ctx, args.caseId, 'Mutation.proposePlan');
  },

  /** 主担当 named before closure (closure names it otherwise). */
  setLeadOrganisation: async (_, args, ctx) => {
    await requireCoordinator(ctx);
    const org = (await ctx.hub.organisations([args.orgId])).get(args.orgId);
    if (!org || org.outsideWelfare) throw badInput('orgId', 'The 主担当 is a registered welfare organisation');
    await onCase(ctx, args.caseId, async (tx, row) => {
      if (row.stage === 'CLOSED') throw badInput('caseId', 'The case is closed: its 主担当 was named at closure');
      await write.setLead(tx, row.id, org.id);
    });
    return afterStep(ctx, args.caseId, 'Mutation.setLeadOrganisation');
  },

  /** Role admin: an organisation registered as a 多機関協働 team (a referral to it is accepted by opening a case). */
  registerTeam: async (_, { orgId }, ctx) => {
    if (!ctx.policy.hasRole('admin')) throw forbidden('Registering a team needs the role admin');
    if (!(await ctx.hub.organisations([orgId])).has(orgId)) throw badInput('orgId', 'No organisation is registered with that id');
    await registerTeam(ctx.db, orgId);
    return true;
  },
};
