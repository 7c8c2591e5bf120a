import fc from 'fast-check';
import { caseAccess, recordedPurpose, referralAccess, type CaseFacts, type CaseViewer } from '../src/index.js';

const viewer = (orgId: string, coordinator = false): CaseViewer => ({ staffId: `${orgId}-01`, orgId, coordinator });
const facts = (over: Partial<CaseFacts> = {}): CaseFacts => ({
  id: 'c1',
  subjectIds: ['P1', 'P2'],
  consented: true,
  leadOrgId: null,
  planRoles: [
    { orgId: 'SCHOOL', personId: 'P2' },
    { orgId: 'KONKYU', personId: null },
  ],
  ...over,
});
const none = new Set<string>();

describe('who sees a case (cases.md), decided in the policy module', () => {
  it("gives coordinators everything, the 主担当 everything, a member's role that member, a case-wide role the summary", () => {
    expect(caseAccess(viewer('TEAM', true), facts(), none, null)).toMatchObject({ status: 'GRANTED', level: 'FULL', basis: 'COORDINATOR' });
    expect(caseAccess(viewer('KAIGO'), facts({ leadOrgId: 'KAIGO' }), none, null)).toMatchObject({ level: 'FULL', basis: 'LEAD' });
    expect(caseAccess(viewer('SCHOOL'), facts(), none, null)).toMatchObject({ level: 'MEMBER', basis: 'PLAN_ROLE', members: ['P2'] });
    expect(caseAccess(viewer('KONKYU'), facts(), none, null)).toMatchObject({ level: 'SUMMARY', basis: 'PLAN_ROLE', members: [] });
    expect(caseAccess(viewer('SHOGAI'), facts(), none, null)).toMatchObject({ status: 'DENIED', level: null });
  });

  it('shows a case without consent only to coordinators and to the 支援会議 whose subjects include all of its subjects', () => {
    const without = facts({ consented: false, leadOrgId: 'SCHOOL' });
    expect(caseAccess(viewer('SCHOOL'), without, none, null).status).toBe('DENIED');
    expect(caseAccess(viewer('SCHOOL'), without, new Set(['P1']), 'M1').status).toBe('DENIED');
    expect(caseAccess(viewer('SCHOOL'), without, new Set(['P1', 'P2']), 'M1')).toMatchObject({
      status: 'GRANTED',
      level: 'FULL',
      basis: 'SUPPORT_MEETING',
      reference: 'M1',
    });
    expect(caseAccess(viewer('X'), facts({ consented: false, subjectIds: [] }), new Set(['P1']), 'M1').status).toBe('DENIED');
    expect(caseAccess(viewer('TEAM', true), facts({ consented: false, subjectIds: [] }), none, null).status).toBe('GRANTED');
  });

  it('answers an unknown case and an unregistered viewer exactly as a case the viewer may not see (property)', () => {
    const arb = fc.record({
      org: fc.constantFrom('SCHOOL', 'KONKYU', 'KAIGO', 'OTHER'),
      coordinator: fc.boolean(),
      consented: fc.boolean(),
      lead: fc.option(fc.constantFrom('KAIGO', 'OTHER'), { nil: null }),
    });
    fc.assert(
      fc.property(arb, ({ org, coordinator, consented, lead }) => {
        const unknown = caseAccess(viewer(org, coordinator), null, none, null);
        const unregistered = caseAccess(null, facts({ consented, leadOrgId: lead }), none, null);
        expect(unknown).toEqual(unregistered);
        const decided = caseAccess(viewer(org, coordinator), facts({ consented, leadOrgId: lead }), none, null);
        if (decided.status === 'DENIED') expect(decided).toEqual(unknown);
      }),
      { numRuns: 200, seed: 16 },
    );
  });

  it('shows a referral to its two organisations, and a referral to a team to coordinators', () => {
    const r = { id: 'r1', subjectIds: ['P1'], fromOrgId: 'KAIGO', toOrgId: 'TEAM', toTeam: true };
    expect(referralAccess(viewer('KAIGO'), r).basis).toBe('REFERRAL');
    expect(referralAccess(viewer('TEAM'), r).basis).toBe('REFERRAL');
    expect(referralAccess(viewer('OTHER', true), r).basis).toBe('COORDINATOR');
    expect(referralAccess(viewer('OTHER', true), { ...r, toOrgId: 'KONKYU', toTeam: false }).status).toBe('DENIED');
    expect(referralAccess(viewer('SHOGAI'), r).status).toBe('DENIED');
  });

  it('records the case named by x-hub-case as the purpose', () => {
    expect(recordedPurpose('c-1', 'Person.kaigo')).toBe('case:c-1 Person.kaigo');
    expect(recordedPurpose(null, 'Person.kaigo')).toBe('Person.kaigo');
  });
});
