// The conformance kit fails where an adapter breaks the contract: otherwise a green fuzz test would prove nothing.
import fc from 'fast-check';
import {
  assertNoValueInReasons,
  assertRecordConformance,
  checkAccounted,
  checkRejection,
  mutateBytes,
  type Outcome,
} from '../test-support/conformance.js';

const RULES = { fields: ['生年月日', '氏名'] };
const params = { seed: 1, numRuns: 50 };

/** Why a property failed: fast-check keeps the check's error as the cause of its own. */
function failure(run: () => void): string {
  try {
    run();
  } catch (error) {
    return String((error as Error).cause ?? error);
  }
  return 'passed';
}

describe('the adapter conformance kit', () => {
  it('accepts a rejection that names a field of the layout and repeats nothing', () => {
    expect(() => checkRejection({ field: '生年月日', reason: '生年月日: not a date' }, RULES, ['S45.2.30'])).not.toThrow();
  });

  it('fails a rejection without a reason, without a field, or naming a field the layout does not have', () => {
    expect(() => checkRejection({ field: '生年月日', reason: ' ' }, RULES)).toThrow('a rejection has a reason');
    expect(() => checkRejection({ reason: 'record length 199, expected 200' }, RULES)).toThrow('names a field');
    expect(() => checkRejection({ reason: 'record length 199, expected 200' }, { ...RULES, wholeRecord: true })).not.toThrow();
    expect(() => checkRejection({ field: '住所', reason: '住所: too long' }, RULES)).toThrow("the field is one of the layout's");
    expect(() => checkRejection({ field: '氏名', reason: 'not a date' }, RULES)).toThrow('the reason names the field');
  });

  it('fails a reason that repeats a value of the input, even one padded in the field', () => {
    expect(() => checkRejection({ field: '氏名', reason: '氏名: 山田　太郎 is not katakana' }, RULES, ['山田　太郎  '])).toThrow(
      'carries a value of the input',
    );
    // The field's own name is not the value, and values too short to mean anything are not looked for.
    expect(() =>
      checkRejection({ field: '生年月日', reason: 'row 4: 生年月日: 3 fields' }, { ...RULES, prefix: 'row 4: ' }, ['生年月日', '3']),
    ).not.toThrow();
  });

  it('fails a parser that throws, and one whose reason quotes the value planted', () => {
    const throws = (s: string): Outcome<string> => (s.includes('a') ? JSON.parse(s) : { ok: true, value: s });
    expect(failure(() => assertRecordConformance({ input: fc.string(), parse: throws, rules: RULES }, params))).toContain('SyntaxError');
    const quotes = (fields: string[]): Outcome<string[]> => ({ ok: false, field: '氏名', reason: `氏名: ${fields.join()} refused` });
    expect(
      failure(() =>
        assertNoValueInReasons(
          { valid: fc.constant(['x', 'y']), plant: (r, plants) => plants.map(([, v]) => v).concat(r), parse: quotes, rules: RULES },
          params,
        ),
      ),
    ).toContain('carries a value of the input');
  });

  it('fails an account that loses a record or counts one twice', () => {
    expect(() => checkAccounted({ accepted: [1, 3], rejected: [2] }, 3)).not.toThrow();
    expect(() => checkAccounted({ accepted: [1], rejected: [3] }, 3)).toThrow('1 accepted + 1 rejected, 3 read');
    expect(() => checkAccounted({ accepted: [1, 2], rejected: [2] }, 3)).toThrow('record 3 accounted for once');
    expect(() => checkAccounted({ accepted: [4, 5], rejected: [6] }, [4, 5, 6])).not.toThrow();
  });

  it('mutates bytes within bounds, whatever the position', () => {
    const bytes = Buffer.from('abc');
    expect(mutateBytes(bytes, { op: 'truncate', at: 6 })).toEqual(Buffer.from('ab')); // 6 modulo 4
    expect(mutateBytes(bytes, { op: 'insert', at: 3, bytes: [0x0d, 0x0a] })).toEqual(Buffer.from('abc\r\n'));
    expect(mutateBytes(Buffer.alloc(0), { op: 'set', at: 7, byte: 0 })).toEqual(Buffer.alloc(0));
    expect(mutateBytes(bytes, { op: 'overlong', at: 1, count: 3, byte: 0x41 })).toEqual(Buffer.from('aAAAbc'));
  });
});
