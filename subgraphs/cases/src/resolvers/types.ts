import type { CasesContext } from '../context.js';
import type { ContactRow, DecisionRow, ParticipationRow, PlanRow } from '../store/case-parts.js';
import { full, seesDetail, seesMember, visibleCase, visibleCases, type CaseView, type ReferralView } from './access.js';
import { referralsById } from '../store/referrals.js';

const person = (id: string | null) => (id ? { __typename: 'Person', id } : null);
const organisation = (id: string | null) => (id ? { __typename: 'Organisation', id } : null);

/** A participation with the case it belongs to, so that its follow-ups follow the case's rules. */
type ParticipationView = ParticipationRow & { view: CaseView };

function contactOut(c: ContactRow) {
  return { id: c.id, at: c.at, kind: c.kind, note: c.note, by: c.by, person: person(c.personId) };
}

/**
 * What a viewer sees of a case follows its access level (policy case-rules.ts): stage, route, subjects, the plan's goals and
 * roles and the decisions' kind, time and meeting for every level; the consent, the intake summary, the assessment and
 * decision notes for the 主担当, coordinators and organisations with a role for a member; contacts and participations
 * about a member for the organisations with a role for that member; everything else for FULL only.
 */
export const caseType = {
  __resolveReference: (ref: { id: string }, ctx: CasesContext) => visibleCase(ctx, ref.id, 'Case'),
  subjects: (c: CaseView) => c.subjectIds.map((id) => person(id)),
  consent: (c: CaseView) => (seesDetail(c) && c.consentId ? { __typename: 'Consent', id: c.consentId } : null),
  summary: (c: CaseView) => (seesDetail(c) ? c.summary : null),
  visibility: (c: CaseView) => c.access.level,
  assessment: async (c: CaseView, _: unknown, ctx: CasesContext) => (seesDetail(c) ? ctx.loaders.assessment.load(c.id) : null),
  plan: async (c: CaseView, _: unknown, ctx: CasesContext) => (await ctx.loaders.plans.load(c.id)).at(-1) ?? null,
  plans: (c: CaseView, _: unknown, ctx: CasesContext) => ctx.loaders.plans.load(c.id),
  decisions: async (c: CaseView, _: unknown, ctx: CasesContext) =>
    (await ctx.loaders.decisions.load(c.id)).map((d: DecisionRow) => ({
      ...d,
      // The note of a decision about one member is that member's record; a case-wide one is the case's.
      note: (d.personId ? seesMember(c, d.personId) : seesDetail(c)) ? d.note : null,
      person: person(d.personId),
      leadOrganisation: organisation(d.leadOrgId),
    })),
  contacts: async (c: CaseView, _: unknown, ctx: CasesContext) =>
    (await ctx.loaders.contacts.load(c.id)).filter((x) => x.participationId === null && seesMember(c, x.personId)).map(contactOut),
  participations: async (c: CaseView, _: unknown, ctx: CasesContext): Promise<ParticipationView[]> =>
    (await ctx.loaders.participations.load(c.id)).filter((p) => seesMember(c, p.personId)).map((p) => ({ ...p, view: c })),
  leadOrganisation: (c: CaseView) => organisation(c.leadOrgId),
  returnedTo: (c: CaseView) => organisation(c.returnedTo),
  referral: async (c: CaseView, _: unknown, ctx: CasesContext) => {
    if (!full(c) || !c.referralId) return null;
    const row = (await referralsById(ctx.db, [c.referralId])).get(c.referralId);
    return row ? { ...row, access: c.access } : null;
  },
};

export const planType = {
  roles: (p: PlanRow) => p.roles.map((r) => ({ organisation: organisation(r.orgId), person: person(r.personId), task: r.task })),
};

export const participationType = {
  person: (p: ParticipationView) => person(p.personId),
  host: (p: ParticipationView, _: unknown, ctx: CasesContext) => ctx.loaders.hosts.load(p.hostId),
  followUps: async (p: ParticipationView, _: unknown, ctx: CasesContext) =>
    (await ctx.loaders.contacts.load(p.caseId)).filter((x) => x.participationId === p.id).map(contactOut),
};

export const referralType = {
  from: (r: ReferralView) => organisation(r.fromOrgId),
  to: (r: ReferralView) => organisation(r.toOrgId),
  subjects: (r: ReferralView) => r.subjectIds.map((id) => person(id)),
  case: (r: ReferralView, _: unknown, ctx: CasesContext) => (r.caseId ? visibleCase(ctx, r.caseId, 'Referral.case') : null),
};

export const personType = {
  // No lookup of the person: the answer is the same for an id that exists and one that does not.
  __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
  cases: async (p: { id: string }, _: unknown, ctx: CasesContext) => {
    if (!(await ctx.policy.cases().viewer())) return [];
    return visibleCases(ctx, await ctx.loaders.casesOf.load(p.id), 'Person.cases');
  },
};
