// Fuzzing the kodomo API record checks (issue 6, item 6): arbitrary JSON and a mutation corpus built from valid
// children and cases (wrong types, nulls, nesting, missing and extra keys, mangled JSON text). The checks never throw,
// every item of a page comes out as a record or a rejection with a reason, and a valid record that passes through
// untouched is read as on its own.
import fc from 'fast-check';
import { parseIsoDate } from '@welfare-hub/codec';
import { KNOWN_CATEGORIES, checkCase, checkChild, type Case, type Child } from '../src/index.js';
import {
  assertNoValueInReasons,
  assertRecordConformance,
  check,
  checkAccounted,
  checkRejection,
  fuzzRuns,
  type RejectionRules,
} from '@welfare-hub/ingest/test-support';

const SEED = 0x6b6f646f; // 'kodo'
const runs = fuzzRuns(SEED);

type Raw = Record<string, unknown>;
type Checked<T> = { ok: true; value: T } | { ok: false; reason: string; field: string };

// ---------------------------------------------------------------------------------------------------------------
// Valid records, as the API serves them, with what the hub should read.

const iso = (d: Date): string => d.toISOString().slice(0, 10);
const dateIn = (from: string, to: string): fc.Arbitrary<string> =>
  fc.date({ min: new Date(`${from}T00:00:00Z`), max: new Date(`${to}T00:00:00Z`), noInvalidDate: true }).map(iso);
const atena = fc.oneof(
  fc.constant(null),
  fc.integer({ min: 0, max: 9_999_999_999 }).map((n) => String(n).padStart(10, '0')),
);
const stamp = dateIn('2020-01-01', '2030-12-31').map((d) => `${d}T09:30:00+09:00`);
const NAMES: [string, string][] = [
  ['山田 花子', '山田\u3000花子'],
  ['髙橋 翔', '髙橋\u3000翔'],
  ['渡邊', '渡邊'],
];
const KANA: [string, string][] = [
  ['ヤマダ ハナコ', 'ヤマダ\u3000ハナコ'],
  ['ﾀｶﾊｼ ｼｮｳ', 'タカハシ\u3000ショウ'],
  ['ワタナベ', 'ワタナベ'],
];

const validChild: fc.Arbitrary<{ raw: Raw; expected: Child }> = fc
  .record({
    id: fc.integer({ min: 0, max: 99_999_999 }),
    atena,
    name: fc.constantFrom(...NAMES),
    kana: fc.constantFrom(...KANA),
    birth: dateIn('2005-01-01', '2026-11-01'),
    sex: fc.constantFrom('M', 'F'),
    updatedAt: stamp,
    guardianAtena: atena,
  })
  .map((g) => ({
    raw: {
      childId: `C${String(g.id).padStart(8, '0')}`,
      atenaNo: g.atena,
      name: g.name[0],
      nameKana: g.kana[0],
      birthDate: g.birth,
      sex: g.sex,
      guardians: [{ atenaNo: g.guardianAtena, name: '山田 太郎', relation: '父' }],
      updatedAt: g.updatedAt,
    },
    expected: {
      childId: `C${String(g.id).padStart(8, '0')}`,
      atenaNo: g.atena,
      name: g.name[1],
      nameKana: g.kana[1],
      birthDate: g.birth,
      sex: g.sex === 'M' ? 'MALE' : 'FEMALE',
      guardians: [{ atenaNo: g.guardianAtena, name: '山田\u3000太郎', relation: '父' }],
      updatedAt: g.updatedAt,
    },
  }));

