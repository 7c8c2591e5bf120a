import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Planted } from '@welfare-hub/citygen';
import { graphql, startHubUnderTest, token, type HubUnderTest } from './support/hub-under-test.js';

const STAFF = {
  KAIGO: { sub: 'kaigo-01', org: 'KAIGO-HOKATSU' },
  SHOGAI: { sub: 'shogai-01', org: 'SHOGAI-SODAN' },
  KODOMO: { sub: 'kodomo-01', org: 'KODOMO-CENTER' },
  KONKYU: { sub: 'konkyu-01', org: 'KONKYU-SHAKYO' },
} as const;
type Sector = keyof typeof STAFF;

const HOUSEHOLD = `query ($id: ID!) { household(id: $id) { id members { id age
  kaigo { careLevel } shogai { certificates { type } consultations { category } } kodomo { cases { category youngCarerConcern } }
  konkyu { consultations { category status } } } } }`;

interface Member {
  id: string;
  age: number;
  kaigo: { careLevel: string | null } | null;
  shogai: { certificates: { type: string }[]; consultations: { category: string }[] } | null;
  kodomo: { cases: { category: string; youngCarerConcern: boolean }[] } | null;
  konkyu: { consultations: { category: string; status: string }[] } | null;
}

function holds(member: Member, sector: Sector): boolean {
  if (sector === 'KAIGO') return member.kaigo?.careLevel != null;
  if (sector === 'SHOGAI') return (member.shogai?.certificates.length ?? 0) > 0;
  if (sector === 'KODOMO') return (member.kodomo?.cases.length ?? 0) > 0;
  return (member.konkyu?.consultations.length ?? 0) > 0;
}

/**
 * The households the generator plants for each situation of situations.md, read from every sector system
 * the way it really delivers, linked, and shown through the gateway to each sector's own staff.
 */
