import { openTestStore, type Store } from '@welfare-hub/store';
import { analyticsMigrations, indicatorCsv, indicators } from '../src/index.js';

describe('the indicators over the index', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore({ migrations: analyticsMigrations });
    const sql = (text: string, params: unknown[] = []) => store.dataSource.query(text, params);
    await sql(`UPDATE analytics.state SET generation = 1, as_of = '2026-11-22', households = 20`);
    // District 0101: 12 households in KAIGO only, 4 in KAIGO and KONKYU with 8050; district 0102: 3 with none, 1 old generation.
    for (let i = 0; i < 12; i++) await sql(`INSERT INTO analytics.household VALUES (1, $1, '0101', 80, '{}', '{KAIGO}')`, [`a${i}`]);
    for (let i = 0; i < 4; i++)
      await sql(`INSERT INTO analytics.household VALUES (1, $1, '0101', 82, '{EIGHTY_FIFTY,MULTI_SECTOR}', '{KAIGO,KONKYU}')`, [`b${i}`]);
    for (let i = 0; i < 3; i++) await sql(`INSERT INTO analytics.household VALUES (1, $1, '0102', 30, '{}', '{}')`, [`c${i}`]);
    await sql(`INSERT INTO analytics.household VALUES (0, 'old', '0102', 30, '{}', '{KODOMO}')`);
    // Opened: 5 kaigo consultations in 2026-11, 3 in 2026-10; one from 2024 (outside the twelve months). Closed: 4 kodomo cases in 2026-09.
    for (let i = 0; i < 5; i++) await sql(`INSERT INTO analytics.consultation VALUES (1, 'KAIGO', '2026-11-02', NULL, true)`);
    for (let i = 0; i < 3; i++) await sql(`INSERT INTO analytics.consultation VALUES (1, 'KAIGO', '2026-10-15', NULL, false)`);
    await sql(`INSERT INTO analytics.consultation VALUES (1, 'KAIGO', '2024-01-15', NULL, true)`);
    for (let i = 0; i < 4; i++) await sql(`INSERT INTO analytics.consultation VALUES (1, 'KODOMO', '2026-01-10', '2026-09-30', false)`);
  }, 60_000);
  afterAll(() => store.close());

  it('counts households by sector and situation', async () => {
    const [involvement] = await indicators(store.dataSource, 3);
    expect(involvement!.columns).toEqual(['EIGHTY_FIFTY', 'DOUBLE_CARE', 'YOUNG_CARER', 'MULTI_SECTOR']);
    expect(involvement!.rows.map((r) => [r.label, r.values])).toEqual([
      ['KAIGO', [4, 0, 0, 4]],
      ['SHOGAI', [0, 0, 0, 0]],
      ['KODOMO', [0, 0, 0, 0]],
      ['KONKYU', [4, 0, 0, 4]],
    ]);
    expect(involvement!.grandTotal).toBe(16);
  });

  it('counts consultations opened and closed per month over the last twelve, by sector', async () => {
    const [, opened, closed] = await indicators(store.dataSource, 3);
    expect(opened!.rows.map((r) => r.label)).toEqual([
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
    ]);
    expect(opened!.rows.at(-1)!.values).toEqual([5, 0, 0, 0]);
    expect(opened!.rows.at(-2)!.values).toEqual([3, 0, 0, 0]);
    expect(opened!.rows[1]!.values).toEqual([0, 0, 4, 0]);
    expect(closed!.rows[9]).toEqual({ label: '2026-09', values: [0, 0, 4, 0], total: 4 });
  });

  it('counts households by the number of sectors involved, per district, and suppresses below the threshold', async () => {
    const tables = await indicators(store.dataSource, 3);
    expect(tables[3]!.rows).toEqual([
      { label: '0101', values: [0, 12, 4, 0, 0], total: 16 },
      { label: '0102', values: [3, 0, 0, 0, 0], total: 3 },
    ]);
    // At 5 the 4 and the 3 are hidden, and their complements so that no hidden count follows from the totals.
    const strict = (await indicators(store.dataSource, 5))[3]!;
    expect(strict.rows[0]!.values[2]).toBeNull();
    expect(strict.rows[1]!.values[0]).toBeNull();
    expect(strict.rows[0]!.total === null || strict.rows[0]!.values.filter((v) => v === null).length >= 2).toBe(true);
    expect(strict.columnTotals[2]).toBeNull();
    expect(indicatorCsv(strict).split('\r\n')[0]).toBe('district,0,1,2,3,4,total');
  });
});
