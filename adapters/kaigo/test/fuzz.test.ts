// Fuzzing the kaigo vendor row mapping (issue 6, item 6): rows as the database drivers return them, arbitrary and
// mutated from valid rows (unknown codes, impossible dates, huge numbers, NUL, line breaks, nulls, keys in either
// case). Nothing throws, every row comes out as a record or a rejection with a reason, a bad date rejects only the
// date, and a valid row that passes through untouched is read as on its own.
import fc from 'fast-check';
import type { DataSource } from 'typeorm';
import { parseIsoDate } from '@welfare-hub/codec';
import { CARE_LEVELS, checkHihokensha, checkNintei, checkSodan, readVendor } from '../src/index.js';
import type { VendorRow } from '../src/read.js';
import {
  HOSTILE_TEXT,
  assertNoValueInReasons,
  assertRecordConformance,
  check,
  checkAccounted,
  checkRejection,
  fuzzRuns,
  type RejectionRules,
} from '@welfare-hub/ingest/test-support';

const SEED = 0x6b616967; // 'kaig'
const runs = fuzzRuns(SEED);

type Table = 'hihokensha' | 'nintei' | 'sodan';
const COLUMNS: Record<Table, string[]> = {
  hihokensha: [
    'hihokensha_no',
    'atena_no',
    'shimei',
    'shimei_kana',
    'seinengappi',
    'seibetsu',
    'shikaku_kbn',
    'shutoku_ymd',
    'soshitsu_ymd',
    'upd_dt',
  ],
  nintei: ['hihokensha_no', 'rireki_no', 'yokaigodo_cd', 'shinsei_ymd', 'nintei_ymd', 'yuko_kaishi_ymd', 'yuko_shuryo_ymd', 'upd_dt'],
  sodan: ['sodan_id', 'hihokensha_no', 'atena_no', 'sodansha_kana', 'center_cd', 'sodan_ymd', 'sodan_kbn', 'naiyo', 'status', 'upd_dt'],
};
const DATE_COLUMNS: Record<Table, string[]> = {
  hihokensha: ['seinengappi', 'shutoku_ymd', 'soshitsu_ymd'],
  nintei: ['shinsei_ymd', 'nintei_ymd', 'yuko_kaishi_ymd', 'yuko_shuryo_ymd'],
  sodan: ['sodan_ymd'],
};
const TABLE_NAMES: Record<Table, string> = { hihokensha: 'T_HIHOKENSHA', nintei: 'T_NINTEI', sodan: 'T_HOKATSU_SODAN' };
type Result =
  | { ok: true; value: Record<string, unknown>; faults: { table: string; key: string; column: string }[] }
  | { ok: false; field: string; reason: string };
const CHECKS: Record<Table, (row: VendorRow) => Result> = {
  hihokensha: (r) => checkHihokensha(r) as unknown as Result,
  nintei: (r) => checkNintei(r) as unknown as Result,
  sodan: (r) => checkSodan(r) as unknown as Result,
};
const SODAN_KBN = ['介護', '権利擁護', '高齢者虐待', '認知症', '家族・介護者', 'その他'];

// ---------------------------------------------------------------------------------------------------------------
// Valid rows, as read() hands them on: lower-case keys, CHAR padding trimmed.

const iso = (d: Date): string => d.toISOString().slice(0, 10);
const dateIn = (from: string, to: string): fc.Arbitrary<string> =>
  fc.date({ min: new Date(`${from}T00:00:00Z`), max: new Date(`${to}T00:00:00Z`), noInvalidDate: true }).map(iso);
const ymd = (from: string, to: string): fc.Arbitrary<string> => dateIn(from, to).map((d) => d.replace(/-/g, ''));
const unknownDate = fc.constantFrom<string | null>(null, '00000000', '');
const no10 = fc.integer({ min: 0, max: 9_999_999_999 }).map((n) => String(n).padStart(10, '0'));
const updDt = dateIn('2020-01-01', '2026-11-22').map((d) => `${d} 09:30:00`);