const validCase: fc.Arbitrary<{ raw: Raw; expected: Case }> = fc
  .record({
    id: fc.integer({ min: 0, max: 999_999 }),
    type: fc.constantFrom('child', 'expectant_mother', 'household'),
    atena,
    name: fc.constantFrom(...NAMES),
    kana: fc.constantFrom(...KANA),
    birth: fc.option(dateIn('1970-01-01', '2026-11-01'), { nil: null }),
    category: fc.constantFrom(...KNOWN_CATEGORIES, '家庭訪問支援(新)'),
    closedOn: fc.option(dateIn('2020-01-01', '2026-11-22'), { nil: null }),
    openedOn: dateIn('2020-01-01', '2026-11-22'),
    youngCarer: fc.boolean(),
    youtaikyo: fc.constantFrom(true, false, null, undefined),
    updatedAt: stamp,
  })
  .map((g) => {
    const child = g.type === 'child';
    const subject: Raw = child
      ? { type: g.type, childId: 'C00012345', atenaNo: g.atena }
      : { type: g.type, atenaNo: g.atena, name: g.name[0], nameKana: g.kana[0], birthDate: g.birth };
    const caseId = `K2024-${String(g.id).padStart(6, '0')}`;
    return {
      raw: {
        caseId,
        subject,
        category: g.category,
        status: g.closedOn ? 'closed' : 'open',
        openedOn: g.openedOn,
        closedOn: g.closedOn,
        youngCarerConcern: g.youngCarer,
        ...(g.youtaikyo === undefined ? {} : { youtaikyoRegistered: g.youtaikyo }),
        summary: 'free text',
        updatedAt: g.updatedAt,
      },
      expected: {
        caseId,
        subjectType: g.type as Case['subjectType'],
        childId: child ? 'C00012345' : null,
        atenaNo: g.atena,
        name: child ? null : g.name[1],
        nameKana: child ? null : g.kana[1],
        birthDate: child ? null : g.birth,
        category: g.category,
        categoryKnown: KNOWN_CATEGORIES.includes(g.category),
        status: g.closedOn ? 'CLOSED' : 'OPEN',
        openedOn: g.openedOn,
        closedOn: g.closedOn,
        youngCarerConcern: g.youngCarer,
        youtaikyoRegistered: g.youtaikyo ?? null,
        updatedAt: g.updatedAt,
      },
    };
  });

// ---------------------------------------------------------------------------------------------------------------
// Mutations of the JSON: values of the wrong type, nulls, deep nesting, keys that live on Object.prototype.

const TRICKY_KEYS = ['toString', 'valueOf', '__proto__', 'constructor', 'hasOwnProperty', 'type', 'childId', 'length'];
const deep = fc.nat({ max: 400 }).map((depth) => {
  let v: unknown = 'C1';
  for (let i = 0; i < depth; i++) v = i % 2 === 0 ? [v] : { childId: v };
  return v;
});
const badValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    undefined,
    true,
    false,
    0,
    -0,
    1e308,
    -1e308,
    Number.MAX_SAFE_INTEGER,
    2 ** 64,
    1e-300,
    '',
    ' ',
    '\u0000',
    '\ufeff',
    'R99.13.40',
    '2024-02-30',
    '2023-02-29',
    '0000-00-00',
    '9999-99-99',
    '+275760-09-13',
    '2024-1-1',
    '2024-04-01T09:30:00+09:00',
    'not a date',
    'M',
    'F',
    'X',
    'open',
    'closed',
    'pending',
    'child',
    'family',
    '12',
    '00000123450',
    '0000012345\n',
    '１２３４５６７８９０',
    [],
    {},
    [null],
    { type: 'child' },
    JSON.parse('{"toString":1}'),
    JSON.parse('{"valueOf":"x","toString":"y"}'),
    JSON.parse('{"__proto__":{"type":"child"}}'),
    'x'.repeat(10_000),
  ),
  fc.jsonValue({ maxDepth: 3 }),
  fc.dictionary(fc.constantFrom(...TRICKY_KEYS), fc.jsonValue({ maxDepth: 1 })),
  deep,
);

