// The analytics module through the hub subgraph's operations: the analysts' figures over a real index (built as the
// launcher builds it, over the registry's 世帯 and each sector's facts), for the role analyst only; counts from 1 to
// threshold - 1 suppressed with as many complements as it takes; every question logged with who asked, before it is
// answered, and nothing logged for a refused one.
import type { SituationFacts } from '@welfare-hub/situations';
import type { TestViewer } from '@welfare-hub/subgraph-host/test-support';
import { VIEWER, born, dataOf, hubFixture, refusal, writeResident } from './support/hub-fixture.js';

const THRESHOLD = 10;
/** 8050 households (a 世帯主 of 80, their son of 50 at the 困窮 desk) per district: 北 enough to count, 南 too few. */
const PLANTED = { 北: 12, 南: 3 } as const;
const MONTH = new Date().toISOString().slice(0, 7);
const sons = new Set<string>();

const fixture = hubFixture({
  analytics: {
    threshold: THRESHOLD,
    // The 困窮 system's facts: an open consultation for each son (the launcher hands in the konkyu module's reader).
    facts: {
      KONKYU: async (_db, ids) =>
        new Map(
          ids
            .filter((id) => sons.has(id))
            .map((id): [string, SituationFacts] => [
              id,
              { periods: [], consultations: [{ date: `${MONTH}-01`, open: true, text: '就労' }], cases: [] },
            ]),
        ),
    },
  },
});

beforeAll(async () => {
  let n = 0;
  for (const [district, households] of Object.entries(PLANTED)) {
    for (let i = 0; i < households; i++) {
      const setaiNo = `S80${String(++n).padStart(4, '0')}`;
      const [elder, son] = [`0008${String(n).padStart(5, '0')}1`, `0008${String(n).padStart(5, '0')}2`];
      sons.add(son);
      await writeResident(fixture.db(), { atenaNo: elder, setaiNo, relationship: '世帯主', birthDate: born(80), district });
      await writeResident(fixture.db(), { atenaNo: son, setaiNo, relationship: '子', birthDate: born(50), district });
    }
  }
  // What the launcher's refresher does once the sources have been read.
  await fixture.buildIndex();
});

const STATISTICS = `query ($asOf: Date, $groupBy: Grouping) {
  situationStatistics(asOf: $asOf, groupBy: $groupBy) { rows { district ageBand kind households suppressed } threshold asOf groupBy indexBuiltAt csv }
}`;
const INDICATORS = '{ indicators { name columns rows { label values total } columnTotals grandTotal threshold } }';

interface Row {
  district: string | null;
  ageBand: string | null;
  kind: string;
  households: number | null;
  suppressed: boolean;
}
type Statistics = { rows: Row[]; threshold: number; asOf: string; groupBy: string; indexBuiltAt: string | null; csv: string };
type Indicator = {
  name: string;
  rows: { label: string; values: (number | null)[]; total: number | null }[];
  columnTotals: (number | null)[];
  grandTotal: number | null;
};

const statistics = async (viewer: TestViewer, variables: Record<string, unknown> = {}) =>
  dataOf(await fixture.hub().run<{ situationStatistics: Statistics }>(viewer, STATISTICS, variables)).situationStatistics;
const kindRows = (table: Statistics, kind: string) =>
  table.rows
    .filter((r) => r.kind === kind)
    .map(({ district, ageBand, households, suppressed }) => ({ group: district ?? ageBand, households, suppressed }));
/** Every count a table publishes: none may be from 1 to threshold - 1. */
const published = (values: (number | null)[]) => values.filter((v): v is number => v !== null);
const queryLog = async (): Promise<{ staff_id: string; org_id: string; query: string; arguments: unknown }[]> =>
  fixture.db().query(`SELECT staff_id, org_id, query, arguments FROM analytics.query_log ORDER BY id`);

