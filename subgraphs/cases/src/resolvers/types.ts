import type {
  CaseContactResolvers,
  CaseDecisionResolvers,
  CaseResolvers,
  ParticipationResolvers,
  PersonResolvers,
  PlanResolvers,
  ReferralResolvers,
} from '../generated/resolvers.js';
import type { ContactRow } from '../store/case-parts.js';
import { full, seesDetail, seesMember, visibleCase, visibleCases } from './access.js';
import { referralsById } from '../store/referrals.js';

const person = (id: string | null) => (id ? { __typename: 'Person', id } : null);
const organisation = (id: string | null) => (id ? { __typename: 'Organisation', id } : null);

/**
 * What a viewer sees of a case follows its access level (policy case-rules.ts): stage, route, subjects, the plan's goals and
 * roles and the decisions' kind, time and meeting for every level; the consent, the intake summary, the assessment and
 * decision notes for the 主担当, coordinators and organisations with a role for a member; contacts and participations
 * about a member for the organisations with a role for that member; everything else for FULL only.
 */
export const caseType: CaseResolvers = {
  __resolveReference: (ref, ctx) => visibleCase(ctx, ref.id, 'Case'),
  subjects: (c) => c.subjectIds.map((id) => ({ __typename: 'Person', id })),
  consent: (c) => (seesDetail(c) && c.consentId ? { __typename: 'Consent', id: c.consentId } : null),
  summary: (c) => (seesDetail(c) ? c.summary : null),
  visibility: (c) => c.access.level!,
  assessment: async (c, _, ctx) => (seesDetail(c) ? ctx.loaders.assessment.load(c.id) : null),
  plan: async (c, _, ctx) => (await ctx.loaders.plans.load(c.id)).at(-1) ?? null,
  plans: (c, _, ctx) => ctx.loaders.plans.load(c.id),
  // The note of a decision about one member is that member's record; a case-wide one is the case's.
  decisions: async (c, _, ctx) =>
    (await ctx.loaders.decisions.load(c.id)).map((d) => ({ ...d, note: (d.personId ? seesMember(c, d.personId) : seesDetail(c)) ? d.note : null })),
  contacts: async (c, _, ctx) => (await ctx.loaders.contacts.load(c.id)).filter((x) => x.participationId === null && seesMember(c, x.personId)),
  participations: async (c, _, ctx) =>
    (await ctx.loaders.participations.load(c.id)).filter((p) => seesMember(c, p.personId)).map((p) => ({ ...p, view: c })),
  leadOrganisation: (c) => organisation(c.leadOrgId),
  returnedTo: (c) => organisation(c.returnedTo),
  referral: async (c, _, ctx) => {
    if (!full(c) || !c.referralId) return null;
    const row = (await referralsById(ctx.db, [c.referralId])).get(c.referralId);
    return row ? { ...row, access: c.access } : null;
  },
};

export const planType: PlanResolvers = {
  roles: (p) => p.roles.map((r) => ({ organisation: { __typename: 'Organisation', id: r.orgId }, person: person(r.personId), task: r.task })),
};

export const caseDecisionType: CaseDecisionResolvers = {
  person: (d) => person(d.personId),
  leadOrganisation: (d) => organisation(d.leadOrgId),
};

export const caseContactType: CaseContactResolvers = {
  person: (c) => person(c.personId),
};

export const participationType: ParticipationResolvers = {
  person: (p) => ({ __typename: 'Person', id: p.personId }),
  host: async (p, _, ctx) => (await ctx.loaders.hosts.load(p.hostId))!,
  followUps: async (p, _, ctx) => (await ctx.loaders.contacts.load(p.caseId)).filter((x: ContactRow) => x.participationId === p.id),
};

export const referralType: ReferralResolvers = {
  from: (r) => ({ __typename: 'Organisation', id: r.fromOrgId }),
  to: (r) => ({ __typename: 'Organisation', id: r.toOrgId }),
  subjects: (r) => r.subjectIds.map((id) => ({ __typename: 'Person', id })),
  case: (r, _, ctx) => (r.caseId ? visibleCase(ctx, r.caseId, 'Referral.case') : null),
};

export const personType: PersonResolvers = {
  // No lookup of the person: the answer is the same for an id that exists and one that does not.
  __resolveReference: (ref) => ({ id: ref.id }),
  cases: async (p, _, ctx) => {
    if (!(await ctx.policy.cases().viewer())) return [];
    return visibleCases(ctx, await ctx.loaders.casesOf.load(p.id), 'Person.cases');
  },
};
