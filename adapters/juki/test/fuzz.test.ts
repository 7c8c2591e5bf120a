// Fuzzing the juki extract reader (issue 6, item 6): arbitrary bytes and a mutation corpus built from valid
// records. Whatever comes in, the parser does not throw, ends, and accounts for every line: a parsed record or a
// rejection with a reason. A valid record that passes through untouched is parsed exactly as on its own.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { encodeCp932, parseIsoDate, toWarekiCode } from '@welfare-hub/codec';
import {
  CHANGE_REASONS,
  FIELDS,
  RECORD_LENGTH,
  RELATIONSHIPS,
  checkJukiFile,
  parseJukiRecord,
  parseTrailer,
  readJukiFile,
  type JukiFileSummary,
  type JukiLine,
  type JukiRecord,
  type RecordResult,
} from '../src/index.js';
import { CrlfSplitter, MAX_KEPT, type Line } from '../src/parse/lines.js';
import { record, trailer, type Fields } from './support/records.js';
import {
  HOSTILE_TEXT,
  SPECIAL_BYTES,
  assertNoValueInReasons,
  assertReaderConformance,
  byteMutation,
  check,
  checkAccounted,
  checkRejection,
  fuzzRuns,
  hostileBytes,
  mutateBytes,
  type ByteMutation,
  type RejectionRules,
} from '@welfare-hub/ingest/test-support';

const SEED = 0x6a756b69; // 'juki'
const runs = fuzzRuns(SEED);