describe('situationStatistics', () => {
  it('counts households by district from the index, a small count suppressed with a complement so that it cannot be worked out', async () => {
    const table = await statistics(VIEWER.analyst);
    expect(table).toMatchObject({ threshold: THRESHOLD, groupBy: 'DISTRICT' });
    expect(table.indexBuiltAt).not.toBeNull();
    // 南's 3 is hidden; 北's 12 with it, or 15 - 12 would give it away. The total and the zero stand.
    expect(kindRows(table, 'EIGHTY_FIFTY')).toEqual([
      { group: '中央', households: 0, suppressed: false },
      { group: '北', households: null, suppressed: true },
      { group: '南', households: null, suppressed: true },
      { group: null, households: 15, suppressed: false },
    ]);
    expect(kindRows(table, 'DOUBLE_CARE').every((r) => r.households === 0)).toBe(true);
    expect(published(table.rows.map((r) => r.households)).every((n) => n === 0 || n >= THRESHOLD)).toBe(true);
    expect(table.csv).toContain('南,EIGHTY_FIFTY,,1');
  });

  it('by the age band of the oldest member, publishes a count that reaches the threshold', async () => {
    const table = await statistics(VIEWER.analyst, { groupBy: 'AGE_BAND' });
    expect(kindRows(table, 'EIGHTY_FIFTY')).toContainEqual({ group: '75-84', households: 15, suppressed: false });
    expect(published(table.rows.map((r) => r.households)).every((n) => n === 0 || n >= THRESHOLD)).toBe(true);
  });
});

describe('indicators', () => {
  it('gives the tables of the index, each count from 1 to threshold - 1 suppressed, totals included', async () => {
    const tables = dataOf(await fixture.hub().run<{ indicators: Indicator[] }>(VIEWER.analyst, INDICATORS)).indicators;
    expect(tables.map((t) => t.name)).toEqual([
      'involvement_by_sector_and_situation',
      'consultations_opened_by_month',
      'consultations_closed_by_month',
      'households_by_sectors_involved',
    ]);
    for (const t of tables) {
      const values = [...t.rows.flatMap((r) => [...r.values, r.total]), ...t.columnTotals, t.grandTotal];
      expect(published(values).every((n) => n === 0 || n >= THRESHOLD)).toBe(true);
    }
    // The 15 consultations opened this month at the 困窮 desk: one cell, published.
    const opened = tables.find((t) => t.name === 'consultations_opened_by_month')!;
    expect(opened.grandTotal).toBe(15);
    // 南's 3 households in one sector are hidden.
    const bySectors = tables.find((t) => t.name === 'households_by_sectors_involved')!;
    expect(bySectors.rows.find((r) => r.label === '南')!.values[1]).toBeNull();
  });
});

describe('who asks, and the log of it', () => {
  it('refuses everyone without the role analyst: staff, a coordinator, a privacy officer, an admin, an unregistered token', async () => {
    for (const viewer of [VIEWER.kaigo, VIEWER.coordinator, VIEWER.privacyOfficer, VIEWER.admin, VIEWER.unregistered]) {
      expect(refusal(await fixture.hub().run(viewer, STATISTICS))).toEqual({ code: 'FORBIDDEN' });
      expect(refusal(await fixture.hub().run(viewer, INDICATORS))).toEqual({ code: 'FORBIDDEN' });
    }
  });

  it('logs every question an analyst asks, with its arguments, and none that was refused', async () => {
    const before = (await queryLog()).length;
    await statistics(VIEWER.analyst, { asOf: null, groupBy: 'AGE_BAND' });
    expect(refusal(await fixture.hub().run(VIEWER.kaigo, STATISTICS))).toEqual({ code: 'FORBIDDEN' });
    dataOf(await fixture.hub().run(VIEWER.analyst, INDICATORS));
    expect((await queryLog()).slice(before)).toEqual([
      { staff_id: 'kaigo-1', org_id: 'KAIGO-HOKATSU', query: 'situationStatistics', arguments: { asOf: null, groupBy: 'AGE_BAND' } },
      { staff_id: 'kaigo-1', org_id: 'KAIGO-HOKATSU', query: 'indicators', arguments: {} },
    ]);
  });
});