interface Valid {
  table: Table;
  row: VendorRow;
}
const hihokensha: fc.Arbitrary<Valid> = fc
  .record({
    hihokensha_no: no10,
    atena_no: fc.oneof(no10, fc.constant(null)),
    shimei: fc.constantFrom('山田\u3000太郎', '髙橋\u3000花子'),
    shimei_kana: fc.constantFrom('ヤマダ\u3000タロウ', 'タカハシ\u3000ハナコ'),
    seinengappi: ymd('1920-01-01', '1986-11-22'),
    seibetsu: fc.constantFrom('1', '2'),
    shikaku_kbn: fc.constantFrom('1', '2'),
    shutoku_ymd: ymd('2000-04-01', '2026-11-22'),
    soshitsu_ymd: fc.oneof(ymd('2000-04-01', '2026-11-22'), unknownDate),
    upd_dt: updDt,
  })
  .map((row) => ({ table: 'hihokensha' as const, row }));
const nintei: fc.Arbitrary<Valid> = fc
  .record({
    hihokensha_no: no10,
    rireki_no: fc.integer({ min: 1, max: 99 }),
    yokaigodo_cd: fc.constantFrom(...Object.keys(CARE_LEVELS)),
    shinsei_ymd: ymd('2000-04-01', '2026-11-22'),
    nintei_ymd: fc.oneof(ymd('2000-04-01', '2026-11-22'), unknownDate),
    yuko_kaishi_ymd: fc.oneof(ymd('2000-04-01', '2026-11-22'), unknownDate),
    yuko_shuryo_ymd: fc.oneof(ymd('2000-04-01', '2030-11-22'), unknownDate),
    upd_dt: updDt,
  })
  .map((row) => ({ table: 'nintei' as const, row }));
const sodan: fc.Arbitrary<Valid> = fc
  .record({
    sodan_id: fc.oneof(fc.integer({ min: 1, max: 2 ** 31 }).map(String), fc.integer({ min: 1, max: 2 ** 31 })),
    hihokensha_no: fc.oneof(no10, fc.constant(null)),
    atena_no: fc.oneof(no10, fc.constant(null)),
    sodansha_kana: fc.constantFrom(null, 'ヤマダ\u3000タロウ'),
    center_cd: fc.constantFrom('0101', '0203'),
    sodan_ymd: ymd('2019-05-01', '2026-11-22'),
    sodan_kbn: fc.constantFrom('01', '02', '03', '04', '05', '06'),
    naiyo: fc.constantFrom(null, '', '電話相談。\r\n次回訪問', '長'.repeat(3000)),
    status: fc.constantFrom('1', '2'),
    upd_dt: updDt,
  })
  .map((row) => ({ table: 'sodan' as const, row }));
const validRow = fc.oneof(hihokensha, nintei, sodan);

// ---------------------------------------------------------------------------------------------------------------
// Values a vendor database can hold where the spec expects something else.

const badValue: fc.Arbitrary<string | number | null> = fc.oneof(
  fc.constantFrom<string | number | null>(
    ...new Set<string | number | null>([
      ...HOSTILE_TEXT,
      null,
      '        ',
      '00000000',
      '19990231',
      '20230229',
      '99999999',
      '2024041',
      '202404011',
      '5991340',
      '０００００００１',
      '00',
      '99',
      '26',
      '07',
      '3',
      '0',
      '1 ',
      ' 1',
      0,
      -1,
      1.5,
      1e21,
      -1e308,
      Number.MAX_SAFE_INTEGER + 2,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      'x'.repeat(100_000),
    ]),
  ),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.integer(),
  fc.double(),
);

// ---------------------------------------------------------------------------------------------------------------

/** Columns as the checks name them: upper case, as in the vendor's specification. */
const rules = (table: Table): RejectionRules => ({ fields: (f) => f === f.toUpperCase() && COLUMNS[table].includes(f.toLowerCase()) });

