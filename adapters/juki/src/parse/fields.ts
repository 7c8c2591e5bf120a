import { decodeCp932, toFullwidthKatakana } from '@welfare-hub/codec';
import { lookUp } from './codes.js';
import { slice, type FieldSpec } from './layout.js';

/**
 * A record refused for one field. Reasons name the field and the fault, never the value: they are stored and
 * listed to staff who may not see the person, and every value in a juki record is personal data.
 */
export class Rejected extends Error {
  constructor(
    readonly field: string,
    fault: string,
  ) {
    super(`${field}: ${fault}`);
  }
}

/**
 * An ASCII field (number, code, date) straight from the bytes: no decoder, no copy of the slice. A byte above
 * 0x7F comes out as a Latin-1 character that no digit check, code table or date parser accepts.
 */
export function asciiText(record: Buffer, spec: FieldSpec): string {
  return record.toString('latin1', spec.from - 1, spec.from - 1 + spec.bytes);
}

/** Only the digits 0-9, filling the whole field (numbers are zero-padded on the left). */
export function digits(record: Buffer, spec: FieldSpec): string {
  for (let i = spec.from - 1; i < spec.from - 1 + spec.bytes; i++) {
    const byte = record[i]!;
    if (byte < 0x30 || byte > 0x39) throw new Rejected(spec.name, `expected ${spec.bytes} digits`);
  }
  return asciiText(record, spec);
}

/** A code from one of the spec's tables; anything else (blank, unknown) refuses the record. */
export function code(record: Buffer, spec: FieldSpec, table: Readonly<Record<string, string>>): string {
  const value = asciiText(record, spec);
  if (lookUp(table, value) === undefined) throw new Rejected(spec.name, 'code not in the specification');
  return value;
}

function decoded(record: Buffer, spec: FieldSpec): string {
  const { text, valid } = decodeCp932(slice(record, spec));
  if (!valid) throw new Rejected(spec.name, 'not CP932 (a bad byte sequence, a cut double-byte character or 外字)');
  return text;
}

/** Full-width text padded on the right with U+3000 (and, from careless writers, half-width spaces). */
export function fullwidthText(record: Buffer, spec: FieldSpec): string {
  const value = decoded(record, spec).replace(/[\u3000 ]+$/u, '');
  if (value === '') throw new Rejected(spec.name, 'empty');
  return value;
}

// After NFKC: katakana (ー and ・ included) and the half-width space; U+3000 has become a space too.
const KATAKANA = /^[\u30a1-\u30fc ]+$/u;

/** Half-width katakana, one space between family and given name → full-width, separated by one U+3000. */
export function kana(record: Buffer, spec: FieldSpec): string {
  // The padding goes first: NFKC costs by the character, and half the field is usually spaces.
  const full = toFullwidthKatakana(decoded(record, spec).trimEnd()).trim();
  if (full === '') throw new Rejected(spec.name, 'empty');
  // A ﾞ or ﾟ that NFKC could not join to its kana is left as a combining mark, and fails here.
  if (!KATAKANA.test(full)) throw new Rejected(spec.name, 'not katakana');
  return full.replace(/ +/g, '\u3000');
}
