import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Planted } from '@welfare-hub/citygen';
import { startHubUnderTest, type HubUnderTest } from './support/hub-under-test.js';
import { CaseClient, inDays, STAFF } from './support/case-work.js';

/**
 * The demo city comes with a year of case work (tools/citygen case-history.ts), so that a fresh `npm start` shows a
 * municipality in mid-year: cases in every stage, referrals waiting, figures that are not zero, and the planted 8050
 * household worked as the seeds tell.
 */
describe("the demo city's year of case work", () => {
  let t: HubUnderTest;
  let c: CaseClient;
  beforeAll(async () => {
    t = await startHubUnderTest(null, { HUB_DEMO_RESIDENTS: '3000', HUB_ANALYTICS_THRESHOLD: '3', HUB_DEMO_CASE_HISTORY: 'true' });
    c = new CaseClient(t);
  }, 240_000);
  afterAll(() => t.stop());

  it('is loaded when the demo city is prepared: cases in every stage, referrals waiting for the team', async () => {
    const mine = await c.ok(STAFF.coord, `{ myCases { stage withoutConsent } referralsToMe(state: SENT) { id from { id } } }`);
    const stages = new Set(mine['myCases'].map((x: any) => x.stage));
    expect([...stages].sort()).toEqual(['ACTIVE', 'ASSESSMENT', 'CLOSED', 'INTAKE', 'MONITORING', 'PLANNING']);
    expect(mine['myCases'].some((x: any) => x.withoutConsent)).toBe(true);
    expect(mine['referralsToMe'].length).toBeGreaterThan(0);
    // Sector staff find their own work: a referral they sent, cases returned to them or in which they have a role.
    const kaigo = await c.ok(STAFF.kaigo, `{ referralsFromMe { id } myCases { id } }`);
    expect(kaigo['referralsFromMe'].length + kaigo['myCases'].length).toBeGreaterThan(0);
  });

  it("puts its meetings and consents in the hub's records as cases.json has them, each as its readers see it", async () => {
    // Written by the hub's own writer (@welfare-hub/subgraph-hub/demo) in the case loader's transaction.
    const history = JSON.parse(readFileSync(join(t.dataDir, 'demo-city', 'cases', 'cases.json'), 'utf8')) as {
      meetings: { id: string; kind: string; title: string; subjectPersonIds: string[]; subjectHouseholdIds: string[]; members: string[] }[];
      consents: { id: string; personId: string; sectors: string[]; recipientOrgs: string[]; purpose: string; recordedOrg: string }[];
    };
    expect(history.meetings.length).toBeGreaterThan(0);
    expect(history.consents.length).toBeGreaterThan(0);
    const sorted = (xs: readonly string[]) => [...xs].sort();
    for (const m of history.meetings) {
      const { supportMeeting } = await c.ok(
        STAFF.coord,
        `query ($id: ID!) { supportMeeting(id: $id) { id kind title subjectPersonIds subjectHouseholdIds members { staffId role } } }`,
        { id: m.id },
      );
      expect({ ...supportMeeting, members: sorted(supportMeeting.members.map((x: any) => `${x.staffId}:${x.role}`)) }).toEqual({
        id: m.id,
        kind: m.kind,
        title: m.title,
        subjectPersonIds: m.subjectPersonIds,
        subjectHouseholdIds: m.subjectHouseholdIds,
        members: sorted(m.members.map((x) => `${x}:FULL`)),
      });
    }
    for (const consent of history.consents) {
      const { consents } = await c.ok(
        STAFF.coord,
        `query ($p: ID!) { consents(personId: $p) { id personId sectors recipientOrgs purpose method recordedOrg } }`,
        { p: consent.personId },
      );
      const { id, personId, sectors, recipientOrgs, purpose, recordedOrg } = consent;
      expect(consents.find((x: any) => x.id === consent.id)).toEqual({
        id,
        personId,
        sectors,
        recipientOrgs,
        purpose,
        method: 'WRITTEN',
        recordedOrg,
      });
    }
  });

  it('is consistent with the sector data: every referral is about a resident the sending sector holds a record about', async () => {
    // The generator's truth: which resident each sector record is about (whether or not the hub has confirmed the link yet).
    const held = (source: string) =>
      new Set(
        readFileSync(join(t.dataDir, 'demo-city', 'truth', `${source}.jsonl`), 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((l) => (JSON.parse(l) as { atenaNo: string }).atenaNo),
      );
    const bySector: Record<string, Set<string>> = {
      'KAIGO-HOKATSU': held('kaigo'),
      'SHOGAI-SODAN': held('shogai'),
      'KODOMO-CENTER': held('kodomo'),
      'KONKYU-SHAKYO': held('konkyu'),
    };
    const referrals: { from_org: string; subject_ids: string[] }[] = await t.db.query(`SELECT from_org, subject_ids FROM cases.referral`);
    expect(referrals.length).toBeGreaterThan(10);
    for (const r of referrals) expect({ r, held: r.subject_ids.some((id) => bySector[r.from_org]!.has(id)) }).toEqual({ r, held: true });
  });

  it('works the planted 8050 household: referred by the care manager, outreach under a 支援会議 before consent', async () => {
    const planted = JSON.parse(readFileSync(join(t.dataDir, 'demo-city', 'truth', 'situations.json'), 'utf8')) as Planted[];
    // The son: the member the 介護 sector does not hold (in the seeds' own case, in no system at all).
    const sons = planted
      .filter((p) => p.kind === 'EIGHTY_FIFTY')
      .map((p) => Object.keys(p.involvement).find((a) => !p.involvement[a]!.includes('KAIGO'))!);
    const cases = await Promise.all(
      sons.map(
        async (son) =>
          (
            await c.ok(
              STAFF.coord,
              `query ($p: ID!) { person(id: $p) { cases { route withoutConsent referral { from { id } } decisions { kind } contacts { kind } } } }`,
              { p: son },
            )
          )['person'].cases,
      ),
    );
    for (const list of cases) {
      expect(list).toHaveLength(1);
      expect(list[0]).toMatchObject({ route: 'REFERRAL', referral: { from: { id: 'KAIGO-HOKATSU' } } });
      expect(list[0].decisions[0].kind).toBe('OUTREACH_PLANNED');
      expect(list[0].contacts.some((x: any) => x.kind === 'LETTER')).toBe(true);
    }
    // The first son signed the 申込票 later (consent attached); the others are still worked under a 支援会議.
    expect(cases.map((l) => l[0].withoutConsent)).toEqual(sons.map((_, i) => i !== 0));
  });

  it('gives figures that are not zero over the year and this month', async () => {
    const figures = (
      await c.ok(
        STAFF.analyst,
        `query ($f: Date!, $t: Date!) { caseIndicators(from: $f, to: $t) { casesOpened referrals plansApproved closed hosts outreachContacts
      issuesPerCase decisionsByKind { key count } } }`,
        { f: inDays(-365), t: inDays(0) },
      )
    )['caseIndicators'];
    for (const key of ['casesOpened', 'referrals', 'plansApproved', 'closed', 'hosts', 'outreachContacts'])
      expect({ key, value: figures[key] > 0 }).toEqual({ key, value: true });
    expect(figures.issuesPerCase).toBeGreaterThan(3);
    const month = (
      await c.ok(STAFF.analyst, `query ($m: String!) { activityReport(month: $m) { totals { activity count } } }`, { m: inDays(0).slice(0, 7) })
    )['activityReport'];
    expect(month.totals.some((x: any) => x.count > 0)).toBe(true);
  });
});
