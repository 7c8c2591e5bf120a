// Fuzzing the shogai CSV exports (issue 6, item 6): the CP932 file reader and the three record parsers, with
// arbitrary input and a mutation corpus built from valid records. Nothing throws, everything ends, and every record
// of a file read as complete comes out once: as a row or as a rejection with a reason. A file the reader refuses as
// a whole (cut short, header not the specified one) says why. A valid record that passes through untouched is
// parsed exactly as on its own.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { encodeCp932, parseIsoDate, toWarekiText, type WarekiTextStyle } from '@welfare-hub/codec';
import {
  JUKYUSHA_HEADER,
  SODAN_CATEGORIES,
  SODAN_HEADER,
  TECHO_HEADER,
  parseJukyusha,
  parseSodan,
  parseTecho,
  readCsvFile,
  type CsvFile,
} from '../src/index.js';
import {
  HOSTILE_TEXT,
  assertNoValueInReasons,
  assertReaderConformance,
  assertRecordConformance,
  byteMutation,
  check,
  checkAccounted,
  checkRejection,
  fuzzRuns,
  mutateBytes,
  type RejectionRules,
} from '@welfare-hub/ingest/test-support';

const SEED = 0x73686f67; // 'shog'
const runs = fuzzRuns(SEED);

const dir = mkdtempSync(join(tmpdir(), 'shogai-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let fileNo = 0;

type Kind = 'TECHO' | 'JUKYUSHA' | 'SODAN';
const HEADERS: Record<Kind, readonly string[]> = { TECHO: TECHO_HEADER, JUKYUSHA: JUKYUSHA_HEADER, SODAN: SODAN_HEADER };
type Result = { ok: true; value: { birthDate: string | null } & Record<string, unknown> } | { ok: false; field: string; reason: string };
const PARSERS: Record<Kind, (f: string[]) => Result> = {
  TECHO: (f) => parseTecho(f) as Result,
  JUKYUSHA: (f) => parseJukyusha(f) as Result,
  SODAN: (f) => parseSodan(f) as Result,
};

// ---------------------------------------------------------------------------------------------------------------
// Valid records, as the disability-welfare system writes them.

const iso = (d: Date): string => d.toISOString().slice(0, 10);
const dateIn = (from: string, to: string): fc.Arbitrary<string> =>
  fc.date({ min: new Date(`${from}T00:00:00Z`), max: new Date(`${to}T00:00:00Z`), noInvalidDate: true }).map(iso);
const style = fc.constantFrom<WarekiTextStyle>('letter', 'letter-padded', 'kanji');
const wareki = (from: string, to: string): fc.Arbitrary<{ text: string; iso: string }> =>
  fc.tuple(dateIn(from, to), style).map(([d, s]) => ({ text: toWarekiText(d, s), iso: d }));
const atena = fc.oneof(
  fc.constant(''),
  fc.integer({ min: 0, max: 9_999_999_999 }).map((n) => String(n).padStart(10, '0')),
);
const KANA = ['ﾔﾏﾀﾞ ﾀﾛｳ', 'ﾔﾏﾀﾞ ﾊﾅｺ', 'ﾊﾟｸ ｼﾞｭﾝﾍﾟｲ', 'ｻｲﾄｳ', 'ｷｮｳｺﾞｸ ｯﾂ', 'ｳﾞｨｸﾄﾙ ﾎﾟｰﾙ'];
const NAMES = ['山田　花子', '髙橋　一郎', '渡邊　﨑子', '齋藤'];
const timestamp = fc
  .tuple(dateIn('2000-01-01', '2030-12-31'), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 59 }))
  .map(([d, h, m, s]) => `${d.replace(/-/g, '/')} ${[h, m, s].map((n) => String(n).padStart(2, '0')).join(':')}`);
const GRADES: Record<string, string[]> = {
  '1': ['1級', '2級', '3級', '4級', '5級', '6級'],
  '2': ['A', 'B', 'A1', 'A2', 'B1', 'B2'],
  '3': ['1級', '2級', '3級'],
};

interface Valid {
  kind: Kind;
  fields: string[];
  birthDate: string | null;
}