const dir = mkdtempSync(join(tmpdir(), 'juki-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

// ---------------------------------------------------------------------------------------------------------------
// Valid records, generated with the expected parse next to them.

const FAMILY = ['山田', '髙橋', '﨑山', '渡邊', '齋藤', '佐藤', '長谷川', '鈴木'];
const GIVEN = ['太郎', '花子', '一郎', '美咲', '翔', '邉子'];
// [half-width as written, full-width as read]
const KANA: [string, string][] = [
  ['ﾔﾏﾀﾞ', 'ヤマダ'],
  ['ﾀｶﾊｼ', 'タカハシ'],
  ['ﾊﾟｸ', 'パク'],
  ['ｻｲﾄｳ', 'サイトウ'],
  ['ｷｮｳｺ', 'キョウコ'],
  ['ﾀﾛｳ', 'タロウ'],
  ['ｲﾁﾛｰ', 'イチロー'],
  ['ｳﾞｨｸﾄﾙ', 'ヴィクトル'],
  ['ｼﾞｭﾝﾍﾟｲ', 'ジュンペイ'],
];
const ADDRESS = ['○○市本町一丁目２番３号', '○○市①丁目㈱ビル髙', '本町\u3000１番', '本'.repeat(30), '港区'];

const iso = (d: Date): string => d.toISOString().slice(0, 10);
const compact = (s: string): string => s.replace(/-/g, '');
const dateIn = (from: string, to: string): fc.Arbitrary<string> =>
  fc.date({ min: new Date(`${from}T00:00:00Z`), max: new Date(`${to}T00:00:00Z`), noInvalidDate: true }).map(iso);

interface Valid {
  fields: Fields;
  expected: JukiRecord;
}

const validRecord: fc.Arbitrary<Valid> = fc
  .record({
    atenaNo: fc.integer({ min: 0, max: 9_999_999_999 }),
    setaiNo: fc.integer({ min: 0, max: 9_999_999_999 }),
    relationship: fc.constantFrom(...Object.keys(RELATIONSHIPS)),
    family: fc.constantFrom(...FAMILY),
    given: fc.option(fc.constantFrom(...GIVEN), { nil: undefined }),
    kanaFamily: fc.constantFrom(...KANA),
    kanaGiven: fc.option(fc.constantFrom(...KANA), { nil: undefined }),
    birth: dateIn('1868-10-23', '2030-12-31'),
    sex: fc.constantFrom('1', '2'),
    district: fc.integer({ min: 0, max: 9999 }),
    address: fc.constantFrom(...ADDRESS),
    status: fc.constantFrom(1, 2, 3, 4),
    changeDate: dateIn('1950-01-01', '2030-12-31'),
    changeReason: fc.constantFrom(...Object.keys(CHANGE_REASONS)),
    updatedDay: dateIn('2000-01-01', '2030-12-31'),
    h: fc.integer({ min: 0, max: 23 }),
    mi: fc.integer({ min: 0, max: 59 }),
    s: fc.integer({ min: 0, max: 59 }),
  })
  .map((g): Valid => {
    const two = (n: number): string => String(n).padStart(2, '0');
    const name = g.given === undefined ? g.family : `${g.family}\u3000${g.given}`;
    const kanaHalf = g.kanaGiven === undefined ? g.kanaFamily[0] : `${g.kanaFamily[0]} ${g.kanaGiven[0]}`;
    const kanaFull = g.kanaGiven === undefined ? g.kanaFamily[1] : `${g.kanaFamily[1]}\u3000${g.kanaGiven[1]}`;
    const fields: Fields = {
      kind: '1',
      atenaNo: String(g.atenaNo).padStart(10, '0'),
      setaiNo: String(g.setaiNo).padStart(10, '0'),
      relationship: g.relationship,
      name,
      nameKana: kanaHalf,
      birthDate: toWarekiCode(g.birth),
      sex: g.sex,
      district: String(g.district).padStart(4, '0'),
      address: g.address,
      residentStatus: String(g.status),
      changeDate: compact(g.changeDate),
      changeReason: g.changeReason,
      updatedAt: `${compact(g.updatedDay)}${two(g.h)}${two(g.mi)}${two(g.s)}`,
    };
    const expected: JukiRecord = {
      atenaNo: fields.atenaNo,
      setaiNo: fields.setaiNo,
      relationshipCode: g.relationship,
      relationship: RELATIONSHIPS[g.relationship]!,
      name,
      nameKana: kanaFull,
      birthDate: g.birth,
      sex: g.sex === '1' ? 'MALE' : 'FEMALE',
      district: fields.district,
      address: g.address,
      residentStatus: g.status,
      changeDate: g.changeDate,
      changeReason: g.changeReason,
      updatedAt: `${g.updatedDay}T${two(g.h)}:${two(g.mi)}:${two(g.s)}+09:00`,
    };
    return { fields, expected };
  });

// ---------------------------------------------------------------------------------------------------------------
// Mutations.

// Whole fields beside the kit's hostile text: 和暦 dates that do not exist (R99.13.40, 平成31年5月1日), huge numbers,
// unknown codes, blanks.
const FIELD_VALUES = [
  ...new Set([
    ...HOSTILE_TEXT,
    '0',
    '00',
    '99',
    '14',
    '1 ',
    '5991340',
    '5011340',
    '4310501',
    '5010430',
    '6010101',
    '0000000',
    '9999999999',
    '-000012345',
    '0000000000',
    '20230229',
    '20241331',
    '00000000',
    '99999999',
    '20240401250000',
    '20240401096060',
    'ﾔﾏﾀﾞ ﾀﾛｳ',
    'やまだ',
    'YAMADA',
    'ｱﾞ',
    '山田\u3000太郎',
    '髙﨑',
  ]),
];

type FieldKey = keyof typeof FIELDS;
/** A field overwritten in place (same width, space padded, cut to fit): the record keeps its length. */
type FieldMutation = { op: 'field'; field: FieldKey; value: string };
type Mutation = ByteMutation | FieldMutation;

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 5, arbitrary: byteMutation({ overlong: [1, 50, MAX_KEPT, MAX_KEPT + 300], overlongBytes: [0x41, 0x20, 0x81, 0x0d] }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('field' as const),
      field: fc.constantFrom(...(Object.keys(FIELDS) as FieldKey[])),
      value: fc.constantFrom(...FIELD_VALUES),
    }),
  },
);

/** What of `value` a field of `bytes` holds: the characters whose CP932 fits. */
function fitted(value: string, bytes: number): string {
  let out = '';
  for (const c of value) {
    if (encodeCp932(out + c).length > bytes) break;
    out += c;
  }
  return out;
}

function mutate(bytes: Buffer, m: Mutation): Buffer {
  if (m.op !== 'field') return mutateBytes(bytes, m);
  const spec = FIELDS[m.field];
  const out = Buffer.from(bytes);
  if (out.length < spec.from - 1 + spec.bytes) return out;
  const value = Buffer.alloc(spec.bytes, 0x20);
  encodeCp932(m.value).copy(value, 0, 0, spec.bytes);
  value.copy(out, spec.from - 1);
  return out;
}

