// Fuzzing the konkyu ledger reader (issue 6, item 6): workbooks whose rows are valid or mutated with cells of every
// value type exceljs knows (number, Date, rich text, formula result, error value, hyperlink, boolean, null, text),
// and workbooks whose bytes are mangled. The reader ends; every data row comes out once, as a row or as a rejection
// with its reason; a workbook it cannot open fails as a whole with an Error (the ingest reports it and keeps the
// last ledger); and a valid row that passes through untouched is read as on its own.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { parseIsoDate, toWarekiText } from '@welfare-hub/codec';
import { COLUMNS, CONCERNS, SHEET, readLedger, type KonkyuRow, type Ledger } from '../src/index.js';
import {
  HOSTILE_TEXT,
  assertReaderConformance,
  check,
  checkAccounted,
  checkRejection,
  fuzzRuns,
  personalValue,
  type RejectionRules,
} from '@welfare-hub/ingest/test-support';

const SEED = 0x6b6f6e6b; // 'konk'
const runs = fuzzRuns(SEED);

const dir = mkdtempSync(join(tmpdir(), 'konkyu-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let fileNo = 0;

const ROUTES = ['本人', '家族・知人', '関係機関', '民生委員', 'その他'];
const STATES = ['新規', 'アセスメント', 'プラン作成', '支援中', '終結', '中断'];

interface Cell {
  value: ExcelJS.CellValue;
  numFmt?: string;
}

async function writeWorkbook(rows: Cell[][]): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(SHEET);
  sheet.mergeCells('A1:P1');
  sheet.getCell('A1').value = '令和6年度 相談受付台帳';
  COLUMNS.forEach((c, i) => (sheet.getRow(3).getCell(i + 1).value = c));
  rows.forEach((cells, r) =>
    cells.forEach((cell, c) => {
      const target = sheet.getRow(4 + r).getCell(c + 1);
      target.value = cell.value;
      if (cell.numFmt) target.numFmt = cell.numFmt;
    }),
  );
  const path = join(dir, `KONKYU_DAICHO_${20240000 + fileNo++}.xlsx`);
  await book.xlsx.writeFile(path);
  return path;
}

// ---------------------------------------------------------------------------------------------------------------
// Valid rows as staff type them, with the row the hub should read.

const utc = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
const dateIn = (from: string, to: string): fc.Arbitrary<string> =>
  fc.date({ min: utc(from), max: utc(to), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
/** A date cell, or the date typed as text in one of the forms the ledger sees. */
const dateCell = (from: string, to: string): fc.Arbitrary<{ cell: Cell; iso: string }> =>
  fc.tuple(dateIn(from, to), fc.constantFrom('date', 'kanji', 'letter', 'western')).map(([iso, form]) => {
    const [y, m, d] = iso.split('-').map(Number);
    const value = form === 'date' ? utc(iso) : form === 'western' ? `${y}/${m}/${d}` : toWarekiText(iso, form === 'kanji' ? 'kanji' : 'letter');
    return { cell: { value }, iso };
  });
const pick = <T>(pairs: [string, T][]): fc.Arbitrary<[string, T]> => fc.constantFrom(...pairs);
const flag = pick<boolean | null>([
  ['有', true],
  ['無', false],
  ['', null],
]);

interface Valid {
  cells: Cell[];
  expected: KonkyuRow;
}

const validRow: fc.Arbitrary<Valid> = fc
  .record({
    key: fc.integer({ min: 1, max: 9999 }),
    wide: fc.boolean(),
    opened: dateCell('2019-05-01', '2026-11-22'),
    name: pick<string | null>([
      ['山田　太郎', '山田 太郎'],
      ['髙橋花子', '髙橋花子'],
      ['', null],
    ]),
    kana: pick<string | null>([
      ['やまだ たろう', 'ヤマダ タロウ'],
      [' ヤマダ タロウ ', 'ヤマダ タロウ'],
      ['たかはし　はなこ', 'タカハシ ハナコ'],
      ['', null],
    ]),
    birth: fc.option(dateCell('1926-12-25', '2010-12-31'), { nil: null }),
    sex: pick<'MALE' | 'FEMALE' | null>([
      ['男', 'MALE'],
      ['女', 'FEMALE'],
      ['', null],
    ]),
    address: pick<string | null>([
      ['本町1-2-3', '本町1-2-3'],
      ['本町一丁目２番３号', '本町一丁目2番3号'],
      ['', null],
    ]),
    route: fc.constantFrom(...ROUTES),
    concerns: fc.subarray(CONCERNS, { minLength: 0, maxLength: 3 }),
    separator: fc.constantFrom('、', ','),
    state: fc.constantFrom(...STATES),
    plan: fc.option(dateCell('2019-05-01', '2026-11-22'), { nil: null }),
    housing: flag,
    work: flag,
    household: flag,
    staff: pick<string | null>([
      ['相談員A', '相談員A'],
      ['', null],
    ]),
    note: pick<string | null>([
      ['電話あり', '電話あり'],
      ['', null],
    ]),
  })
  .map((g): Valid => {
    const key = `R6-${String(g.key).padStart(4, '0')}`;
    const wideKey = key.replace(/[0-9A-Z-]/g, (c) => (c === '-' ? '－' : String.fromCharCode(c.charCodeAt(0) + 0xfee0)));
    const cells: Cell[] = [
      { value: g.wide ? wideKey : key },
      g.opened.cell,
      { value: g.name[0] },
      { value: g.kana[0] },
      g.birth?.cell ?? { value: '' },
      { value: g.sex[0] },
      { value: g.address[0] },
      { value: g.route },
      { value: g.concerns.join(g.separator) },
      { value: g.state },
      g.plan?.cell ?? { value: null },
      { value: g.housing[0] },
      { value: g.work[0] },
      { value: g.household[0] },
      { value: g.staff[0] },
      { value: g.note[0] },
    ];
    return {
      cells,
      expected: {
        sourceKey: key,
        openedOn: g.opened.iso,
        name: g.name[1],
        nameKana: g.kana[1],
        birthDate: g.birth?.iso ?? null,
        sex: g.sex[1],
        address: g.address[1],
        route: g.route,
        concerns: g.concerns,
        state: g.state,
        planDate: g.plan?.iso ?? null,
        benefits: { housing: g.housing[1], workReadiness: g.work[1], household: g.household[1] },
        staff: g.staff[1],
        note: g.note[1],
      },
    };
  });

// ---------------------------------------------------------------------------------------------------------------
// Cells of every exceljs value type, and text staff should not have typed.

const DATE_FORMAT = 'yyyy-mm-dd';
// Beside the kit's hostile text (NUL and other control characters are removed: exceljs cannot write them).
const TEXT = [
  ...new Set([
    ...HOSTILE_TEXT.map((t) => t.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')),
    'H31.5.1',
    'S64.1.8',
    '2024/2/30',
    '２０２４/２/３０',
    '2024-13-01',
    '0/0/0',
    '有 ',
    'あり',
    ' 男 ',
    'M',
    '収入・生活費、借金',
    '、、',
    '保留',
    '\t\n',
    '#N/A',
    '=A1',
    '\ud83d\ude00',
    'x'.repeat(3000),
  ]),
];
const anyCell: fc.Arbitrary<Cell> = fc.oneof(
  fc.constantFrom(...TEXT).map((value) => ({ value })),
  fc.string({ maxLength: 10 }).map((value) => ({ value: value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '') })),
  fc
    .oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -0, 1e10, -1e308, 1e308, 45383, 2 ** 53))
    .map((value) => ({ value })),
  // Numbers in a date-formatted cell: exceljs reads them back as Dates, some of them invalid.
  fc.constantFrom(45383, 1, 0, -5, 3e6, 1e10, 1e300).map((value) => ({ value, numFmt: DATE_FORMAT })),
  fc
    .constantFrom(
      utc('2024-04-01'),
      utc('1900-01-01'),
      new Date(Number.NaN),
      new Date('+012000-01-01T00:00:00Z'),
      new Date('-000100-01-01T00:00:00Z'),
    )
    .map((value) => ({ value })),
  fc
    .constantFrom<ExcelJS.CellValue>(
      { richText: [{ text: 'R6' }, { text: '.4.1' }] },
      { richText: [] },
      { richText: [{ text: 'や', font: { bold: true } }, { text: 'まだ' }] },
      { richText: [{ text: '有' }] },
      { formula: 'A1+1', result: 5 },
      { formula: 'B4', result: 'R6.4.1' },
      { formula: 'A1', result: { error: '#N/A' } },
      { formula: 'TODAY()', result: utc('2024-04-01') },
      { formula: 'C4' },
      { error: '#DIV/0!' },
      { error: '#REF!' },
      { text: '本人', hyperlink: 'https://example.invalid/' },
      { text: '', hyperlink: 'mailto:x@example.invalid' },
      true,
      false,
      null,
    )
    .map((value) => ({ value })),
);

// Columns that are never blank in a valid row; one of them is left alone, so no mutated row is a fully blank one.
const ANCHORS = [0, 1, 7, 9];

// ---------------------------------------------------------------------------------------------------------------

// A rejection names a column, after the row: `row 7: 受付日: not a date`.
const rules = (row: number): RejectionRules => ({ fields: COLUMNS, prefix: `row ${row}: ` });
/** What a cell holds as text, as it could be repeated in a reason. */
const cellText = (cell: Cell): string => (typeof cell.value === 'string' ? cell.value : '');

/** Every row from 4 on comes out once, as a row or a rejection that carries none of its cells' text. */
function accountedFor(ledger: Ledger, rowCount: number, cells: readonly (readonly Cell[])[] = []): void {
  expect(ledger.problem).toBeUndefined();
  checkAccounted(
    { accepted: ledger.rows.map((r) => r.row), rejected: ledger.rejected.map((r) => r.row) },
    Array.from({ length: rowCount }, (_, i) => i + 4),
  );
  for (const rejection of ledger.rejected) checkRejection(rejection, rules(rejection.row), (cells[rejection.row - 4] ?? []).map(cellText));
  for (const row of ledger.rows) {
    check(row.sourceKey !== '', '受付番号');
    check(parseIsoDate(row.openedOn) !== null, `受付日 a real date: ${row.openedOn}`);
    for (const d of [row.birthDate, row.planDate]) check(d === null || parseIsoDate(d) !== null, `a real date or none: ${d}`);
    check(row.sex === null || row.sex === 'MALE' || row.sex === 'FEMALE', '性別');
    check(ROUTES.includes(row.route) && STATES.includes(row.state) && row.concerns.every((c) => CONCERNS.includes(c)), 'listed values');
    for (const b of Object.values(row.benefits)) check(b === null || typeof b === 'boolean', 'flags');
  }
}

describe('fuzzing readLedger', () => {
  it('accounts for every row of a ledger with cells of every type, and reads an untouched valid row as generated', async () => {
    const row = fc.tuple(validRow, fc.constantFrom(...ANCHORS), fc.array(fc.tuple(fc.nat({ max: 15 }), anyCell), { maxLength: 4 }));
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 6 }), async (spec) => {
        const rows = spec.map(([valid, anchor, changes]) => {
          const cells = [...valid.cells];
          for (const [column, cell] of changes) if (column !== anchor) cells[column] = cell;
          return { cells, expected: changes.every(([column]) => column === anchor) ? valid.expected : null };
        });
        const ledger = await readLedger(await writeWorkbook(rows.map((r) => r.cells)));
        accountedFor(
          ledger,
          rows.length,
          rows.map((r) => r.cells),
        );
        rows.forEach((r, i) => {
          if (r.expected) expect(ledger.rows.find((read) => read.row === i + 4)).toEqual({ row: i + 4, ...r.expected });
        });
      }),
      runs(60),
    );
  }, 30_000);

  it('never repeats personal data planted in a cell in its reason', async () => {
    const planted = fc
      .array(fc.tuple(validRow, fc.array(fc.tuple(fc.nat({ max: 15 }), personalValue), { minLength: 1, maxLength: 3 })), {
        minLength: 1,
        maxLength: 6,
      })
      .map((rows) =>
        rows.map(([valid, plants]) => valid.cells.map((cell, i) => plants.reduce<Cell>((c, [at, value]) => (at === i ? { value } : c), cell))),
      );
    await assertReaderConformance(
      {
        input: planted,
        read: async (rows) => readLedger(await writeWorkbook(rows)),
        then: (ledger, rows) => accountedFor(ledger, rows.length, rows),
      },
      runs(30),
    );
  }, 30_000);

  it('rejects, or fails as a whole with an Error, a workbook whose bytes are mangled; it never hangs', async () => {
    const path = await writeWorkbook([(await fc.sample(validRow, { numRuns: 1, seed: SEED }))[0]!.cells]);
    const { readFileSync } = await import('node:fs');
    const original = readFileSync(path);
    const edit = fc.record({ at: fc.nat(), op: fc.constantFrom('set', 'truncate', 'delete', 'insert'), byte: fc.integer({ min: 0, max: 255 }) });
    const mangled = fc.array(edit, { minLength: 1, maxLength: 3 }).map((edits) => {
      let bytes = Buffer.from(original);
      for (const e of edits) {
        const at = e.at % (bytes.length + 1);
        if (e.op === 'set' && bytes.length > 0) bytes[at % bytes.length] = e.byte;
        else if (e.op === 'truncate') bytes = bytes.subarray(0, at);
        else if (e.op === 'delete') bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + 1 + (e.byte % 64))]);
        else if (e.op === 'insert') bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from([e.byte]), bytes.subarray(at)]);
      }
      return bytes;
    });
    // A workbook that cannot be opened fails as a whole, with an Error: the ingest reports it and keeps the last ledger.
    await assertReaderConformance(
      {
        input: mangled,
        failsWhole: true,
        read: (bytes) => {
          const path = join(dir, `KONKYU_DAICHO_${20250000 + fileNo++}.xlsx`);
          writeFileSync(path, bytes);
          return readLedger(path);
        },
        then: (ledger) => {
          if (ledger.problem !== undefined) check(ledger.problem.length > 0, 'a problem says what');
          else for (const r of ledger.rejected) checkRejection(r, rules(r.row));
        },
      },
      runs(40),
    );
  }, 30_000);

  it('rejects the cells this fuzzing found (before the fix an invalid Date threw a RangeError and lost the whole ledger)', async () => {
    const good = (await fc.sample(validRow, { numRuns: 1, seed: SEED }))[0]!;
    const withCell = (index: number, cell: Cell): Cell[] => good.cells.map((c, i) => (i === index ? cell : c));
    const rows = [
      withCell(1, { value: 1e10, numFmt: DATE_FORMAT }), // 受付日: read back as an invalid Date
      withCell(4, { value: new Date(Number.NaN) }), // 生年月日: an invalid Date cell
      withCell(4, { value: new Date('+012000-01-01T00:00:00Z') }), // 生年月日: was read as '+012000-01'
      withCell(10, { value: 3e6, numFmt: DATE_FORMAT }), // プラン作成日: year 10113
      withCell(2, { value: new Date(Number.NaN) }), // 氏名: text of an invalid Date no longer throws
      good.cells,
    ];
    const ledger = await readLedger(await writeWorkbook(rows));
    accountedFor(ledger, rows.length);
    expect(ledger.rejected.map((r) => [r.row, r.field, r.reason])).toEqual([
      [4, '受付日', 'row 4: 受付日: not a date'],
      [5, '生年月日', 'row 5: 生年月日: not a date'],
      [6, '生年月日', 'row 6: 生年月日: not a date'],
      [7, 'プラン作成日', 'row 7: プラン作成日: not a date'],
    ]);
    expect(ledger.rows.map((r) => [r.row, r.name])).toEqual([
      [8, 'Invalid Date'],
      [9, good.expected.name],
    ]);
  }, 30_000);
});