const techo: fc.Arbitrary<Valid> = fc
  .record({
    atena,
    name: fc.constantFrom(...NAMES),
    kana: fc.constantFrom(...KANA),
    birth: wareki('1912-07-30', '2024-12-31'),
    type: fc.constantFrom('1', '2', '3'),
    gradeIndex: fc.nat(),
    disability: fc.constantFrom('肢体不自由', '視覚', '聴覚・平衡', '知的', '精神', ''),
    issued: wareki('1989-01-08', '2026-11-01'),
    valid: wareki('2019-05-01', '2030-12-31'),
    updated: timestamp,
  })
  .map((g) => {
    const grades = GRADES[g.type]!;
    const fields = [
      g.atena,
      g.name,
      g.kana,
      g.birth.text,
      g.type,
      grades[g.gradeIndex % grades.length]!,
      g.disability,
      g.issued.text,
      g.type === '3' ? g.valid.text : '',
      g.updated,
    ];
    return { kind: 'TECHO' as const, fields, birthDate: g.birth.iso };
  });

const jukyusha: fc.Arbitrary<Valid> = fc
  .record({
    no: fc.integer({ min: 0, max: 9_999_999_999 }).map((n) => String(n).padStart(10, '0')),
    atena,
    kana: fc.constantFrom(...KANA),
    birth: wareki('1926-12-25', '2024-12-31'),
    level: fc.constantFrom('', '非該当', '区分1', '区分3', '区分6'),
    services: fc.constantFrom('居宅介護;生活介護;短期入所', '就労継続支援B型', '放課後等デイサービス', ''),
    from: wareki('2019-05-01', '2026-12-31'),
    to: wareki('2019-05-01', '2030-12-31'),
    office: fc.constantFrom('', '相談支援センターあおば'),
    updated: timestamp,
  })
  .map((g) => ({
    kind: 'JUKYUSHA' as const,
    fields: [g.no, g.atena, g.kana, g.birth.text, g.level, g.services, g.from.text, g.to.text, g.office, g.updated],
    birthDate: g.birth.iso,
  }));

const sodan: fc.Arbitrary<Valid> = fc
  .record({
    id: fc.integer({ min: 1, max: 99_999_999 }).map(String),
    atena,
    kana: fc.constantFrom('', ...KANA),
    birth: fc.option(wareki('1926-12-25', '2024-12-31'), { nil: null }),
    date: wareki('2019-05-01', '2026-11-22'),
    category: fc.constantFrom(...SODAN_CATEGORIES),
    summary: fc.constantFrom('', '定期訪問。', '母と同居, "外出なし"\r\n次回訪問', '電話相談、来所予定'),
    office: fc.constantFrom('基幹相談支援センター', '相談支援事業所みどり'),
    status: fc.constantFrom('対応中', '終結'),
  })
  .map((g) => ({
    kind: 'SODAN' as const,
    fields: [g.id, g.atena, g.kana, g.birth?.text ?? '', g.date.text, g.category, g.summary, g.office, g.status],
    birthDate: g.birth?.iso ?? null,
  }));

const validRecord = fc.oneof(techo, jukyusha, sodan);

// ---------------------------------------------------------------------------------------------------------------
// Mutations: whole fields replaced by what a bad export holds, and bytes of a file mangled.

// Beside the kit's hostile text: 和暦 forms and codes of this export that do not exist, timestamps out of range.
const FIELD_VALUES = [
  ...new Set([
    ...HOSTILE_TEXT,
    'H31.5.1',
    'S45.2.30',
    'S65.1.8',
    'R0.5.1',
    'M45.7.30',
    '令和元年4月30日',
    'Ｒ６．４．１',
    '0',
    '4',
    '7級',
    'A3',
    '区分7',
    '00000',
    '12345',
    '0000012345 ',
    '2026/11/21 25:10:05',
    '2026/02/30 10:00:00',
    '2026-11-21 22:10:05',
    'ﾔﾏﾀﾞ ﾞ',
    'ﾞ',
    'やまだ',
    'YAMADA',
    '山田',
  ]),
];
const fieldValue = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...FIELD_VALUES) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
);

const mutation = byteMutation({ extraSetBytes: [0x22, 0x2c], maxDelete: 20, overlong: [100, 70_000] });

// ---------------------------------------------------------------------------------------------------------------
// What every result must look like.

const RULES: Record<Kind, RejectionRules> = {
  TECHO: { fields: TECHO_HEADER },
  JUKYUSHA: { fields: JUKYUSHA_HEADER },
  SODAN: { fields: SODAN_HEADER },
};