function accountedFor(table: Table, row: VendorRow, result: Result): void {
  if (!result.ok) return checkRejection(result, rules(table), Object.values(row));
  const v = result.value;
  const seen = new Set<string>();
  for (const fault of result.faults) {
    check(
      fault.table === TABLE_NAMES[table] && DATE_COLUMNS[table].includes(fault.column.toLowerCase()),
      `a date fault names a date column: ${fault.column}`,
    );
    check(!seen.has(fault.column), 'one fault per column');
    seen.add(fault.column);
  }
  for (const [key, value] of Object.entries(v)) {
    if (/On$|Date$|^valid|^date$/.test(key))
      check(value === null || (typeof value === 'string' && parseIsoDate(value) !== null), `${key} a real date or none`);
  }
  // A date column holding something is read as a date, reported as a fault, or is one of the blanks for unknown.
  if (table === 'hihokensha') {
    check(v['sex'] === 'MALE' || v['sex'] === 'FEMALE', 'SEIBETSU');
    check(v['kbn'] === '1' || v['kbn'] === '2', 'SHIKAKU_KBN');
    check(v['atenaNo'] === null || /^\d{10}$/.test(String(v['atenaNo'])), 'ATENA_NO');
  }
  if (table === 'nintei')
    check(typeof v['level'] === 'string' && Object.values(CARE_LEVELS).includes(v['level']), `YOKAIGODO_CD read as a level: ${String(v['level'])}`);
  if (table === 'sodan') {
    check(typeof v['category'] === 'string' && SODAN_KBN.includes(v['category']), `SODAN_KBN read as a category: ${String(v['category'])}`);
    check(v['status'] === 'OPEN' || v['status'] === 'CLOSED', 'STATUS');
    check(v['atenaNo'] === null || /^\d{10}$/.test(String(v['atenaNo'])), 'ATENA_NO');
  }
  for (const column of DATE_COLUMNS[table]) {
    const raw = row[column];
    const text = raw === null || raw === undefined ? '' : String(raw).trim();
    const faulted = result.faults.some((f) => f.column === column.toUpperCase());
    if (text === '' || text === '00000000') check(!faulted, `${column}: a blank is unknown, not a fault`);
  }
}