const applyAll = (bytes: Buffer, mutations: readonly Mutation[]): Buffer => mutations.reduce(mutate, bytes);

// ---------------------------------------------------------------------------------------------------------------
// What every result must look like.

const FIELD_NAMES = new Set(Object.values(FIELDS).map((f) => f.name));
const isDate = (s: string): boolean => parseIsoDate(s) !== null;

function wellFormed(r: JukiRecord): void {
  check(/^\d{10}$/.test(r.atenaNo) && /^\d{10}$/.test(r.setaiNo), 'numbers are 10 digits');
  check(Object.hasOwn(RELATIONSHIPS, r.relationshipCode) && RELATIONSHIPS[r.relationshipCode] === r.relationship, '続柄 from the table');
  check(r.name.length > 0 && !/[\uFFFD\uE000-\uF8FF]/u.test(r.name), '氏名 decoded');
  check(/^[\u30a1-\u30fc]+(\u3000[\u30a1-\u30fc]+)*$/u.test(r.nameKana), '氏名カナ full-width katakana');
  check(isDate(r.birthDate) && r.birthDate >= '1868-10-23', '生年月日 a real date of an era');
  check(r.sex === 'MALE' || r.sex === 'FEMALE', '性別');
  check(/^\d{4}$/.test(r.district), '地区コード');
  check(r.address.length > 0 && !/[\uFFFD\uE000-\uF8FF]/u.test(r.address), '住所 decoded');
  check([1, 2, 3, 4].includes(r.residentStatus), '住民状態');
  check(isDate(r.changeDate), '異動日');
  check(Object.hasOwn(CHANGE_REASONS, r.changeReason), '異動事由');
  check(/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d:[0-5]\d\+09:00$/.test(r.updatedAt) && isDate(r.updatedAt.slice(0, 10)), '更新日時');
}

// A rejection names a field of the layout, or none when it is about the whole record (its length).
const RULES: RejectionRules = { fields: [...FIELD_NAMES], wholeRecord: true };

/** `values`: what the test wrote into fields, which the reason must not repeat. */
function accountedFor(result: RecordResult, length: number, values: readonly string[] = []): void {
  if (result.ok) {
    check(length === RECORD_LENGTH, 'only a 200-byte record is accepted');
    wellFormed(result.record);
    return;
  }
  checkRejection(result, RULES, values);
}

const written = (mutations: readonly Mutation[]): string[] =>
  mutations.flatMap((m) => (m.op === 'field' ? [fitted(m.value, FIELDS[m.field].bytes)] : []));

// ---------------------------------------------------------------------------------------------------------------