type Mutation = { op: 'set'; path: string; value: unknown } | { op: 'delete'; path: string } | { op: 'replace'; value: unknown };
const KEYS = [
  'childId',
  'atenaNo',
  'name',
  'nameKana',
  'birthDate',
  'sex',
  'guardians',
  'updatedAt',
  'caseId',
  'subject',
  'subject.type',
  'subject.childId',
  'subject.atenaNo',
  'subject.name',
  'subject.nameKana',
  'subject.birthDate',
  'category',
  'status',
  'openedOn',
  'closedOn',
  'youngCarerConcern',
  'youtaikyoRegistered',
  ...TRICKY_KEYS,
];
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ op: fc.constant('set' as const), path: fc.constantFrom(...KEYS), value: badValue }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), path: fc.constantFrom(...KEYS) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('replace' as const), value: badValue }) },
);

/** Applied to a JSON copy, as a parsed response would hold it: own keys only, no prototype tricks of JS. */
function mutate(raw: unknown, m: Mutation): unknown {
  if (m.op === 'replace') return m.value;
  if (typeof raw !== 'object' || raw === null) return raw;
  const copy = JSON.parse(JSON.stringify(raw)) as Raw;
  const [head, tail] = m.path.split('.') as [string, string | undefined];
  const target = tail === undefined ? copy : copy[head];
  if (typeof target !== 'object' || target === null || Array.isArray(target)) return copy;
  const key = tail ?? head;
  if (m.op === 'delete') delete (target as Raw)[key];
  else Object.defineProperty(target, key, { value: m.value, enumerable: true, writable: true, configurable: true });
  return copy;
}

// ---------------------------------------------------------------------------------------------------------------

const isDate = (v: unknown): boolean => typeof v === 'string' && parseIsoDate(v) !== null;

// A rejection names a JSON path of the API's record (or `record`, the item as a whole) and says what is wrong with the
// key it ends in: "birthDate is not a date", "a guardian's atenaNo is not 10 digits".
const FIELD =
  /^(record|childId|atenaNo|name|birthDate|sex|updatedAt|guardians(\[\d+\](\.(atenaNo|name|relation))?)?|caseId|subject\.(type|atenaNo|childId|birthDate)|category|status|openedOn|closedOn|youngCarerConcern|youtaikyoRegistered)$/;
const RULES: RejectionRules = {
  fields: (f) => FIELD.test(f),
  namesField: (reason, field) => {
    const key = field
      .replace(/\[\d+\]/g, '')
      .split('.')
      .pop()!;
    return reason.includes(key) || reason.includes(key.replace(/s$/, ''));
  },
};

function childAccountedFor(result: Checked<Child>): void {
  if (!result.ok) return checkRejection(result, RULES);
  const c = result.value;
  check(typeof c.childId === 'string' && c.childId !== '', 'childId');
  check(c.atenaNo === null || /^\d{10}$/.test(c.atenaNo), 'atenaNo');
  check(typeof c.name === 'string' && typeof c.nameKana === 'string', 'names are text');
  check(isDate(c.birthDate), 'birthDate a real date');
  check(c.sex === 'MALE' || c.sex === 'FEMALE', 'sex');
  check(
    Array.isArray(c.guardians) &&
      c.guardians.every(
        (g) =>
          (g.atenaNo === null || /^\d{10}$/.test(g.atenaNo)) &&
          typeof g.name === 'string' &&
          g.name !== '' &&
          typeof g.relation === 'string' &&
          g.relation !== '',
      ),
    'guardians',
  );
  check(typeof c.updatedAt === 'string' && !Number.isNaN(Date.parse(c.updatedAt)), 'updatedAt');
}