describe('fuzzing the kaigo row checks', () => {
  it('reads every generated valid row, with no date fault', () => {
    fc.assert(
      fc.property(validRow, ({ table, row }) => {
        const result = CHECKS[table](row);
        check(result.ok, `valid ${table} row refused: ${result.ok ? '' : result.reason}`);
        expect(result.faults).toEqual([]);
        accountedFor(table, row, result);
      }),
      runs(600),
    );
  });

  const mutatedRow = fc
    .tuple(validRow, fc.array(fc.tuple(fc.nat(), badValue), { maxLength: 4 }), fc.array(fc.nat(), { maxLength: 2 }))
    .map(([valid, changes, deletions]) => {
      const columns = COLUMNS[valid.table];
      const copy: VendorRow = { ...valid.row };
      for (const [i, value] of changes) copy[columns[i % columns.length]!] = value;
      for (const i of deletions) delete copy[columns[i % columns.length]!];
      return { valid, table: valid.table, row: copy };
    });

  it('never throws on rows with bad values; a batch keeps count; an unchanged row reads as before', () => {
    fc.assert(
      fc.property(fc.array(mutatedRow, { maxLength: 10 }), (batch) => {
        const account = { accepted: [] as number[], rejected: [] as number[] };
        batch.forEach(({ valid, table, row }, i) => {
          const result = CHECKS[table](row);
          accountedFor(table, row, result);
          (result.ok ? account.accepted : account.rejected).push(i + 1);
          if (COLUMNS[table].every((c) => Object.is(row[c], valid.row[c]))) expect(result).toEqual(CHECKS[table](valid.row));
        });
        checkAccounted(account, batch.length);
      }),
      runs(2500),
    );
  });

  it('never throws on rows of arbitrary values', () => {
    const anyRow = fc
      .tuple(fc.constantFrom<Table>('hihokensha', 'nintei', 'sodan'), fc.array(badValue, { minLength: 10, maxLength: 10 }))
      .map(([table, values]) => ({
        table,
        row: Object.fromEntries(COLUMNS[table].map((c, i) => [c, values[i]!])) as VendorRow,
      }));
    assertRecordConformance(
      {
        input: anyRow,
        parse: ({ table, row }) => CHECKS[table](row),
        rules: ({ table }) => rules(table),
        values: ({ row }) => Object.values(row),
        accepted: (_, { table, row }) => accountedFor(table, row, CHECKS[table](row)),
      },
      runs(2000),
    );
  });

  it('never repeats personal data planted in a column in its reason', () => {
    assertNoValueInReasons(
      {
        valid: validRow,
        plant: ({ table, row }, plants) => {
          const copy: VendorRow = { ...row };
          for (const [at, value] of plants) copy[COLUMNS[table][at % COLUMNS[table].length]!] = value;
          return { table, row: copy };
        },
        parse: ({ table, row }) => CHECKS[table](row),
        rules: ({ table }) => rules(table),
      },
      runs(1500),
    );
  });

  it('rejects codes that name something on the prototype (found by this fuzzing: accepted, with a function as the level)', () => {
    for (const code of ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty']) {
      expect(checkNintei({ hihokensha_no: '0001000001', rireki_no: 1, yokaigodo_cd: code, shinsei_ymd: '20250101' })).toEqual({
        ok: false,
        field: 'YOKAIGODO_CD',
        reason: 'YOKAIGODO_CD: code not in the specification',
      });
      expect(checkSodan({ sodan_id: '1', sodan_kbn: code, status: '1', center_cd: '0101', sodan_ymd: '20250101', naiyo: null })).toEqual({
        ok: false,
        field: 'SODAN_KBN',
        reason: 'SODAN_KBN: code not in the specification',
      });
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------
// readVendor against a stand-in for the database: driver values of every kind, keys in either case.

const driverValue: fc.Arbitrary<unknown> = fc.oneof(
  badValue,
  fc.constantFrom<unknown>(
    undefined,
    new Date(Number.NaN),
    new Date('2024-04-01T00:30:00Z'),
    new Date('1900-01-01T00:00:00Z'),
    12345678901234567890n,
    '0000012345  ',
    '山田\u3000太郎\u3000\u3000',
  ),
);

function stubDb(rows: Record<string, unknown>[], type: 'postgres' | 'mysql'): DataSource {
  return { options: { type }, query: async () => rows.map((r) => ({ ...r })) } as unknown as DataSource;
}

describe('fuzzing readVendor', () => {
  it('hands on every row the driver returns, with lower-case keys and values that are text, a number or null', async () => {
    const rows = fc.array(
      fc.tuple(fc.constantFrom<Table>('hihokensha', 'nintei', 'sodan'), fc.array(driverValue, { minLength: 10, maxLength: 10 }), fc.boolean()),
      { maxLength: 6 },
    );
    await fc.assert(
      fc.asyncProperty(
        rows,
        fc.constantFrom<'postgres' | 'mysql'>('postgres', 'mysql'),
        fc.option(fc.constant('2024-04-01 00:00:00'), { nil: undefined }),
        async (spec, type, since) => {
          const driverRows = spec.map(([table, values, upper]) =>
            Object.fromEntries(COLUMNS[table].map((c, i) => [upper ? c.toUpperCase() : c, values[i]])),
          );
          const read = await readVendor(stubDb(driverRows, type), since);
          for (const table of ['hihokensha', 'nintei', 'sodan'] as const) {
            expect(read[table]).toHaveLength(driverRows.length);
            read[table].forEach((row, i) => {
              expect(Object.keys(row)).toEqual(Object.keys(driverRows[i]!).map((k) => k.toLowerCase()));
              for (const value of Object.values(row))
                check(value === null || typeof value === 'string' || typeof value === 'number', 'text, a number or null');
            });
          }
        },
      ),
      runs(300),
    );
  });

  it('reads a row whose UPD_DT the driver could not make a Date of (found by this fuzzing: RangeError, the whole read failed)', async () => {
    const row = { HIHOKENSHA_NO: '0001000001', SEIBETSU: '1', SHIKAKU_KBN: '1', SEINENGAPPI: '19500101', UPD_DT: new Date(Number.NaN) };
    const read = await readVendor(stubDb([row], 'postgres'));
    expect(read.hihokensha).toEqual([{ hihokensha_no: '0001000001', seibetsu: '1', shikaku_kbn: '1', seinengappi: '19500101', upd_dt: null }]);
    expect(checkHihokensha(read.hihokensha[0]!)).toMatchObject({ ok: true, value: { no: '0001000001', birthDate: '1950-01-01' } });
  });
});

describe('NAIYO within its bound (issue 14)', () => {
  const row = {
    sodan_id: '1',
    hihokensha_no: null,
    atena_no: null,
    sodansha_kana: null,
    center_cd: '0001',
    sodan_ymd: '20240401',
    sodan_kbn: '01',
    status: '1',
    upd_dt: null,
  };
  it('rejects a consultation whose summary is past 8,000 characters, by its true length, and keeps one at the bound', () => {
    expect(checkSodan({ ...row, naiyo: 'あ'.repeat(8_001), naiyo_chars: 150_000_000 })).toEqual({
      ok: false,
      field: 'NAIYO',
      reason: 'NAIYO: 150,000,000 characters, past the bound of 8,000 characters',
    });
    expect(checkSodan({ ...row, naiyo: 'あ'.repeat(8_001) })).toMatchObject({ ok: false, field: 'NAIYO' });
    expect(checkSodan({ ...row, naiyo: 'あ'.repeat(8_000), naiyo_chars: 8_000 })).toMatchObject({ ok: true, value: { summary: 'あ'.repeat(8_000) } });
  });
});