/** A rejection names a column and carries none of the record's values; a row is well-formed. */
function accountedFor(kind: Kind, result: Result, fields: readonly string[] = []): void {
  if (!result.ok) return checkRejection(result, RULES[kind], fields);
  const v = result.value;
  check(v.birthDate === null || parseIsoDate(v.birthDate) !== null, '生年月日 a real date');
  check(typeof v['sourceKey'] === 'string' && v['sourceKey'] !== '', 'a source key');
  check(v['atenaNo'] === null || /^\d{10}$/.test(String(v['atenaNo'])), '宛名番号 10 digits or none');
  for (const key of ['issuedOn', 'validFrom', 'validUntil', 'date']) {
    if (key in v && v[key] !== null) check(parseIsoDate(String(v[key])) !== null, `${key} a real date`);
  }
  if (kind === 'TECHO') {
    const type = { PHYSICAL: '1', INTELLECTUAL: '2', MENTAL: '3' }[String(v['type'])];
    check(type !== undefined && GRADES[type]!.includes(String(v['grade'])), '手帳種別 and 等級 from the spec');
  }
  if (kind === 'SODAN')
    check(SODAN_CATEGORIES.includes(String(v['category'])) && ['OPEN', 'CLOSED'].includes(String(v['status'])), '相談種別 and 状態');
  if (v['nameKana'] !== null && v['nameKana'] !== undefined)
    check(/^[\u30a0-\u30ff]+(\u3000[\u30a0-\u30ff]+)*$/u.test(String(v['nameKana'])), 'カナ full-width');
}