describe('fuzzing parseJukiRecord', () => {
  it('never repeats personal data planted in a field in its reason', () => {
    const keys = Object.keys(FIELDS) as FieldKey[];
    const asField = ([at, value]: readonly [number, string]): FieldMutation => ({ op: 'field', field: keys[at % keys.length]!, value });
    assertNoValueInReasons(
      {
        valid: validRecord,
        plant: ({ fields }, plants) => applyAll(record(fields), plants.map(asField)),
        parse: (bytes) => {
          const result = parseJukiRecord(bytes);
          return result.ok ? { ok: true, value: result.record } : result;
        },
        rules: RULES,
        written: (plants) => written(plants.map(asField)),
      },
      runs(800),
    );
  });

  it('reads every generated valid record as generated', () => {
    fc.assert(
      fc.property(validRecord, ({ fields, expected }) => {
        const result = parseJukiRecord(record(fields));
        check(result.ok, `valid record refused: ${result.ok ? '' : result.reason}`);
        expect(result.record).toEqual(expected);
      }),
      runs(300),
    );
  });

  it('never throws on arbitrary bytes, and answers with a record or a reason', () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 420 }),
      fc.uint8Array({ minLength: RECORD_LENGTH, maxLength: RECORD_LENGTH }),
      // Past the first byte, so that the later fields are reached.
      fc.uint8Array({ minLength: RECORD_LENGTH - 1, maxLength: RECORD_LENGTH - 1 }).map((b) => Buffer.concat([Buffer.from('1'), b])),
      // NUL, BOM, CR and LF, half characters: the kit's hostile bytes.
      hostileBytes(420),
    );
    fc.assert(
      fc.property(bytes, (input) => {
        accountedFor(parseJukiRecord(input), input.length);
        const count = parseTrailer(input);
        check(count === null || (Number.isInteger(count) && count >= 0), 'a trailer count or null');
      }),
      runs(1500),
    );
  });

  it('rejects with a reason, never throws, on mutations of valid records, and reads an unchanged one as before', () => {
    fc.assert(
      fc.property(validRecord, fc.array(mutation, { minLength: 0, maxLength: 4 }), ({ fields, expected }, mutations) => {
        const original = record(fields);
        const mutated = applyAll(original, mutations);
        const result = parseJukiRecord(mutated);
        accountedFor(result, mutated.length, written(mutations));
        if (mutated.equals(original)) expect(result).toEqual({ ok: true, record: expected });
        // A view into a larger buffer reads the same as a copy.
        const framed = Buffer.concat([Buffer.from('xx'), mutated, Buffer.from('\r\n')]);
        expect(parseJukiRecord(framed.subarray(2, 2 + mutated.length))).toEqual(result);
      }),
      runs(2000),
    );
  });

  it('rejects the hand-picked cases of the mutation corpus', () => {
    const base = record();
    const cases: [string, Buffer][] = [
      [
        'a lead byte without its trail byte at the end of 氏名',
        record({}, { name: Buffer.concat([encodeCp932('山'.repeat(19)), Buffer.from([0x20, 0x81])]) }),
      ],
      ['a lead byte followed by a space in 住所', record({}, { address: Buffer.concat([encodeCp932('本町'), Buffer.from([0x88, 0x20])]) })],
      ['NUL in 宛名番号', Buffer.concat([base.subarray(0, 5), Buffer.from([0x00]), base.subarray(6)])],
      ['CR LF in the middle of 住所', Buffer.concat([base.subarray(0, 130), Buffer.from('\r\n'), base.subarray(132)])],
      ['a BOM in front', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), base.subarray(0, 197)])],
      ['R99.13.40 in 生年月日', record({ birthDate: 'R99.13.' })],
      ['令和99年13月40日 as a code', record({ birthDate: '5991340' })],
      ['a 続柄コード on the prototype', record({ relationship: '__' })],
      ['異動事由 "constructor" cut to the width', record({ changeReason: 'co' })],
    ];
    for (const [, bytes] of cases) {
      const result = parseJukiRecord(bytes);
      expect(result.ok).toBe(false);
      accountedFor(result, bytes.length);
    }
  });
});

/** Lines of a byte string split on CRLF the plain way, as the spec defines them. */
function naiveLines(bytes: Buffer): Buffer[] {
  const lines: Buffer[] = [];
  let start = 0;
  for (let end = bytes.indexOf('\r\n', start); end !== -1; end = bytes.indexOf('\r\n', start)) {
    lines.push(bytes.subarray(start, end));
    start = end + 2;
  }
  if (start < bytes.length) lines.push(bytes.subarray(start));
  return lines;
}

describe('fuzzing the line splitter', () => {
  it('finds the same lines however the bytes are cut into chunks, overlong lines counted in full', () => {
    const chunky = fc.array(
      fc.oneof(
        { weight: 4, arbitrary: fc.uint8Array({ maxLength: 40 }) },
        { weight: 3, arbitrary: fc.constantFrom(...SPECIAL_BYTES).map((b) => Uint8Array.from(b)) },
        { weight: 1, arbitrary: fc.constantFrom(MAX_KEPT - 1, MAX_KEPT, MAX_KEPT + 1, 3 * MAX_KEPT).map((n) => new Uint8Array(n).fill(0x41)) },
      ),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(chunky, fc.array(fc.integer({ min: 1, max: 5000 }), { minLength: 1, maxLength: 6 }), (parts, sizes) => {
        const input = Buffer.concat(parts);
        const splitter = new CrlfSplitter();
        const out: Line[] = [];
        for (let i = 0, k = 0; i < input.length; k++) {
          const size = sizes[k % sizes.length]!;
          splitter.push(input.subarray(i, i + size), out);
          i += size;
        }
        splitter.end(out);
        const expected = naiveLines(input);
        check(out.length === expected.length, `${out.length} lines, expected ${expected.length}`);
        out.forEach((line, i) => {
          const want = expected[i]!;
          check(line.length === want.length, `line ${i + 1}: length ${line.length}, expected ${want.length}`);
          check(line.bytes.equals(want.subarray(0, MAX_KEPT)), `line ${i + 1}: kept bytes differ`);
        });
      }),
      runs(400),
    );
  });
});

