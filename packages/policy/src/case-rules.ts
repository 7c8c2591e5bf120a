/**
 * Who sees a 多機関協働 case (cases.md, "Who sees a case"), as pure rules over facts read elsewhere: the same module that
 * decides sector data decides case work, so that there is one policy to read, test and audit.
 */

/** The basis a case or referral is seen on; recorded in the audit log like a sector decision's basis. */
export type CaseBasis = 'COORDINATOR' | 'LEAD' | 'PLAN_ROLE' | 'SUPPORT_MEETING' | 'REFERRAL';

/**
 * What a viewer sees of a case: FULL (everything: coordinators, the 主担当, members of the 支援会議 a case without consent
 * lives under), MEMBER (a role for a member of the 世帯: the assessment, decision notes, and the contacts about the case or
 * about those members), SUMMARY (a role in the plan: stage, goals and roles).
 */
export type CaseLevel = 'FULL' | 'MEMBER' | 'SUMMARY';

/** The viewer as case rules need them: registered staff of an organisation inside welfare, and the token's roles. */
export interface CaseViewer {
  staffId: string;
  orgId: string;
  coordinator: boolean;
}

/** What the rules need of one case, read by the cases subgraph from its own tables and the hub's consents. */
export interface CaseFacts {
  id: string;
  subjectIds: readonly string[];
  /** A consent is attached and active today (a revoked or lapsed one counts as none). */
  consented: boolean;
  leadOrgId: string | null;
  /** The roles of the newest plan version. */
  planRoles: readonly { orgId: string; personId: string | null }[];
}

export interface CaseAccess {
  status: 'GRANTED' | 'DENIED';
  level: CaseLevel | null;
  basis: CaseBasis | null;
  /** The meeting a SUPPORT_MEETING basis rests on. */
  reference: string | null;
  /** MEMBER: the members the viewer's organisation has a role for. */
  members: string[];
}

const DENIED: CaseAccess = { status: 'DENIED', level: null, basis: null, reference: null, members: [] };

/**
 * The rules, in order:
 * 1. coordinators see every case (FULL);
 * 2. a case without an active consent is seen, beyond coordinators, only by full members of the open 支援会議 named in
 *    x-hub-meeting whose subjects include every subject of the case (`inMeeting`: the persons that meeting lets this
 *    viewer see, as for sector data); a case with no identified subject by coordinators only;
 * 3. with consent: the 主担当's staff (FULL); staff of an organisation with a role for a member (MEMBER, for those
 *    members); staff of an organisation with a role for the case as a whole (SUMMARY);
 * 4. anyone else: denied, exactly as for a case that does not exist.
 */
export function caseAccess(viewer: CaseViewer | null, facts: CaseFacts | null, inMeeting: ReadonlySet<string>, meetingId: string | null): CaseAccess {
  if (!viewer || !facts) return DENIED;
  if (viewer.coordinator) return { status: 'GRANTED', level: 'FULL', basis: 'COORDINATOR', reference: null, members: [] };
  if (!facts.consented) {
    const all = facts.subjectIds.length > 0 && facts.subjectIds.every((id) => inMeeting.has(id));
    return all ? { status: 'GRANTED', level: 'FULL', basis: 'SUPPORT_MEETING', reference: meetingId, members: [] } : DENIED;
  }
  if (facts.leadOrgId === viewer.orgId) return { status: 'GRANTED', level: 'FULL', basis: 'LEAD', reference: null, members: [] };
  const roles = facts.planRoles.filter((r) => r.orgId === viewer.orgId);
  if (roles.length === 0) return DENIED;
  const members = [...new Set(roles.flatMap((r) => (r.personId ? [r.personId] : [])))];
  return { status: 'GRANTED', level: members.length > 0 ? 'MEMBER' : 'SUMMARY', basis: 'PLAN_ROLE', reference: null, members };
}

/** What the rules need of one referral. */
export interface ReferralFacts {
  id: string;
  subjectIds: readonly string[];
  fromOrgId: string;
  toOrgId: string;
  /** The receiver is a 多機関協働 team. */
  toTeam: boolean;
}

/** The organisations of a referral see it; coordinators see the referrals to a 多機関協働 team. */
export function referralAccess(viewer: CaseViewer | null, facts: ReferralFacts | null): CaseAccess {
  if (!viewer || !facts) return DENIED;
  if (viewer.orgId === facts.fromOrgId || viewer.orgId === facts.toOrgId)
    return { status: 'GRANTED', level: 'FULL', basis: 'REFERRAL', reference: null, members: [] };
  if (viewer.coordinator && facts.toTeam) return { status: 'GRANTED', level: 'FULL', basis: 'COORDINATOR', reference: null, members: [] };
  return DENIED;
}

/** The purpose a decision is recorded under: the case the request names (x-hub-case), then what was read. */
export function recordedPurpose(caseId: string | null | undefined, purpose: string): string {
  return caseId ? `case:${caseId} ${purpose}` : purpose;
}
