// The adapter conformance kit (issue 15, item 4): what every adapter owes the ingest, whatever its legacy format, as
// fast-check properties that each adapter's fuzz test calls with its own parser or reader and its own arbitraries.
//   - It never throws: bytes, wrong encodings, truncation, huge fields, NUL, BOM, CRLF mixes come back as a record or a
//     rejection (a reader that cannot open a file at all may fail as a whole, with an Error, and say so).
//   - Every line or record read is accounted for: accepted + rejected = read, each once, nothing silently lost.
//   - Every rejection has a reason that names a field of the layout and never carries the value it refused: reasons
//     are logged, counted and shown to operators, and the values are personal data (APPI art. 23, 安全管理措置).
// Test-only and unbuilt (`@welfare-hub/ingest/test-support` points at this file; jest compiles it with swc). It uses no
// jest globals: a failed property throws, so it can be called from any test.
import fc from 'fast-check';

/** Fails with `message` unless `condition` holds: for checks inside properties, where expect() would be noisy. */
export function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/**
 * Run parameters for one adapter's properties: a fixed seed (a failure replays), and a time limit per property so that
 * an adapter's fuzz file stays within a few seconds on a shared 2-core machine.
 */
export function fuzzRuns(seed: number, timeLimitMs = 3_000): <T>(numRuns: number) => fc.Parameters<T> {
  fc.configureGlobal({ seed });
  return <T>(numRuns: number): fc.Parameters<T> => ({ seed, numRuns, interruptAfterTimeLimit: timeLimitMs });
}

// ---------------------------------------------------------------------------------------------------------------
// Hostile input every format gets.

/** CP932 lead bytes: a field cut after one of them leaves half a character. */
export const LEAD_BYTES: readonly number[] = [0x81, 0x88, 0x9f, 0xe0, 0xea, 0xef, 0xfa, 0xfc];
/** NUL, lone CR and LF, CRLF and a blank line, a UTF-8 BOM, bytes no CP932 maps, 外字 (0xF040), quote, comma, space, DEL. */
export const SPECIAL_BYTES: readonly (readonly number[])[] = [
  [0x00],
  [0x0d],
  [0x0a],
  [0x0d, 0x0a],
  [0x0d, 0x0a, 0x0d, 0x0a],
  [0xef, 0xbb, 0xbf],
  [0x80],
  [0xa0],
  [0xfd],
  [0xff],
  [0x81, 0x40],
  [0xf0, 0x40],
  [0x85, 0x40],
  [0x22],
  [0x2c],
  [0x2c, 0x2c],
  [0x20],
  [0x7f],
  ...LEAD_BYTES.map((b) => [b]),
];

/**
 * Field values a legacy system hands over where the spec expects something else: blanks, NUL, BOM, line breaks, 和暦
 * dates that do not exist, huge numbers, keys of Object.prototype, 外字 and replacement characters, a huge field.
 * Adapters add their own (codes, date forms) beside these.
 */
export const HOSTILE_TEXT: readonly string[] = [
  '',
  ' ',
  '\u3000',
  '\u0000',
  '\r\n',
  'a\r\nb',
  '\r',
  '\n',
  '\ufeff',
  '\uFFFD',
  '\uE000',
  '"',
  '""',
  ',',
  'R99.13.40',
  '令和99年13月40日',
  '平成31年5月1日',
  '99999999999999999999',
  '1e+21',
  '-1',
  'NaN',
  'constructor',
  '__proto__',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '①㈱髙',
  'x'.repeat(5000),
];

export type ByteMutation =
  | { op: 'set'; at: number; byte: number }
  | { op: 'insert'; at: number; bytes: readonly number[] }
  | { op: 'delete'; at: number; count: number }
  | { op: 'truncate'; at: number }
  | { op: 'overlong'; at: number; count: number; byte: number };

/**
 * Byte mutations of a file or a record: a byte set (often a lead byte, NUL, CR, LF), special bytes inserted, bytes
 * deleted, the end cut off, a run of `overlong` bytes inserted (sizes around the adapter's own bounds).
 */
export function byteMutation(options: {
  extraSetBytes?: readonly number[];
  maxDelete?: number;
  overlong: readonly number[];
  overlongBytes?: readonly number[];
}): fc.Arbitrary<ByteMutation> {
  const position = fc.nat({ max: 1 << 16 }); // taken modulo the length of what it mutates
  return fc.oneof(
    fc.record({
      op: fc.constant('set' as const),
      at: position,
      byte: fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constantFrom(...LEAD_BYTES, 0, 0x0d, 0x0a, ...(options.extraSetBytes ?? []))),
    }),
    fc.record({
      op: fc.constant('insert' as const),
      at: position,
      bytes: fc.oneof(fc.constantFrom(...SPECIAL_BYTES), fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 8 })),
    }),
    fc.record({ op: fc.constant('delete' as const), at: position, count: fc.integer({ min: 1, max: options.maxDelete ?? 12 }) }),
    fc.record({ op: fc.constant('truncate' as const), at: position }),
    fc.record({
      op: fc.constant('overlong' as const),
      at: position,
      count: fc.constantFrom(...options.overlong),
      byte: fc.constantFrom(...(options.overlongBytes ?? [0x41])),
    }),
  );
}