function caseAccountedFor(result: Checked<Case>): void {
  if (!result.ok) return checkRejection(result, RULES);
  const c = result.value;
  check(typeof c.caseId === 'string' && c.caseId !== '', 'caseId');
  check(['child', 'expectant_mother', 'household'].includes(c.subjectType), 'subject.type');
  check(c.subjectType !== 'child' || typeof c.childId === 'string', 'a child case names its child');
  check(c.atenaNo === null || /^\d{10}$/.test(c.atenaNo), 'atenaNo');
  check(c.name === null || typeof c.name === 'string', 'name');
  check(c.nameKana === null || typeof c.nameKana === 'string', 'nameKana');
  check(c.birthDate === null || isDate(c.birthDate), 'birthDate');
  check(
    typeof c.category === 'string' && c.category !== '' && c.categoryKnown === KNOWN_CATEGORIES.includes(c.category),
    'category kept, known or not',
  );
  check(c.status === 'OPEN' || c.status === 'CLOSED', 'status');
  check(isDate(c.openedOn) && (c.closedOn === null || isDate(c.closedOn)), 'openedOn, closedOn');
  check(typeof c.youngCarerConcern === 'boolean' && typeof c.updatedAt === 'string', 'flags and updatedAt');
  check(c.youtaikyoRegistered === null || typeof c.youtaikyoRegistered === 'boolean', 'youtaikyoRegistered: said, or null');
}

/** A page read as the ingest reads it: every item checked as a child (answer 2i+1) and as a case (2i+2), nothing dropped. */
function readPage(items: unknown[]): { accepted: number[]; rejected: number[] } {
  const account = { accepted: [] as number[], rejected: [] as number[] };
  items.forEach((item, i) => {
    const child = checkChild(item as Raw);
    childAccountedFor(child);
    (child.ok ? account.accepted : account.rejected).push(2 * i + 1);
    const kase = checkCase(item as Raw);
    caseAccountedFor(kase);
    (kase.ok ? account.accepted : account.rejected).push(2 * i + 2);
  });
  return account;
}

