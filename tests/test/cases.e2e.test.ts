import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Planted } from '@welfare-hub/citygen';
import { startHubUnderTest, type HubUnderTest } from './support/hub-under-test.js';
import { CaseClient, inDays, STAFF } from './support/case-work.js';

const CASE = `query ($id: ID!) { case(id: $id) { id stage withoutConsent visibility summary consent { id } subjects { id }
  assessment { issues } plan { version goals approved roles { organisation { id } person { id } task } }
  decisions { kind meetingId note present } contacts { kind note by person { id } } participations { state person { id } host { id } followUps { kind } }
  leadOrganisation { id } returnedTo { id } } }`;
const HOUSEHOLD = `query ($h: ID!) { household(id: $h) { members { id konkyu { consultations { id } } kaigo { careLevel } access { sector status basis } } } }`;

/**
 * The acceptance scenarios of case work (seeds-digest §8) through the gateway, each named after its scenario, on a hub
 * without the demo's year of cases so that every figure is known; threshold 3 so that small fixtures show.
 */
describe('case work across agencies (多機関協働), acceptance scenarios', () => {
  let t: HubUnderTest;
  let c: CaseClient;
  let eightyFifty: { setaiNo: string; son: string; father: string };
  const q = (sql: string, params: unknown[] = []) => t.db.query(sql, params);

  beforeAll(async () => {
    t = await startHubUnderTest(null, { HUB_DEMO_RESIDENTS: '2000', HUB_DEMO_CASE_HISTORY: 'false', HUB_ANALYTICS_THRESHOLD: '3' });
    c = new CaseClient(t);
    const planted = JSON.parse(readFileSync(join(t.dataDir, 'demo-city', 'truth', 'situations.json'), 'utf8')) as Planted[];
    const p = planted.find((x) => x.kind === 'EIGHTY_FIFTY')!;
    const son = Object.entries(p.involvement).find(([, s]) => s.includes('KONKYU'))![0];
    const father = Object.entries(p.involvement).find(([, s]) => s.includes('KAIGO'))![0];
    eightyFifty = { setaiNo: p.setaiNo, son, father };
    c.defaultSubjects = { households: [p.setaiNo] };
    // Organisations outside the demo register that the scenarios need: a school and a 参加支援事業者.
    for (const [id, name, staff] of [
      ['SCHOOL-A', '市立第一中学校', 'school-01'],
      ['SANKA-SHIEN', '参加支援事業者', 'sanka-01'],
    ] as const) {
      await c.ok(STAFF.admin, `mutation ($i: OrganisationInput!) { registerOrganisation(input: $i) { id } }`, { i: { id, name, sectors: [] } });
      await c.ok(STAFF.admin, `mutation ($i: StaffInput!) { registerStaff(input: $i) { id } }`, { i: { id: staff, orgId: id, name: staff } });
    }
  }, 240_000);
  afterAll(() => t.stop());

  const school = { sub: 'school-01', org: 'SCHOOL-A' };
  const sanka = { sub: 'sanka-01', org: 'SANKA-SHIEN' };
  let referralId: string;
  let caseA: string;
  let shienKaigi: string;

  it("AS-15: 按分 — each consultation, contact and case counts once under its subject's funding sector; rows add up to the totals", async () => {
    const pick = (sql: string) => q(sql).then((rows: { atena_no: string }[]) => rows.map((r) => r.atena_no));
    const noCase = `NOT EXISTS (SELECT 1 FROM cases.case_subject s WHERE s.person_id = p.atena_no)`;
    const certified = `EXISTS (SELECT 1 FROM linkage.link l WHERE l.atena_no = p.atena_no AND l.source IN ('shogai-techo', 'shogai-jukyusha') AND l.state = 'linked')`;
    const kodomoCase = `EXISTS (SELECT 1 FROM linkage.link l WHERE l.atena_no = p.atena_no AND l.source = 'kodomo-case')`;
    const groups = {
      KAIGO: await pick(
        `SELECT atena_no FROM juki.person p WHERE resident_status = 1 AND birth_date < now() - interval '70 years' AND ${noCase} ORDER BY atena_no LIMIT 3`,
      ),
      SHOGAI:
        await pick(`SELECT atena_no FROM juki.person p WHERE resident_status = 1 AND birth_date BETWEEN now() - interval '60 years' AND now() - interval '20 years'
        AND EXISTS (SELECT 1 FROM linkage.link l JOIN shogai.techo t ON t.source_key = l.source_key WHERE l.source = 'shogai-techo' AND l.atena_no = p.atena_no AND l.state = 'linked' AND (t.valid_until IS NULL OR t.valid_until > now()) AND t.issued_on < now() - interval '1 month')
        AND ${noCase} ORDER BY atena_no LIMIT 3`),
      KODOMO: await pick(
        `SELECT atena_no FROM juki.person p WHERE resident_status = 1 AND birth_date BETWEEN now() - interval '17 years' AND now() - interval '15 years 1 month' AND NOT ${certified} AND ${noCase} ORDER BY atena_no LIMIT 3`,
      ),
      KONKYU: await pick(
        `SELECT atena_no FROM juki.person p WHERE resident_status = 1 AND birth_date BETWEEN now() - interval '60 years' AND now() - interval '20 years' AND NOT ${certified} AND NOT ${kodomoCase} AND ${noCase} ORDER BY atena_no DESC LIMIT 2`,
      ),
    };
    expect([groups.KAIGO.length, groups.SHOGAI.length, groups.KODOMO.length, groups.KONKYU.length]).toEqual([3, 3, 3, 2]);
    const month = inDays(0).slice(0, 7);
    const report = `query ($m: String!) { activityReport(month: $m) { rows { fundingSector activity count suppressed } totals { activity count } csv xlsx rule } }`;
    const before = (await c.ok(STAFF.analyst, report, { m: month }))['activityReport'];
    const jusou = await c.meeting('JUSOU_SHIEN_KAIGI', ['coord-01']);
    for (const [sector, persons] of Object.entries(groups)) {
      for (const person of persons) {
        const id = await c.openCase({ subjectPersonIds: [person], consentId: await c.consent(person, ['JUSOU-SUISHIN', 'KONKYU-SHAKYO']) });
        expect((await c.contact(STAFF.coord, id, { note: `${sector}の訪問` })).errors).toBeUndefined();
        await c.assess(id);
        await c.plan(id, [{ orgId: 'KONKYU-SHAKYO', personId: person, task: '相談' }]);
        expect((await c.decide(jusou, { caseId: id, kind: 'PLAN_APPROVED' })).errors).toBeUndefined();
      }
    }
    // A person not yet identified counts under the rule's otherwise (KONKYU).
    const nobody = await c.openCase({ route: 'CONCERN', subjectPersonIds: [], withoutConsent: true });
    const shien = await c.meeting('SHIEN_KAIGI', ['coord-01'], { households: [eightyFifty.setaiNo] });
    expect((await c.decide(shien, { caseId: nobody, kind: 'OUTREACH_PLANNED' })).errors).toBeUndefined();
    expect((await c.contact(STAFF.coord, nobody, { kind: 'LETTER', note: '手紙' })).errors).toBeUndefined();
    const expected: Record<string, number> = {
      KAIGO: groups.KAIGO.length,
      SHOGAI: groups.SHOGAI.length,
      KODOMO: groups.KODOMO.length,
      KONKYU: groups.KONKYU.length + 1,
    };

    const after = (await c.ok(STAFF.analyst, report, { m: month }))['activityReport'];
    for (const activity of ['CONSULTATION', 'CONTACT', 'CASE']) {
      const rows = after.rows.filter((r: any) => r.activity === activity);
      for (const [sector, n] of Object.entries(expected)) {
        const was = before.rows.find((r: any) => r.activity === activity && r.fundingSector === sector).count ?? 0;
        expect({ activity, sector, count: rows.find((r: any) => r.fundingSector === sector).count - was }).toEqual({ activity, sector, count: n });
      }
      expect(rows.reduce((s: number, r: any) => s + r.count, 0)).toBe(after.totals.find((x: any) => x.activity === activity).count);
    }
    expect(after.csv.split('\r\n')[0]).toBe('活動,介護 (KAIGO),障害 (SHOGAI),子ども (KODOMO),困窮 (KONKYU),合計');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(after.xlsx, 'base64') as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const values = sheet
      .getSheetValues()
      .flat()
      .filter((v) => v !== undefined && v !== null);
    expect(values).toContain('合計');
    expect(values).toContain(after.totals.reduce((s: number, x: any) => s + x.count, 0));
    expect(after.rule).toContain('65歳以上→KAIGO');
    expect(await c.refused(STAFF.analyst, report, { m: '2026-13' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'month' });
    expect((await c.refused(STAFF.coord, report, { m: month })).code).toBe('FORBIDDEN');
  }, 60_000);

  it('AS-01: 8050 referral before consent — stored with its sender and reason; the household shows the son only on a basis', async () => {
    const sent = await c.ok(
      STAFF.kaigo,
      `mutation ($i: ReferralInput!) { refer(input: $i) { id state reason from { id } to { id } subjects { id } } }`,
      {
        i: { subjectPersonIds: [eightyFifty.son], toOrgId: 'JUSOU-SUISHIN', reason: '父の介護の中で長年ひきこもりの息子が気になる' },
      },
    );
    referralId = sent['refer'].id;
    expect(sent['refer']).toMatchObject({
      state: 'SENT',
      from: { id: 'KAIGO-HOKATSU' },
      to: { id: 'JUSOU-SUISHIN' },
      subjects: [{ id: eightyFifty.son }],
    });
    const waiting = await c.ok(STAFF.coord, `{ referralsToMe(state: SENT) { id reason from { id } } }`);
    expect(waiting['referralsToMe']).toContainEqual({
      id: referralId,
      reason: '父の介護の中で長年ひきこもりの息子が気になる',
      from: { id: 'KAIGO-HOKATSU' },
    });
    // Another sector sees nothing of it.
    expect(await c.ok(STAFF.shogai, `{ referralsToMe { id } referralsFromMe { id } }`)).toEqual({ referralsToMe: [], referralsFromMe: [] });
    // Without consent or a 支援会議 the team sees no sector data of the son or the father.
    const bare = (await c.ok(STAFF.coord, HOUSEHOLD, { h: eightyFifty.setaiNo }))['household'].members;
    expect(bare.find((m: any) => m.id === eightyFifty.son).konkyu).toBeNull();
    expect(bare.find((m: any) => m.id === eightyFifty.father).kaigo).toBeNull();
    shienKaigi = await c.meeting('SHIEN_KAIGI', ['coord-01', 'konkyu-01', 'kaigo-01', 'minsei-01'], { households: [eightyFifty.setaiNo] });
    const within = (await c.ok(STAFF.coord, HOUSEHOLD, { h: eightyFifty.setaiNo }, { 'x-hub-meeting': shienKaigi }))['household'].members;
    expect(within.find((m: any) => m.id === eightyFifty.son).konkyu).not.toBeNull();
  }, 60_000);

  it('AS-02: outreach before consent — logged only under an OUTREACH_PLANNED decision of the 支援会議, read by its roster, denied to others', async () => {
    const open = `mutation ($i: OpenCaseInput!) { openCase(input: $i) { id } }`;
    const input = { route: 'REFERRAL', referralId, subjectPersonIds: [eightyFifty.son], summary: 'つなぎを受けて受付 (本人同意なし)' };
    expect(await c.refused(STAFF.kaigo, open, { i: { ...input, withoutConsent: true } })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await c.refused(STAFF.coord, open, { i: input })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.consentId' });
    expect(await c.refused(STAFF.coord, open, { i: { ...input, withoutConsent: true, subjectPersonIds: ['9999999999'] } })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.subjectPersonIds',
    });
    caseA = await c.openCase({ ...input, withoutConsent: true });
    expect(await c.refused(STAFF.coord, open, { i: { ...input, withoutConsent: true } })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.referralId',
    });
    expect((await c.ok(STAFF.kaigo, `{ referralsFromMe { id state case { id } } }`))['referralsFromMe']).toContainEqual({
      id: referralId,
      state: 'ACCEPTED',
      case: null,
    });
    const inMeeting = { 'x-hub-meeting': shienKaigi };
    expect(
      await c.contact(STAFF.konkyu, caseA, { kind: 'LETTER', note: '手紙をポストに入れた' }, inMeeting).then((a) => a.errors?.[0]?.extensions),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'caseId' });
    const jusou = await c.meeting('JUSOU_SHIEN_KAIGI', ['coord-01', 'konkyu-01']);
    expect((await c.decide(jusou, { caseId: caseA, kind: 'OUTREACH_PLANNED' })).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.kind',
    });
    expect((await c.decide(shienKaigi, { caseId: caseA, kind: 'OUTREACH_PLANNED', note: '手紙とチラシから関係づくり' })).errors).toBeUndefined();
    for (const note of ['letter left at door', 'event flyer'])
      expect((await c.contact(STAFF.konkyu, caseA, { kind: 'LETTER', note }, inMeeting)).errors).toBeUndefined();
    const seen = (await c.ok(STAFF.kaigo, CASE, { id: caseA }, inMeeting))['case'];
    expect(seen.contacts.map((x: any) => x.note)).toEqual(['letter left at door', 'event flyer']);
    expect(seen.withoutConsent).toBe(true);
    // Outside the meeting's context, or off its roster, the case is not there.
    expect((await c.ok(STAFF.kaigo, CASE, { id: caseA }))['case']).toBeNull();
    // Naming a meeting one does not sit in is refused whole at the gateway (issue 17), as for a meeting that does not exist.
    expect(await c.refused(sanka, CASE, { id: caseA }, inMeeting)).toMatchObject({ code: 'MEETING_CONTEXT_INVALID' });
    expect((await c.ok(sanka, CASE, { id: caseA }))['case']).toBeNull();
    expect(await c.refused(STAFF.shogai, CASE, { id: caseA }, inMeeting)).toMatchObject({ code: 'MEETING_CONTEXT_INVALID' });
    expect((await c.ok(STAFF.shogai, CASE, { id: caseA }))['case']).toBeNull();
    // Every read, granted or refused, is in the audit chain for the person's 開示; the sector log keeps to sector data.
    const log = await c.ok(
      STAFF.privacy,
      `query ($p: ID!) { caseAccessLog(personId: $p) { staffId status basis reference purpose } accessLog(personId: $p, limit: 1000) { sector } }`,
      { p: eightyFifty.son },
    );
    expect(log['caseAccessLog']).toContainEqual({
      staffId: 'kaigo-01',
      status: 'GRANTED',
      basis: 'SUPPORT_MEETING',
      reference: caseA,
      purpose: 'Query.case',
    });
    expect(log['caseAccessLog']).toContainEqual({ staffId: 'sanka-01', status: 'DENIED', basis: null, reference: caseA, purpose: 'Query.case' });
    expect(log['accessLog'].every((e: any) => e.sector !== 'CASE')).toBe(true);
    expect((await c.refused(STAFF.coord, `query ($p: ID!) { caseAccessLog(personId: $p) { id } }`, { p: eightyFifty.son })).code).toBe('FORBIDDEN');
  }, 60_000);

  it("AS-03: consent opens the case — attachConsent lets the 重層的支援会議 decide, within the consent's scope", async () => {
    const jusou = await c.meeting('JUSOU_SHIEN_KAIGI', ['coord-01', 'konkyu-01', 'kaigo-01']);
    const codes = (await c.ok(STAFF.coord, `{ issueCodes { code label } }`))['issueCodes'];
    expect(codes).toContainEqual({ code: 'HIKIKOMORI', label: 'ひきこもり' });
    expect(
      await c.refused(STAFF.coord, `mutation ($c: ID!, $i: AssessmentInput!) { recordAssessment(caseId: $c, input: $i) { stage } }`, {
        c: caseA,
        i: { issues: ['HIKIKOMORI', 'NOT-A-CODE'], summary: 's' },
      }),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.issues' });
    expect(
      await c.refused(STAFF.kaigo, `mutation ($c: ID!, $i: AssessmentInput!) { recordAssessment(caseId: $c, input: $i) { stage } }`, {
        c: caseA,
        i: { issues: ['HIKIKOMORI'], summary: 's' },
      }),
    ).toMatchObject({ code: 'FORBIDDEN' });
    await c.assess(caseA, ['HIKIKOMORI', 'FAMILY', 'EMPLOYMENT']);
    await c.plan(caseA, [
      { orgId: 'KONKYU-SHAKYO', personId: eightyFifty.son, task: '就労準備支援' },
      { orgId: 'JUSOU-SUISHIN', task: '総合調整' },
    ]);
    expect((await c.decide(jusou, { caseId: caseA, kind: 'PLAN_APPROVED' })).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.caseId',
    });
    const consent = await c.consent(eightyFifty.son, ['JUSOU-SUISHIN', 'KONKYU-SHAKYO'], ['KONKYU', 'SHOGAI']);
    const attached = await c.ok(
      STAFF.coord,
      `mutation ($c: ID!, $k: ID!) { attachConsent(caseId: $c, consentId: $k) { withoutConsent consent { id } } }`,
      { c: caseA, k: consent },
    );
    expect(attached['attachConsent']).toEqual({ withoutConsent: false, consent: { id: consent } });
    expect((await c.decide(jusou, { caseId: caseA, kind: 'PLAN_APPROVED', note: 'プランを承認' })).errors).toBeUndefined();
    const konkyuView = (await c.ok(STAFF.konkyu, CASE, { id: caseA }))['case'];
    expect(konkyuView).toMatchObject({ stage: 'ACTIVE', visibility: 'MEMBER', plan: { approved: true } });
    // The team sees the son's data within the consent: 困窮 and 障害, not 介護.
    const son = (await c.ok(STAFF.coord, HOUSEHOLD, { h: eightyFifty.setaiNo }))['household'].members.find((m: any) => m.id === eightyFifty.son);
    expect(son.access.find((a: any) => a.sector === 'KONKYU')).toMatchObject({ status: 'GRANTED', basis: 'CONSENT' });
    expect(son.access.find((a: any) => a.sector === 'KAIGO')).toMatchObject({ status: 'DENIED' });
  }, 60_000);

  it("AS-04: consent is per person — one member's consent opens nobody else's records; x-hub-case records the case as the purpose", async () => {
    const [family] = await q(
      `SELECT setai_no FROM juki.person WHERE resident_status = 1 GROUP BY setai_no HAVING count(*) >= 3 AND min(age(birth_date)) < interval '18 years' AND max(age(birth_date)) < interval '64 years' ORDER BY setai_no LIMIT 1`,
    );
    const members: { atena_no: string }[] = await q(
      `SELECT atena_no FROM juki.person WHERE setai_no = $1 AND resident_status = 1 ORDER BY relationship_code, atena_no`,
      [family.setai_no],
    );
    const [b, ...others] = members.map((m) => m.atena_no);
    const consent = await c.consent(b!, ['JUSOU-SUISHIN']);
    const caseB = await c.openCase({ subjectPersonIds: [b!, ...others], consentId: consent });
    const view = (await c.ok(STAFF.coord, HOUSEHOLD, { h: family.setai_no }, { 'x-hub-case': caseB }))['household'].members;
    expect(view.find((m: any) => m.id === b).access.every((a: any) => a.status === 'GRANTED')).toBe(true);
    for (const o of others) expect(view.find((m: any) => m.id === o).access.every((a: any) => a.status === 'DENIED')).toBe(true);
    const refused = await c.ask(STAFF.coord, HOUSEHOLD, { h: family.setai_no }, { 'x-hub-case': 'Yamada Taro, see notes' });
    expect(refused).toMatchObject({ status: 400, errors: [{ extensions: { code: 'BAD_USER_INPUT', field: 'x-hub-case' } }] });
    const [{ n }] = await q(`SELECT count(*)::int AS n FROM audit.entry WHERE purpose LIKE $1 AND sector <> 'CASE'`, [`case:${caseB} %`]);
    // Per member: Person.access (four sectors), Person.konkyu and Person.kaigo, all under the case named by the request.
    expect(n).toBe(members.length * 6);
  }, 60_000);

  it('AS-05: a 支援会議 reveals the household picture to its roster, not to a member of another meeting', async () => {
    const [family] = await q(
      `SELECT setai_no FROM juki.person WHERE resident_status = 1 GROUP BY setai_no HAVING count(*) >= 3 ORDER BY setai_no DESC LIMIT 1`,
    );
    const meeting = await c.meeting('SHIEN_KAIGI', ['kaigo-01', 'konkyu-01', 'kodomo-01', 'coord-01'], { households: [family.setai_no] });
    const other = await c.meeting('SHIEN_KAIGI', ['shogai-01'], { households: [eightyFifty.setaiNo] });
    const subject = (
      await q(`SELECT atena_no FROM juki.person WHERE setai_no = $1 AND resident_status = 1 ORDER BY atena_no LIMIT 1`, [family.setai_no])
    )[0].atena_no;
    const caseH = await c.openCase({ route: 'CONCERN', subjectPersonIds: [subject], withoutConsent: true });
    for (const who of [STAFF.kaigo, STAFF.konkyu, STAFF.kodomo]) {
      const members = (await c.ok(who, HOUSEHOLD, { h: family.setai_no }, { 'x-hub-meeting': meeting }))['household'].members;
      expect(members.every((m: any) => m.access.every((a: any) => a.status === 'GRANTED'))).toBe(true);
      expect((await c.ok(who, CASE, { id: caseH }, { 'x-hub-meeting': meeting }))['case']).toMatchObject({ id: caseH, visibility: 'FULL' });
    }
    const outsider = (await c.ok(STAFF.shogai, HOUSEHOLD, { h: family.setai_no }, { 'x-hub-meeting': other }))['household'].members;
    expect(
      outsider
        .flatMap((m: any) => m.access)
        .filter((a: any) => a.sector !== 'SHOGAI')
        .every((a: any) => a.status === 'DENIED'),
    ).toBe(true);
    expect((await c.ok(STAFF.shogai, CASE, { id: caseH }, { 'x-hub-meeting': other }))['case']).toBeNull();
  }, 60_000);

  it('AS-06: roster changes over time — a removed member loses the case from the next request; decisions stay readable after the meeting', async () => {
    const meeting = await c.meeting('SHIEN_KAIGI', ['kaigo-01', 'konkyu-01', 'coord-01'], { households: [eightyFifty.setaiNo] });
    const caseF = await c.openCase({ route: 'OUTREACH', subjectPersonIds: [eightyFifty.father], withoutConsent: true });
    expect((await c.decide(meeting, { caseId: caseF, kind: 'OUTREACH_PLANNED', note: '見守りの分担' })).errors).toBeUndefined();
    const inMeeting = { 'x-hub-meeting': meeting };
    expect((await c.ok(STAFF.kaigo, CASE, { id: caseF }, inMeeting))['case']).not.toBeNull();
    await c.ok(STAFF.coord, `mutation ($m: ID!, $s: ID!) { removeMeetingMember(meetingId: $m, staffId: $s) { id } }`, { m: meeting, s: 'kaigo-01' });
    expect((await c.contact(STAFF.konkyu, caseF, { note: '除外後の訪問' }, inMeeting)).errors).toBeUndefined();
    // Off the roster, naming the meeting is refused whole; without it, the case is not there.
    expect(await c.refused(STAFF.kaigo, CASE, { id: caseF }, inMeeting)).toMatchObject({ code: 'MEETING_CONTEXT_INVALID' });
    expect((await c.ok(STAFF.kaigo, CASE, { id: caseF }))['case']).toBeNull();
    expect(
      (
        await c.refused(STAFF.kaigo, `mutation ($c: ID!, $i: ContactInput!) { recordContact(caseId: $c, input: $i) { id } }`, {
          c: caseF,
          i: { at: new Date().toISOString(), kind: 'VISIT', note: 'x' },
        })
      ).code,
    ).toBe('FORBIDDEN');
    await c.ok(STAFF.coord, `mutation ($id: ID!) { closeSupportMeeting(id: $id) { open } }`, { id: meeting });
    const after = (await c.ok(STAFF.coord, CASE, { id: caseF }))['case'];
    expect(after.decisions).toEqual([
      { kind: 'OUTREACH_PLANNED', meetingId: meeting, note: '見守りの分担', present: ['coord-01', 'kaigo-01', 'konkyu-01'] },
    ]);
    expect(await c.refused(STAFF.konkyu, CASE, { id: caseF }, inMeeting)).toMatchObject({ code: 'MEETING_CONTEXT_INVALID' });
    expect((await c.ok(STAFF.konkyu, CASE, { id: caseF }))['case']).toBeNull();
  }, 60_000);

  it('AS-07: lifeline and resident members submit, they do not browse', async () => {
    const noted = await c.ask(STAFF.minsei, `mutation ($i: ConcernInput!) { recordConcern(input: $i) { id sourceOrgId } }`, {
      i: { meetingId: shienKaigi, householdId: eightyFifty.setaiNo, note: '郵便受けに郵便物がたまっている' },
    });
    expect(noted.data).toMatchObject({ recordConcern: { sourceOrgId: 'MINSEI-IIN' } });
    const inMeeting = { 'x-hub-meeting': shienKaigi };
    // A submit-only member naming the meeting is refused whole; without it, no case, no work list.
    expect(await c.refused(STAFF.minsei, CASE, { id: caseA }, inMeeting)).toMatchObject({ code: 'MEETING_CONTEXT_INVALID' });
    expect((await c.ok(STAFF.minsei, CASE, { id: caseA }))['case']).toBeNull();
    expect(await c.ok(STAFF.minsei, `{ myCases { id } referralsToMe { id } hosts { id } }`)).toEqual({ myCases: [], referralsToMe: [], hosts: [] });
    expect(
      (
        await c.refused(STAFF.minsei, `mutation ($i: ReferralInput!) { refer(input: $i) { id } }`, {
          i: { subjectPersonIds: [eightyFifty.son], toOrgId: 'JUSOU-SUISHIN', reason: 'x' },
        })
      ).code,
    ).toBe('FORBIDDEN');
    const caseC = await c.openCase({
      route: 'CONCERN',
      subjectPersonIds: [eightyFifty.father],
      withoutConsent: true,
      summary: '民生委員からの気になる情報',
    });
    expect((await c.ok(STAFF.coord, CASE, { id: caseC }))['case']).toMatchObject({ stage: 'INTAKE', withoutConsent: true });
  }, 60_000);

  it('AS-08: closure needs an evaluation, a 重層的支援会議 decision and a 主担当, and returns the case to it', async () => {
    const jusou = await c.meeting('JUSOU_SHIEN_KAIGI', ['coord-01', 'kaigo-01', 'konkyu-01']);
    expect((await c.decide(jusou, { caseId: caseA, kind: 'CLOSURE_APPROVED', leadOrgId: 'KAIGO-HOKATSU' })).errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'input.kind' },
    });
    expect((await c.decide(jusou, { caseId: caseA, kind: 'EVALUATED', note: '経過良好' })).errors).toBeUndefined();
    expect((await c.decide(jusou, { caseId: caseA, kind: 'CLOSURE_APPROVED' })).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.leadOrgId',
    });
    expect(
      (await c.decide(shienKaigi, { caseId: caseA, kind: 'CLOSURE_APPROVED', leadOrgId: 'KONKYU-SHAKYO' })).errors?.[0]?.extensions,
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.kind' });
    const stranger = await c.meeting('JUSOU_SHIEN_KAIGI', ['kaigo-01']);
    expect((await c.decide(stranger, { caseId: caseA, kind: 'CLOSURE_APPROVED', leadOrgId: 'KONKYU-SHAKYO' })).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect((await c.ok(STAFF.coord, CASE, { id: caseA }))['case'].stage).toBe('MONITORING');
    expect(
      (await c.decide(jusou, { caseId: caseA, kind: 'CLOSURE_APPROVED', leadOrgId: 'KONKYU-SHAKYO', note: '主担当へつなぎ戻し' })).errors,
    ).toBeUndefined();
    const closed = (await c.ok(STAFF.konkyu, CASE, { id: caseA }))['case'];
    expect(closed).toMatchObject({
      stage: 'CLOSED',
      visibility: 'FULL',
      leadOrganisation: { id: 'KONKYU-SHAKYO' },
      returnedTo: { id: 'KONKYU-SHAKYO' },
    });
    expect((await c.ok(STAFF.konkyu, `{ returnedToMe { id } }`))['returnedToMe']).toContainEqual({ id: caseA });
    expect((await c.ok(STAFF.kaigo, `{ returnedToMe { id } }`))['returnedToMe']).not.toContainEqual({ id: caseA });
    expect((await c.decide(jusou, { caseId: caseA, kind: 'EVALUATED' })).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'caseId',
    });
  }, 60_000);

  it('AS-09: 参加支援 starts only after the 重層的支援会議 decides it is needed; follow-ups go on after it settles', async () => {
    const [person] = await q(
      `SELECT atena_no FROM juki.person WHERE resident_status = 1 AND birth_date BETWEEN '1960-01-01' AND '1990-12-31' ORDER BY atena_no OFFSET 40 LIMIT 1`,
    );
    const caseP = await c.openCase({
      subjectPersonIds: [person.atena_no],
      consentId: await c.consent(person.atena_no, ['JUSOU-SUISHIN', 'SANKA-SHIEN']),
    });
    await c.ok(STAFF.coord, `mutation ($i: HostInput!) { registerHost(input: $i) { id } }`, {
      i: { id: 'HOST-KITCHEN', name: '男性の料理教室', offers: ['調理実習'] },
    });
    const start = `mutation ($c: ID!, $p: ID!, $h: ID!) { startParticipation(caseId: $c, personId: $p, hostId: $h) { id state } }`;
    expect(await c.refused(STAFF.coord, start, { c: caseP, p: person.atena_no, h: 'HOST-KITCHEN' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'personId',
    });
    const jusou = await c.meeting('JUSOU_SHIEN_KAIGI', ['coord-01', 'sanka-01']);
    expect((await c.decide(jusou, { caseId: caseP, kind: 'PARTICIPATION_NEEDED', personId: person.atena_no })).errors?.[0]?.extensions).toMatchObject(
      { code: 'BAD_USER_INPUT', field: 'input.kind' },
    );
    await c.assess(caseP, ['ISOLATION', 'EMPLOYMENT']);
    expect((await c.decide(jusou, { caseId: caseP, kind: 'PARTICIPATION_NEEDED' })).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.personId',
    });
    expect((await c.decide(jusou, { caseId: caseP, kind: 'PARTICIPATION_NEEDED', personId: person.atena_no })).errors).toBeUndefined();
    expect(await c.refused(STAFF.coord, start, { c: caseP, p: person.atena_no, h: 'NO-SUCH-HOST' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'hostId',
    });
    const started = (await c.ok(STAFF.coord, start, { c: caseP, p: person.atena_no, h: 'HOST-KITCHEN' }))['startParticipation'];
    expect(started.state).toBe('MATCHED');
    const follow = `mutation ($p: ID!, $i: ContactInput!) { recordFollowUp(participationId: $p, input: $i) { state followUps { kind } } }`;
    const at = new Date(Date.now() - 120_000).toISOString();
    const later = new Date(Date.now() - 60_000).toISOString();
    expect((await c.ok(STAFF.coord, follow, { p: started.id, i: { at, kind: 'VISIT', note: '受入先を訪問' } }))['recordFollowUp'].state).toBe(
      'ACTIVE',
    );
    const end = `mutation ($id: ID!, $s: ParticipationState!) { endParticipation(id: $id, state: $s) { state } }`;
    expect((await c.ok(STAFF.coord, end, { id: started.id, s: 'SETTLED' }))['endParticipation'].state).toBe('SETTLED');
    expect((await c.ok(STAFF.coord, follow, { p: started.id, i: { at: later, kind: 'PHONE', note: '定着後の定期連絡' } }))['recordFollowUp']).toEqual(
      { state: 'SETTLED', followUps: [{ kind: 'VISIT' }, { kind: 'PHONE' }] },
    );
    expect(await c.refused(STAFF.coord, end, { id: started.id, s: 'ENDED' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  }, 60_000);

  it('AS-10: plan roles across three agencies — each sees the shared plan, and details only for the member it is assigned', async () => {
    const [family] = await q(`SELECT setai_no FROM juki.person WHERE resident_status = 1 GROUP BY setai_no
      HAVING count(*) FILTER (WHERE relationship_code = '01') = 1 AND count(*) FILTER (WHERE relationship_code = '02') = 1
        AND count(*) FILTER (WHERE relationship_code = '04' AND birth_date > now() - interval '15 years' AND birth_date < now() - interval '12 years') >= 1
      ORDER BY setai_no LIMIT 1`);
    const rows: { atena_no: string; relationship_code: string }[] = await q(
      `SELECT atena_no, relationship_code FROM juki.person WHERE setai_no = $1 AND resident_status = 1 ORDER BY relationship_code, birth_date`,
      [family.setai_no],
    );
    const father = rows.find((r) => r.relationship_code === '01')!.atena_no;
    const mother = rows.find((r) => r.relationship_code === '02')!.atena_no;
    const child = rows.find((r) => r.relationship_code === '04')!.atena_no;
    const caseF4 = await c.openCase({
      subjectPersonIds: [mother, father, child],
      consentId: await c.consent(mother, ['JUSOU-SUISHIN', 'SCHOOL-A', 'KODOMO-CENTER', 'SANKA-SHIEN']),
    });
    await c.assess(caseF4, ['SCHOOL', 'EMPLOYMENT', 'MENTAL']);
    await c.plan(caseF4, [
      { orgId: 'SCHOOL-A', personId: child, task: '担任による家庭訪問' },
      { orgId: 'KODOMO-CENTER', personId: mother, task: '心理的支援' },
      { orgId: 'SANKA-SHIEN', personId: father, task: 'ひきこもりの方の調理実習から就労へ' },
      { orgId: 'KONKYU-SHAKYO', task: '家計相談の窓口' },
    ]);
    const jusou = await c.meeting('JUSOU_SHIEN_KAIGI', ['coord-01', 'school-01', 'kodomo-01', 'sanka-01']);
    expect((await c.decide(jusou, { caseId: caseF4, kind: 'PLAN_APPROVED', note: '役割分担を合意' })).errors).toBeUndefined();
    expect((await c.contact(sanka, caseF4, { personId: father, note: '調理実習に参加' })).errors).toBeUndefined();
    expect((await c.contact(school, caseF4, { personId: child, note: '家庭訪問' })).errors).toBeUndefined();
    expect((await c.contact(school, caseF4, { personId: father, note: '越権' })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const seen = async (who: { sub: string; org: string }) => (await c.ok(who, CASE, { id: caseF4 }))['case'];
    for (const [who, member, note] of [
      [school, child, '家庭訪問'],
      [sanka, father, '調理実習に参加'],
      [STAFF.kodomo, mother, null],
    ] as const) {
      const v = await seen(who);
      expect(v).toMatchObject({ stage: 'ACTIVE', visibility: 'MEMBER', plan: { goals: ['生活の安定'] } });
      expect(v.plan.roles).toHaveLength(4);
      expect(v.contacts.map((x: any) => x.note)).toEqual(note ? [note] : []);
      expect(v.contacts.every((x: any) => x.person.id === member)).toBe(true);
      expect(v.assessment.issues).toEqual(['SCHOOL', 'EMPLOYMENT', 'MENTAL']);
    }
    const summaryOnly = await seen(STAFF.konkyu);
    expect(summaryOnly).toMatchObject({ visibility: 'SUMMARY', assessment: null, contacts: [], summary: null, consent: null });
    expect(summaryOnly.decisions[0]).toMatchObject({ kind: 'PLAN_APPROVED', note: null });
    expect(await seen(STAFF.shogai)).toBeNull();
    expect((await c.ok(school, `{ myCases(stage: ACTIVE) { id } }`))['myCases']).toEqual([{ id: caseF4 }]);
    expect((await c.ok(school, `query ($d: Date!) { reviewsDue(before: $d) { id } }`, { d: inDays(60) }))['reviewsDue']).toEqual([{ id: caseF4 }]);
    expect((await c.ok(school, `query ($d: Date!) { reviewsDue(before: $d) { id } }`, { d: inDays(10) }))['reviewsDue']).toEqual([]);
  }, 60_000);

  it('AS-16: hub load — referrals to the team against those kept between sectors, and caseload per organisation, without a person', async () => {
    const refer = `mutation ($i: ReferralInput!) { refer(input: $i) { id } }`;
    const kept: string[] = [];
    for (let i = 0; i < 3; i++)
      kept.push(
        (await c.ok(STAFF.kodomo, refer, { i: { subjectPersonIds: [eightyFifty.son], toOrgId: 'KONKYU-SHAKYO', reason: '家計の相談' } }))['refer'].id,
      );
    for (let i = 0; i < 2; i++)
      await c.ok(STAFF.shogai, refer, { i: { subjectPersonIds: [eightyFifty.son], toOrgId: 'JUSOU-SUISHIN', reason: '複合課題' } });
    const accept = `mutation ($id: ID!) { acceptReferral(id: $id) { state } }`;
    expect((await c.ok(STAFF.konkyu, accept, { id: kept[0] }))['acceptReferral']).toEqual({ state: 'ACCEPTED' });
    expect(await c.refused(STAFF.konkyu, accept, { id: kept[0] })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    expect(await c.refused(STAFF.kaigo, accept, { id: kept[1] })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    expect(
      (await c.ok(STAFF.konkyu, `mutation ($id: ID!) { declineReferral(id: $id, reason: "対象外") { state declineReason } }`, { id: kept[1] }))[
        'declineReferral'
      ],
    ).toEqual({ state: 'DECLINED', declineReason: '対象外' });
    const today = inDays(0);
    const answer = await c.ask(
      STAFF.analyst,
      `query ($f: Date!, $t: Date!) { caseIndicators(from: $f, to: $t) { referrals referralsTo { key count }
      casesOpened caseloadByOrganisation { key count suppressed } csv } }`,
      { f: inDays(-30), t: today },
    );
    const figures = answer.data!['caseIndicators'];
    expect(figures.referralsTo).toEqual([
      { key: 'TEAM', count: 3 },
      { key: 'SECTOR', count: 3 },
    ]);
    expect(figures.referrals).toBe(6);
    const konkyu = figures.caseloadByOrganisation.find((x: any) => x.key === 'KONKYU-SHAKYO');
    expect(konkyu.count).toBeGreaterThanOrEqual(9);
    expect(JSON.stringify(answer)).not.toMatch(/\d{10}/);
    expect((await c.refused(STAFF.coord, `query { caseIndicators(from: "2026-01-01", to: "2026-12-31") { referrals } }`)).code).toBe('FORBIDDEN');
  }, 60_000);

  it('AS-17: 課題 per case like 桑名 — 1,437 factors over 265 cases is 5.42', async () => {
    // The fixture: 265 cases of fiscal 2024 assessed with 5 or 6 課題 each (112 × 6 + 153 × 5 = 1,437).
    await t.db.transaction(async (tx) => {
      for (let i = 0; i < 265; i++) {
        const id = `kuwana-${i}`;
        const day = `2024-${String(4 + (i % 9)).padStart(2, '0')}-10T10:00:00+09:00`;
        await tx.query(
          `INSERT INTO cases.case_file (id, stage, route, opened_at, opened_by, without_consent, summary) VALUES ($1, 'ASSESSMENT', 'REFERRAL', $2, 'coord-01', true, '桑名')`,
          [id, day],
        );
        const issues = ['FAMILY', 'DEMENTIA', 'REFUSAL', 'POVERTY', 'ISOLATION', 'NO_SUPPORTER'].slice(0, i < 112 ? 6 : 5);
        await tx.query(
          `INSERT INTO cases.assessment (case_id, issues, summary, recorded_at, recorded_by, recorded_org) VALUES ($1, $2, '桑名', $3, 'coord-01', 'JUSOU-SUISHIN')`,
          [id, issues, day],
        );
      }
    });
    const figures = (
      await c.ok(
        STAFF.analyst,
        `{ caseIndicators(from: "2024-04-01", to: "2025-03-31") { casesAssessed issuesRecorded issuesPerCase casesOpened intakesByRoute { key count } } }`,
      )
    )['caseIndicators'];
    expect(figures).toMatchObject({ casesAssessed: 265, issuesRecorded: 1437, issuesPerCase: 5.42, casesOpened: 265 });
    expect(figures.intakesByRoute.find((x: any) => x.key === 'REFERRAL').count).toBe(265);
  }, 60_000);
});