export function mutateBytes(bytes: Buffer, m: ByteMutation): Buffer {
  const at = m.at % (bytes.length + 1);
  switch (m.op) {
    case 'set': {
      if (bytes.length === 0) return bytes;
      const out = Buffer.from(bytes);
      out[at % bytes.length] = m.byte;
      return out;
    }
    case 'insert':
      return Buffer.concat([bytes.subarray(0, at), Buffer.from(m.bytes), bytes.subarray(at)]);
    case 'delete':
      return Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + m.count)]);
    case 'truncate':
      return bytes.subarray(0, at);
    case 'overlong':
      return Buffer.concat([bytes.subarray(0, at), Buffer.alloc(m.count, m.byte), bytes.subarray(at)]);
  }
}

/** Arbitrary bytes of up to `maxLength`, with the special bytes over-represented. */
export function hostileBytes(maxLength: number): fc.Arbitrary<Buffer> {
  return fc
    .array(
      fc.oneof(
        { weight: 3, arbitrary: fc.uint8Array({ maxLength: 40 }) },
        { weight: 1, arbitrary: fc.constantFrom(...SPECIAL_BYTES).map((b) => Uint8Array.from(b)) },
      ),
      { maxLength: 12 },
    )
    .map((parts) => Buffer.concat(parts).subarray(0, maxLength));
}

// ---------------------------------------------------------------------------------------------------------------
// Rejections.

/** What every adapter's rejection carries; the adapters' own types have more. */
export interface Rejection {
  reason: string;
  field?: string | undefined;
}

export interface RejectionRules {
  /** The fields of the layout a rejection may name (columns, record positions, JSON paths), or a test of one. */
  fields: readonly string[] | ((field: string) => boolean);
  /** Whether a rejection may name no field: one of the whole record (its length, its encoding). Default false. */
  wholeRecord?: boolean;
  /** Whether the reason names the field, by default it starts with `${prefix}${field}: `. */
  namesField?: (reason: string, field: string) => boolean;
  /** What the adapter puts before the field in a reason, e.g. `row 4: ` (default nothing). */
  prefix?: string;
}

/** The value seen as text, as it could end up in a reason; nothing for values that are not data (null, objects). */
function asText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (Buffer.isBuffer(value)) return value.toString('latin1');
  return null;
}

/**
 * Values shorter than this are not looked for in a reason: a one-character code or a two-digit number can appear in
 * any text (a row number, a bound) without being a leak.
 */
export const SHORTEST_LEAK = 4;

/** A rejection that honours the contract: a reason, naming a field of the layout, without any of `values` in it. */
export function checkRejection(rejection: Rejection, rules: RejectionRules, values: readonly unknown[] = []): void {
  const { reason, field } = rejection;
  check(typeof reason === 'string' && reason.trim().length > 0, 'a rejection has a reason');
  if (field === undefined) {
    check(rules.wholeRecord === true, `a rejection names a field: ${reason}`);
  } else {
    const known = typeof rules.fields === 'function' ? rules.fields(field) : rules.fields.includes(field);
    check(known, `the field is one of the layout's: ${field}`);
    const names = rules.namesField ?? ((r: string, f: string) => r.startsWith(`${rules.prefix ?? ''}${f}: `));
    check(names(reason, field), `the reason names the field ${field}: ${reason}`);
  }
  // The field's name is not a value: a 支援状況 of プラン作成 is not repeated by a reason about プラン作成日.
  const said = field === undefined ? reason : reason.split(field).join(' ');
  for (const value of values) {
    const text = asText(value)?.trim();
    if (text === undefined || text.length < SHORTEST_LEAK) continue;
    check(!said.includes(text), `the reason carries a value of the input (${JSON.stringify(text.slice(0, 40))}): ${reason}`);
  }
}

/**
 * Personal data planted in a field to see whether a rejection repeats it: names, kana, a 宛名番号-like number, an
 * address, and text made of nothing a reason is written with. Half of them are refused by any strict field (a date, a
 * code), which is where a reason quoting "the bad value" would leak it.
 */
export const PERSONAL_VALUES: readonly string[] = [
  '山田　太郎',
  '髙橋花子',
  'ヤマダ タロウ',
  'ﾔﾏﾀﾞ ﾀﾛｳ',
  'やまだたろう',
  '9876543210',
  '0000012345',
  '福祉市中央1-2-3',
  '〒100-0001',
  'ぬゑゐをん',
  '個人情報ＺＱＸ',
];
export const personalValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...PERSONAL_VALUES) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(...'ぁあぃいぅうぇえぉおゐゑをんゔゕゖ'), minLength: SHORTEST_LEAK, maxLength: 10 }) },
);