describe('fuzzing the kodomo record checks', () => {
  it('reads every generated valid child and case as generated', () => {
    fc.assert(
      fc.property(validChild, validCase, (child, kase) => {
        expect(checkChild(child.raw)).toEqual({ ok: true, value: child.expected });
        expect(checkCase(kase.raw)).toEqual({ ok: true, value: kase.expected });
      }),
      runs(500),
    );
  });

  it('never throws on arbitrary JSON values, and answers with a record or a reason', () => {
    const value = fc.oneof(fc.jsonValue({ maxDepth: 4 }), badValue, fc.anything({ maxDepth: 3 }));
    assertRecordConformance(
      { input: value, parse: (v) => checkChild(v as Raw), rules: RULES, accepted: (c) => childAccountedFor({ ok: true, value: c }) },
      runs(1000),
    );
    assertRecordConformance(
      { input: value, parse: (v) => checkCase(v as Raw), rules: RULES, accepted: (c) => caseAccountedFor({ ok: true, value: c }) },
      runs(1000),
    );
  });

  it('never throws on mutated children and cases; a page keeps count; an unchanged record reads as before', () => {
    const item = fc.oneof(
      validChild.map((c) => ({ raw: c.raw as unknown, child: c.expected as Child | null, kase: null as Case | null })),
      validCase.map((c) => ({ raw: c.raw as unknown, child: null as Child | null, kase: c.expected as Case | null })),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(item, fc.array(mutation, { maxLength: 3 })), { maxLength: 8 }), (page) => {
        const items = page.map(([{ raw }, mutations]) => mutations.reduce(mutate, raw));
        // Each item is checked as a child and as a case: two answers per item, none lost.
        checkAccounted(readPage(items), items.length * 2);
        page.forEach(([{ raw, child, kase }], i) => {
          if (JSON.stringify(items[i]) !== JSON.stringify(raw) || items[i] === undefined) return;
          if (child) expect(checkChild(items[i] as Raw)).toEqual({ ok: true, value: child });
          if (kase) expect(checkCase(items[i] as Raw)).toEqual({ ok: true, value: kase });
        });
      }),
      runs(1500),
    );
  });

  it('never throws on records parsed from mangled JSON text', () => {
    const edit = fc.record({
      at: fc.nat(),
      kind: fc.constantFrom('delete', 'insert', 'swap'),
      text: fc.constantFrom('{', '}', '[', ']', '"', ',', ':', 'null', '0', '1e999', '-', '\\u0000', '\\ud800', '{"toString":1}', ' '),
    });
    fc.assert(
      fc.property(
        fc.oneof(
          validChild.map((c) => c.raw),
          validCase.map((c) => c.raw),
        ),
        fc.array(edit, { minLength: 1, maxLength: 4 }),
        (raw, edits) => {
          let text = JSON.stringify(raw);
          for (const e of edits) {
            const at = e.at % (text.length + 1);
            text =
              e.kind === 'delete'
                ? text.slice(0, at) + text.slice(at + 1)
                : e.kind === 'insert'
                  ? text.slice(0, at) + e.text + text.slice(at)
                  : text.slice(0, at) + e.text + text.slice(at + e.text.length);
          }
          let value: unknown;
          try {
            value = JSON.parse(text);
          } catch {
            return; // not JSON: the page fails as a whole, before any record is checked
          }
          childAccountedFor(checkChild(value as Raw));
          caseAccountedFor(checkCase(value as Raw));
        },
      ),
      runs(1500),
    );
  });

  it('never repeats personal data planted in a child or a case in its reason', () => {
    const PATHS = [
      'childId',
      'atenaNo',
      'name',
      'nameKana',
      'birthDate',
      'sex',
      'updatedAt',
      'caseId',
      'subject.type',
      'subject.childId',
      'subject.atenaNo',
      'subject.name',
      'subject.nameKana',
      'subject.birthDate',
      'category',
      'status',
      'openedOn',
      'closedOn',
    ];
    const plant = (raw: Raw, plants: readonly (readonly [number, string])[]): Raw =>
      plants.reduce<Raw>((r, [at, value]) => mutate(r, { op: 'set', path: PATHS[at % PATHS.length]!, value }) as Raw, raw);
    assertNoValueInReasons({ valid: validChild.map((c) => c.raw), plant, parse: checkChild, rules: RULES }, runs(800));
    assertNoValueInReasons({ valid: validCase.map((c) => c.raw), plant, parse: checkCase, rules: RULES }, runs(800));
  });

  it('rejects the inputs this fuzzing found (a TypeError, or a bad date let through, before the fix)', () => {
    const kase = {
      caseId: 'K2024-000123',
      subject: { type: 'child', childId: 'C00012345', atenaNo: '0000012347' },
      category: '要支援児童',
      status: 'open',
      openedOn: '2024-02-10',
      closedOn: null,
      youngCarerConcern: false,
      updatedAt: '2024-04-01T09:30:00+09:00',
    };
    // String() of an updatedAt such as {"toString":1} threw "Cannot convert object to primitive value".
    for (const updatedAt of [JSON.parse('{"toString":1}'), JSON.parse('{"valueOf":"x","toString":"y"}'), {}, [], 5]) {
      expect(checkCase({ ...kase, updatedAt })).toEqual({ ok: false, field: 'updatedAt', reason: 'updatedAt is not a timestamp' });
    }
    // A case without updatedAt is still kept, as before.
    expect(checkCase({ ...kase, updatedAt: undefined })).toMatchObject({ ok: true, value: { updatedAt: '' } });
    // A child subject's birthDate was passed through unchecked (and failed the whole read at the date column).
    expect(checkCase({ ...kase, subject: { ...kase.subject, birthDate: 'C1' } })).toEqual({
      ok: false,
      field: 'subject.birthDate',
      reason: 'subject.birthDate is not a date',
    });
    expect(checkCase({ ...kase, subject: { ...kase.subject, birthDate: '2015-06-01' } })).toMatchObject({
      ok: true,
      value: { birthDate: '2015-06-01' },
    });
    // An item of the page that is not an object threw "Cannot read properties of null".
    for (const item of [null, undefined, 0, 'C00012345', true, [], [kase]]) {
      expect(checkChild(item as unknown as Raw)).toEqual({ ok: false, field: 'record', reason: 'record is not a JSON object' });
      expect(checkCase(item as unknown as Raw)).toEqual({ ok: false, field: 'record', reason: 'record is not a JSON object' });
    }
  });
});