const quoted = (f: string): string => (/[",\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f);
const csvLine = (fields: readonly string[]): string => `${fields.map(quoted).join(',')}\r\n`;

// ---------------------------------------------------------------------------------------------------------------

describe('fuzzing the shogai record parsers', () => {
  it('reads every generated valid record', () => {
    fc.assert(
      fc.property(validRecord, ({ kind, fields, birthDate }) => {
        const result = PARSERS[kind](fields);
        check(result.ok, `valid ${kind} refused: ${result.ok ? '' : result.reason}`);
        expect(result.value.birthDate).toBe(birthDate);
        accountedFor(kind, result, fields);
      }),
      runs(600),
    );
  });

  it('never throws on fields replaced by bad values, and reads an unchanged record as before', () => {
    const replacements = fc.array(fc.tuple(fc.nat(), fieldValue), { maxLength: 4 });
    const input = fc.tuple(validRecord, replacements).map(([valid, changes]) => {
      const mutated = [...valid.fields];
      for (const [i, value] of changes) mutated[i % mutated.length] = value;
      return { valid, mutated };
    });
    assertRecordConformance(
      {
        input,
        parse: ({ valid, mutated }) => PARSERS[valid.kind](mutated),
        rules: ({ valid }) => RULES[valid.kind],
        values: ({ mutated }) => mutated,
        accepted: (value, { valid, mutated }) => {
          accountedFor(valid.kind, { ok: true, value });
          if (mutated.every((f, i) => f === valid.fields[i])) expect(PARSERS[valid.kind](mutated)).toEqual(PARSERS[valid.kind](valid.fields));
        },
      },
      runs(3000),
    );
  });

  it('never throws on arbitrary strings in every column', () => {
    fc.assert(
      fc.property(fc.constantFrom<Kind>('TECHO', 'JUKYUSHA', 'SODAN'), fc.array(fieldValue, { minLength: 10, maxLength: 10 }), (kind, values) => {
        const fields = values.slice(0, HEADERS[kind].length);
        accountedFor(kind, PARSERS[kind](fields), fields);
      }),
      runs(1500),
    );
  });

  it('never repeats personal data planted in a column in its reason', () => {
    assertNoValueInReasons(
      {
        valid: validRecord,
        plant: ({ kind, fields }, plants) => {
          const planted = [...fields];
          for (const [at, value] of plants) planted[at % planted.length] = value;
          return { kind, fields: planted };
        },
        parse: ({ kind, fields }) => PARSERS[kind](fields),
        rules: ({ kind }) => RULES[kind],
      },
      runs(1500),
    );
  });

  it('rejects a 手帳種別 that names something on the prototype (found by this fuzzing: it threw a TypeError)', () => {
    const good = ['0000012345', '山田　花子', 'ﾔﾏﾀﾞ ﾊﾅｺ', 'S45.03.12', '3', '2級', '精神', 'R5.4.1', 'R7.3.31', '2026/11/21 22:10:05'];
    for (const code of ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty']) {
      const result = parseTecho(good.map((f, i) => (i === 4 ? code : f)));
      expect(result).toEqual({ ok: false, field: '手帳種別', reason: '手帳種別: value not in the specification' });
    }
  });
});

/** Non-empty CRLF-separated lines of a file: its records when no field is quoted. */
function plainLines(bytes: Buffer): Buffer[] {
  const out: Buffer[] = [];
  let start = 0;
  for (let end = bytes.indexOf('\r\n', start); end !== -1; end = bytes.indexOf('\r\n', start)) {
    if (end > start) out.push(bytes.subarray(start, end));
    start = end + 2;
  }
  return out;
}

describe('fuzzing readCsvFile', () => {
  const files = fc.constantFrom<Kind>('TECHO', 'JUKYUSHA', 'SODAN').chain((kind) =>
    fc.record({
      kind: fc.constant(kind),
      records: fc.array(kind === 'TECHO' ? techo : kind === 'JUKYUSHA' ? jukyusha : sodan, { maxLength: 6 }),
      mutations: fc.array(mutation, { maxLength: 3 }),
    }),
  );

  it('accounts for every record of a mangled export, or refuses the file with a reason', async () => {
    const mangled = files.map(({ kind, records, mutations }) => {
      const original = encodeCp932([csvLine(HEADERS[kind]), ...records.map((r) => csvLine(r.fields))].join(''));
      return { kind, records, mutations, bytes: mutations.reduce(mutateBytes, original) };
    });
    await assertReaderConformance(
      {
        input: mangled,
        read: async ({ kind, bytes }): Promise<CsvFile> => {
          const path = join(dir, `f${fileNo++}.csv`);
          writeFileSync(path, bytes);
          return readCsvFile(path, HEADERS[kind]);
        },
        then: (file, { kind, records, mutations, bytes }) => {
          const header = HEADERS[kind];
          if (!file.complete) {
            check((file.problem ?? '').length > 0, 'a refused file says why');
            expect(file.rows).toEqual([]);
            expect(file.rejected).toEqual([]);
            // Only a whole-file fault refuses a file: the header, a cut end, or a quote that breaks the CSV structure.
            const headerLine = encodeCp932(csvLine(header));
            const structural =
              !bytes.subarray(0, headerLine.length).equals(headerLine) || !bytes.subarray(-2).equals(Buffer.from('\r\n')) || bytes.includes(0x22);
            check(structural, `refused a file with its header, its end and no quote: ${file.problem}`);
            return;
          }
          // Every record once, numbered in order; the rows have the header's columns.
          const account = { accepted: file.rows.map((r) => r.recordNo), rejected: file.rejected.map((r) => r.recordNo) };
          const numbers = [...account.accepted, ...account.rejected];
          checkAccounted(account, numbers.length);
          // A record the reader refuses (a broken quote, too many bytes, not CP932) is refused whole, and not quoted.
          for (const rejection of file.rejected) checkRejection(rejection, { fields: header, wholeRecord: true }, [rejection.raw]);
          for (const row of file.rows) {
            check(row.fields.length === header.length, 'a row has every column');
            accountedFor(kind, PARSERS[kind](row.fields), row.fields);
          }
          // Without quotes, a record is a non-empty line: count in = count out.
          if (!bytes.includes(0x22)) checkAccounted(account, plainLines(bytes).length - 1);
          // A record untouched by the mutations reads as it did before.
          if (!bytes.includes(0x22)) {
            const byNumber = new Map(file.rows.map((r) => [r.recordNo, r]));
            plainLines(bytes)
              .slice(1)
              .forEach((line, i) => {
                const same = records.find((r) => encodeCp932(csvLine(r.fields)).subarray(0, -2).equals(line));
                if (same) {
                  expect(byNumber.get(i + 1)?.fields).toEqual(same.fields);
                  expect(PARSERS[kind](byNumber.get(i + 1)!.fields)).toEqual(PARSERS[kind](same.fields));
                }
              });
          }
          if (mutations.length === 0) {
            expect(file.rejected).toEqual([]);
            expect(file.rows.map((r) => r.fields)).toEqual(records.map((r) => r.fields));
          }
        },
      },
      runs(150),
    );
  }, 30_000);
});