// ---------------------------------------------------------------------------------------------------------------
// The properties.

export type Outcome<V> = { ok: true; value: V } | ({ ok: false } & Rejection);

export interface RecordConformance<I, V> {
  /** Inputs: valid records, mutated ones, arbitrary ones. */
  input: fc.Arbitrary<I>;
  parse(input: I): Outcome<V>;
  /** The rules, or the rules for this input (e.g. the columns of its kind of record). */
  rules: RejectionRules | ((input: I) => RejectionRules);
  /** What an accepted record must look like (throws if not). */
  accepted?(value: V, input: I): void;
  /** The values of the input a reason must not carry (default: none looked for). */
  values?(input: I): readonly unknown[];
}

/**
 * A record parser never throws, and answers every input with a well-formed record or a rejection that honours the
 * contract. Returns nothing; throws (through fc.assert) with the counterexample.
 */
export function assertRecordConformance<I, V>(spec: RecordConformance<I, V>, params: fc.Parameters<[I]>): void {
  fc.assert(
    fc.property(spec.input, (input) => {
      const outcome = spec.parse(input);
      check(outcome !== null && typeof outcome === 'object' && typeof outcome.ok === 'boolean', 'a record or a rejection');
      if (outcome.ok) spec.accepted?.(outcome.value, input);
      else checkRejection(outcome, typeof spec.rules === 'function' ? spec.rules(input) : spec.rules, spec.values?.(input) ?? []);
    }),
    params,
  );
}

/**
 * Reasons never carry personal data: each input is a valid record with personal-looking values planted in some of its
 * fields (`plant`), and a rejection may not repeat any of them.
 */
export function assertNoValueInReasons<R, I, V>(
  spec: {
    valid: fc.Arbitrary<R>;
    /** The record with each value written into the field at the index (taken modulo the number of fields). */
    plant(record: R, plants: readonly (readonly [number, string])[]): I;
    parse(input: I): Outcome<V>;
    rules: RejectionRules | ((input: I) => RejectionRules);
    /** The values as the fields hold them, when a field cuts what is written to its width (default: as planted). */
    written?(plants: readonly (readonly [number, string])[]): readonly string[];
  },
  params: fc.Parameters<[R, [number, string][]]>,
): void {
  fc.assert(
    fc.property(spec.valid, fc.array(fc.tuple(fc.nat(), personalValue), { minLength: 1, maxLength: 3 }), (record, plants) => {
      const input = spec.plant(record, plants);
      const outcome = spec.parse(input);
      check(outcome !== null && typeof outcome === 'object', 'a record or a rejection');
      if (!outcome.ok)
        checkRejection(
          outcome,
          typeof spec.rules === 'function' ? spec.rules(input) : spec.rules,
          spec.written?.(plants) ?? plants.map(([, value]) => value),
        );
    }),
    params,
  );
}

/** What a reader made of a file: the numbers (1-based, in file order) of the records it accepted and rejected. */
export interface FileAccount {
  accepted: readonly number[];
  rejected: readonly number[];
}

/**
 * Every record read is accounted for: the accepted and rejected numbers together are exactly `expected` (by default
 * 1..read), each once. Nothing silently lost, nothing counted twice.
 */
export function checkAccounted(account: FileAccount, expected: number | readonly number[]): void {
  const all = [...account.accepted, ...account.rejected].sort((a, b) => a - b);
  const want = typeof expected === 'number' ? Array.from({ length: expected }, (_, i) => i + 1) : [...expected].sort((a, b) => a - b);
  check(all.length === want.length, `${account.accepted.length} accepted + ${account.rejected.length} rejected, ${want.length} read`);
  all.forEach((n, i) => check(n === want[i], `record ${want[i]} accounted for once (found ${n})`));
}

/**
 * A reader never throws except, when `failsWhole` allows it, with an Error for a file it cannot open at all; `then`
 * checks what it read. For readers of files and pages (async).
 */
export async function assertReaderConformance<F, R>(
  spec: { input: fc.Arbitrary<F>; read(input: F): Promise<R>; then(result: R, input: F): void | Promise<void>; failsWhole?: boolean },
  params: fc.Parameters<[F]>,
): Promise<void> {
  await fc.assert(
    fc.asyncProperty(spec.input, async (input) => {
      let result: R;
      try {
        result = await spec.read(input);
      } catch (error) {
        check(spec.failsWhole === true, `the reader threw: ${String(error)}`);
        check(error instanceof Error && error.message.length > 0, 'a file that cannot be read fails with an Error that says why');
        return;
      }
      await spec.then(result, input);
    }),
    params,
  );
}