describe('the planted households of each situation', () => {
  let t: HubUnderTest;
  let planted: Planted[];
  beforeAll(async () => {
    t = await startHubUnderTest(null);
    planted = JSON.parse(readFileSync(join(t.dataDir, 'demo-city', 'truth', 'situations.json'), 'utf8')) as Planted[];
  }, 120_000);
  afterAll(() => t.stop());

  it('plants every situation', () => {
    expect(new Set(planted.map((p) => p.kind))).toEqual(new Set(['EIGHTY_FIFTY', 'DOUBLE_CARE', 'YOUNG_CARER', 'MULTI_SECTOR']));
  });

  it.each(['EIGHTY_FIFTY', 'DOUBLE_CARE', 'YOUNG_CARER', 'MULTI_SECTOR'])(
    "shows each sector of a %s household to that sector's staff, and to no one else",
    async (kind) => {
      for (const household of planted.filter((p) => p.kind === kind)) {
        for (const sector of Object.keys(STAFF) as Sector[]) {
          const answer = await graphql<{ household: { members: Member[] } }>(t.url, HOUSEHOLD, {
            token: await token(STAFF[sector]),
            variables: { id: household.setaiNo },
          });
          expect(answer.errors).toBeUndefined();
          const members = answer.data!.household.members;
          for (const [atenaNo, sectors] of Object.entries(household.involvement)) {
            const member = members.find((m) => m.id === atenaNo)!;
            expect(member).toBeDefined();
            if ((sectors as string[]).includes(sector)) expect(holds(member, sector)).toBe(true);
            // Every other sector's field is null for this viewer, held or not.
            for (const other of Object.keys(STAFF) as Sector[]) {
              if (other !== sector) expect(member[other.toLowerCase() as 'kaigo']).toBeNull();
            }
          }
        }
      }
    },
  );

  it('has what each situation rests on, as the sector staff see it', async () => {
    const eightyFifty = planted.find((p) => p.kind === 'EIGHTY_FIFTY')!;
    const konkyu = await graphql<{ household: { members: Member[] } }>(t.url, HOUSEHOLD, {
      token: await token(STAFF.KONKYU),
      variables: { id: eightyFifty.setaiNo },
    });
    const son = konkyu.data!.household.members.find((m) => m.age >= 40 && m.age <= 64)!;
    expect(son.konkyu!.consultations.some((c) => c.category.includes('ひきこもり'))).toBe(true);
    expect(konkyu.data!.household.members.some((m) => m.age >= 75)).toBe(true);

    const young = planted.find((p) => p.kind === 'YOUNG_CARER')!;
    const kodomo = await graphql<{ household: { members: Member[] } }>(t.url, HOUSEHOLD, {
      token: await token(STAFF.KODOMO),
      variables: { id: young.setaiNo },
    });
    const child = kodomo.data!.household.members.find((m) => m.age < 18)!;
    expect(child.kodomo!.cases.some((c) => c.category === 'ヤングケアラー支援' && c.youngCarerConcern)).toBe(true);

    const double = planted.find((p) => p.kind === 'DOUBLE_CARE')!;
    const kaigo = await graphql<{ household: { members: Member[] } }>(t.url, HOUSEHOLD, {
      token: await token(STAFF.KAIGO),
      variables: { id: double.setaiNo },
    });
    expect(kaigo.data!.household.members.some((m) => m.age < 6)).toBe(true);
    expect(kaigo.data!.household.members.some((m) => m.kaigo?.careLevel === 'CARE_2')).toBe(true);
  });

  const SITUATIONS = `query ($id: ID!) { household(id: $id) { situations { kind personIds evidence inferred } } }`;
  interface Found {
    kind: string;
    personIds: string[];
    evidence: string[];
    inferred: boolean;
  }
  const situationsOf = async (setaiNo: string, viewer: { sub: string; org: string }, headers: Record<string, string> = {}): Promise<Found[]> => {
    const answer = await graphql<{ household: { situations: Found[] } }>(t.url, SITUATIONS, {
      token: await token(viewer),
      variables: { id: setaiNo },
      headers,
    });
    expect(answer.errors).toBeUndefined();
    return answer.data!.household.situations;
  };

  it('names every planted situation to the members of a 支援会議 over the households', async () => {
    const hour = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
    const opened = await graphql<{ openSupportMeeting: { id: string } }>(
      t.url,
      `
        mutation ($i: MeetingInput!) {
          openSupportMeeting(input: $i) {
            id
          }
        }
      `,
      {
        token: await token({ sub: 'coord-01', org: 'JUSOU-SUISHIN', roles: ['coordinator'] }),
        variables: {
          i: {
            kind: 'SHIEN_KAIGI',
            title: '複合課題',
            subjectHouseholdIds: planted.map((p) => p.setaiNo),
            memberStaffIds: ['coord-01'],
            opensAt: hour(-1),
            closesAt: hour(1),
          },
        },
      },
    );
    const headers = { 'x-hub-meeting': opened.data!.openSupportMeeting.id };
    for (const household of planted) {
      const found = await situationsOf(household.setaiNo, { sub: 'coord-01', org: 'JUSOU-SUISHIN' }, headers);
      const situation = found.find((f) => f.kind === household.kind);
      expect(situation).toBeDefined();
      const involved = Object.keys(household.involvement);
      expect(situation!.personIds.some((id) => involved.includes(id))).toBe(true);
    }
    // Without the meeting the coordinating team holds no sector: nothing to rest a situation on.
    for (const household of planted) expect(await situationsOf(household.setaiNo, { sub: 'coord-01', org: 'JUSOU-SUISHIN' })).toEqual([]);
  }, 30_000);

  it('derives a situation only from what the viewer may see', async () => {
    for (const household of planted.filter((p) => p.kind === 'EIGHTY_FIFTY')) {
      const restsOn = new Set(Object.values(household.involvement).flat());
      for (const [sector, viewer] of Object.entries(STAFF)) {
        const found = await situationsOf(household.setaiNo, viewer);
        for (const f of found) expect(f.evidence).toEqual([sector]);
        const eightyFifty = found.find((f) => f.kind === 'EIGHTY_FIFTY');
        // 8050 rests on the child's 障害 or 困窮 record, or a ひきこもり consultation on either of them: a kaigo viewer sees
        // it only in the seeds' own case, where the father's consultation at the 地域包括 is all there is of the son.
        if (sector === 'KAIGO') expect(eightyFifty !== undefined).toBe(household.parentConsultation !== undefined);
        if (eightyFifty) expect(restsOn.has(sector as Sector)).toBe(true);
      }
    }
  }, 30_000);

  it("finds the seeds' own 8050 case: the son known only through his father's consultation at the 地域包括", async () => {
    const seeds = planted.filter((p) => p.parentConsultation !== undefined);
    expect(seeds.length).toBeGreaterThan(0);
    for (const household of seeds) {
      const [son] = Object.entries(household.involvement)
        .filter(([, sectors]) => sectors.length === 0)
        .map(([id]) => id);
      const kaigo = await situationsOf(household.setaiNo, STAFF.KAIGO);
      expect(kaigo.find((f) => f.kind === 'EIGHTY_FIFTY')).toEqual({
        kind: 'EIGHTY_FIFTY',
        personIds: [household.parentConsultation, son].sort(),
        evidence: ['KAIGO'],
        inferred: false,
      });
      // Nothing else knows him: the 障害 and 困窮 staff see no situation in this 世帯.
      expect(await situationsOf(household.setaiNo, STAFF.SHOGAI)).toEqual([]);
      expect(await situationsOf(household.setaiNo, STAFF.KONKYU)).toEqual([]);
    }
  });

  it('takes a reference date', async () => {
    const young = planted.find((p) => p.kind === 'YOUNG_CARER')!;
    const answer = await graphql<{ household: { situations: Found[] } }>(
      t.url,
      `
        query ($id: ID!) {
          household(id: $id) {
            situations(asOf: "1990-01-01") {
              kind
            }
          }
        }
      `,
      {
        token: await token(STAFF.KODOMO),
        variables: { id: young.setaiNo },
      },
    );
    expect(answer.data!.household.situations).toEqual([]);
  });

  describe('for analysts', () => {
    const STATS = `query ($g: Grouping, $asOf: Date) { situationStatistics(groupBy: $g, asOf: $asOf) { threshold asOf groupBy csv rows { district ageBand kind households suppressed } } }`;
    interface Row {
      district: string | null;
      ageBand: string | null;
      kind: string;
      households: number | null;
      suppressed: boolean;
    }
    interface Table {
      threshold: number;
      asOf: string;
      groupBy: string;
      csv: string;
      rows: Row[];
    }
    const analyst = () => token({ sub: 'analyst-01', org: 'KIKAKU', roles: ['analyst'] });

    it('counts every situation by district, suppresses small counts and their complements, and gives totals', async () => {
      const answer = await graphql<{ situationStatistics: Table }>(t.url, STATS, { token: await analyst() });
      expect(answer.errors).toBeUndefined();
      const table = answer.data!.situationStatistics;
      expect(table.threshold).toBe(10);
      for (const kind of ['EIGHTY_FIFTY', 'DOUBLE_CARE', 'YOUNG_CARER', 'MULTI_SECTOR']) {
        const rows = table.rows.filter((r) => r.kind === kind);
        const total = rows.find((r) => r.district === null)!;
        const cells = rows.filter((r) => r.district !== null);
        expect(cells.length).toBeGreaterThan(0);
        for (const r of rows) {
          expect(r.suppressed).toBe(r.households === null);
          if (r.households !== null) expect(r.households === 0 || r.households >= table.threshold).toBe(true);
        }
        // No lone suppressed cell beside a published total: it could be worked out by subtraction.
        if (total.households !== null) expect(cells.filter((c) => c.suppressed).length).not.toBe(1);
        if (cells.every((c) => !c.suppressed) && total.households !== null)
          expect(total.households).toBe(cells.reduce((n, c) => n + c.households!, 0));
      }
      // Every planted household is counted: each kind's total is at least what was planted (or suppressed as small).
      const plantedOf = (kind: string) => new Set(planted.filter((p) => p.kind === kind).map((p) => p.setaiNo)).size;
      for (const kind of ['EIGHTY_FIFTY', 'DOUBLE_CARE', 'YOUNG_CARER']) {
        const total = table.rows.find((r) => r.kind === kind && r.district === null)!;
        if (total.households !== null) expect(total.households).toBeGreaterThanOrEqual(plantedOf(kind));
      }
      expect(table.csv.split('\r\n')[0]).toBe('district,kind,households,suppressed');
      expect(table.csv.split('\r\n').length).toBe(table.rows.length + 2);
    });

    it('counts exactly what the rules find, when the threshold lets them show', async () => {
      // The same hub's index, read the way the rules count it: a GROUP BY over the pseudonymised rows.
      const byKind: { kind: string; n: number }[] = await t.db.query(
        `SELECT k.kind, count(*)::int AS n FROM analytics.household h, unnest(h.kinds) AS k(kind)
         WHERE h.generation = (SELECT generation FROM analytics.state) GROUP BY 1`,
      );
      const answer = await graphql<{ situationStatistics: Table }>(t.url, STATS, { token: await analyst() });
      for (const { kind, n } of byKind) {
        const total = answer.data!.situationStatistics.rows.find((r) => r.kind === kind && r.district === null)!;
        expect(total.households === null ? n < 10 : total.households === n).toBe(true);
      }
    });

    it('groups by the age band of the oldest member and takes another reference date', async () => {
      const answer = await graphql<{ situationStatistics: Table }>(t.url, STATS, {
        token: await analyst(),
        variables: { g: 'AGE_BAND', asOf: '2025-04-01' },
      });
      expect(answer.errors).toBeUndefined();
      const table = answer.data!.situationStatistics;
      expect(table).toMatchObject({ groupBy: 'AGE_BAND', asOf: '2025-04-01' });
      expect(new Set(table.rows.map((r) => r.ageBand))).toEqual(new Set([...table.rows.map((r) => r.ageBand).filter((b) => b !== null), null]));
      for (const r of table.rows) expect(r.district).toBeNull();
      for (const band of table.rows.map((r) => r.ageBand).filter((b) => b !== null))
        expect(['0-39', '40-64', '65-74', '75-84', '85+']).toContain(band);
      // From the index (its own date), the age bands partition the same households as the districts.
      const totals = async (g: string) =>
        (await graphql<{ situationStatistics: Table }>(t.url, STATS, { token: await analyst(), variables: { g } }))
          .data!.situationStatistics.rows.filter((r) => r.district === null && r.ageBand === null)
          .map((r) => [r.kind, r.households]);
      expect(await totals('AGE_BAND')).toEqual(await totals('DISTRICT'));
    });

    it('gives the indicators for 事業評価 as suppressed tables with totals, each exportable as CSV', async () => {
      interface Indicator {
        name: string;
        columns: string[];
        rows: { label: string; values: (number | null)[]; total: number | null }[];
        columnTotals: (number | null)[];
        grandTotal: number | null;
        threshold: number;
        csv: string;
      }
      const answer = await graphql<{ indicators: Indicator[] }>(
        t.url,
        `
          {
            indicators {
              name
              title
              rowHeader
              columns
              rows {
                label
                values
                total
              }
              columnTotals
              grandTotal
              threshold
              asOf
              csv
            }
          }
        `,
        { token: await analyst() },
      );
      expect(answer.errors).toBeUndefined();
      const tables = answer.data!.indicators;
      expect(tables.map((x) => x.name)).toEqual([
        'involvement_by_sector_and_situation',
        'consultations_opened_by_month',
        'consultations_closed_by_month',
        'households_by_sectors_involved',
      ]);
      for (const table of tables) {
        const published = [...table.rows.flatMap((r) => [...r.values, r.total]), ...table.columnTotals, table.grandTotal].filter(
          (v): v is number => v !== null,
        );
        for (const v of published) expect(v === 0 || v >= table.threshold).toBe(true);
        for (const r of table.rows) {
          // A row with one hidden value and its total shown would give the value away.
          if (r.total !== null) expect(r.values.filter((v) => v === null).length).not.toBe(1);
          if (r.total !== null && r.values.every((v) => v !== null)) expect(r.total).toBe(r.values.reduce((a, b) => a! + b!, 0));
        }
        expect(table.csv.split('\r\n').length).toBe(table.rows.length + 3);
      }
      const [{ n }] = await t.db.query(
        `SELECT count(*)::int AS n FROM analytics.household WHERE generation = (SELECT generation FROM analytics.state)`,
      );
      const bySectors = tables.find((x) => x.name === 'households_by_sectors_involved')!;
      if (bySectors.grandTotal !== null) expect(bySectors.grandTotal).toBe(n);
      const opened = tables.find((x) => x.name === 'consultations_opened_by_month')!;
      expect(opened.rows).toHaveLength(12);
      expect(opened.columns).toEqual(['KAIGO', 'SHOGAI', 'KODOMO', 'KONKYU']);
    });

    it('is for analysts only, logs who asked what, and gives them nothing about a person', async () => {
      expect(
        (
          await graphql(
            t.url,
            `
              {
                indicators {
                  name
                }
              }
            `,
            { token: await token(STAFF.KONKYU) },
          )
        ).errors?.[0]?.extensions?.code,
      ).toBe('FORBIDDEN');
      const denied = await graphql(t.url, STATS, { token: await token(STAFF.KAIGO) });
      expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const [logged] = await t.db.query(`SELECT staff_id, org_id, arguments FROM analytics.query_log ORDER BY id DESC LIMIT 1`);
      expect(logged).toMatchObject({ staff_id: 'analyst-01', org_id: 'KIKAKU' });
      const household = planted[0]!.setaiNo;
      const person = await graphql(
        t.url,
        `
          query ($h: ID!) {
            household(id: $h) {
              id
              situations {
                kind
              }
            }
            searchPersons(nameKana: "ア") {
              id
            }
          }
        `,
        {
          token: await analyst(),
          variables: { h: household },
        },
      );
      expect(person.data).toEqual({ household: null, searchPersons: [] });
      const names: { n: number }[] = await t.db.query(
        `SELECT count(*)::int AS n FROM analytics.person p JOIN juki.person j ON j.atena_no = p.pseudo_id OR j.setai_no = p.household`,
      );
      expect(names[0]!.n).toBe(0);
    });
  });
});