async function readAll(file: string): Promise<{ lines: JukiLine[]; summary: JukiFileSummary }> {
  const lines: JukiLine[] = [];
  const reader = readJukiFile(file);
  for (;;) {
    const step = await reader.next();
    if (step.done) return { lines, summary: step.value };
    lines.push(step.value);
  }
}

const isTrailerLine = (line: Buffer): boolean => /^9\d{10} {189}$/.test(line.toString('latin1'));

describe('fuzzing readJukiFile', () => {
  it('accounts for every line of a mangled file: one record or rejection each, the trailer apart', async () => {
    const file = fc.record({
      people: fc.array(validRecord, { minLength: 0, maxLength: 5 }),
      trailerCount: fc.oneof(
        { weight: 4, arbitrary: fc.constant<number | null>(-1) },
        { weight: 1, arbitrary: fc.option(fc.nat({ max: 9 }), { nil: null }) },
      ),
      finalCrlf: fc.boolean(),
      mutations: fc.array(mutation, { maxLength: 3 }),
    });
    const mangled = file.map(({ people, trailerCount, finalCrlf, mutations }) => {
      const originals = people.map((p) => record(p.fields));
      const count = trailerCount === -1 ? originals.length : trailerCount;
      const lines = count === null ? originals : [...originals, trailer(count)];
      const whole = Buffer.concat(lines.flatMap((l, i) => (i < lines.length - 1 || finalCrlf ? [l, Buffer.from('\r\n')] : [l])));
      return { people, originals, mutations, bytes: applyAll(whole, mutations), path: '' };
    });
    await assertReaderConformance(
      {
        input: mangled,
        read: (input) => {
          input.path = join(dir, `JUKI_FULL_2026${String(1000 + files++).slice(-4)}.DAT`);
          writeFileSync(input.path, input.bytes);
          return readAll(input.path);
        },
        then: async ({ lines: read, summary }, { people, originals, mutations, bytes, path }) => {
          const expected = naiveLines(bytes);
          const trailerAt = expected.findIndex(isTrailerLine);
          // Every line is either the trailer or comes out, in order, numbered by its place in the file.
          const numbers = expected.map((_, i) => i + 1).filter((n) => n !== trailerAt + 1);
          expect(read.map((l) => l.recordNo)).toEqual(numbers);
          checkAccounted(
            {
              accepted: read.filter((l) => 'record' in l).map((l) => l.recordNo),
              rejected: read.filter((l) => !('record' in l)).map((l) => l.recordNo),
            },
            numbers,
          );
          for (const line of read) {
            const source = expected[line.recordNo - 1]!;
            if ('record' in line) {
              check(trailerAt === -1 || line.recordNo < trailerAt + 1, 'nothing after the trailer is accepted');
              expect(parseJukiRecord(source)).toEqual({ ok: true, record: line.record });
            } else {
              checkRejection(line.rejected, RULES, written(mutations));
              check(line.rejected.raw.equals(source.subarray(0, MAX_KEPT)), 'the raw bytes are kept');
              if (trailerAt !== -1 && line.recordNo > trailerAt + 1) check(line.rejected.reason === 'record after the trailer', 'after the trailer');
            }
          }
          // A valid record that came through untouched is read as it is read alone.
          originals.forEach((original, i) => {
            const found = read.find((l) => expected[l.recordNo - 1]!.equals(original));
            if (found) expect(found).toMatchObject({ record: people[i]!.expected });
          });
          const dataRecords = trailerAt === -1 ? expected.length : trailerAt;
          expect(summary.dataRecords).toBe(dataRecords);
          const complete =
            trailerAt !== -1 && Number(expected[trailerAt]!.toString('latin1', 1, 11)) === dataRecords && trailerAt === expected.length - 1;
          expect(summary.complete).toBe(complete);
          if (!complete) check((summary.problem ?? '').length > 0, 'an incomplete file says why');
          expect(await checkJukiFile(path)).toEqual(summary);
        },
      },
      runs(60),
    );
  }, 30_000);
});
