import { writeFileSync } from 'node:fs';
import { encodeCp932 } from '@welfare-hub/codec';

/** One juki record's fields as the spec lays them out, before padding. */
export interface Fields {
  kind: string;
  atenaNo: string;
  setaiNo: string;
  relationship: string;
  name: string;
  nameKana: string;
  birthDate: string;
  sex: string;
  district: string;
  address: string;
  residentStatus: string;
  changeDate: string;
  changeReason: string;
  updatedAt: string;
}

export const YAMADA_TARO: Fields = {
  kind: '1',
  atenaNo: '0000012345',
  setaiNo: '0000004567',
  relationship: '01',
  name: '山田\u3000太郎',
  nameKana: 'ﾔﾏﾀﾞ ﾀﾛｳ',
  birthDate: '3220815',
  sex: '1',
  district: '0101',
  address: '○○市本町一丁目２番３号',
  residentStatus: '1',
  changeDate: '19850401',
  changeReason: '01',
  updatedAt: '20240401093000',
};

function pad(bytes: Buffer, length: number, padding: Buffer): Buffer {
  const parts = [bytes];
  let size = bytes.length;
  while (size + padding.length <= length) {
    parts.push(padding);
    size += padding.length;
  }
  return Buffer.concat(parts).subarray(0, length);
}

const FULL = encodeCp932('\u3000');
const HALF = Buffer.from(' ');

/** Assembles a 200-byte record the way the registry writes it: full-width fields padded with U+3000, half-width with spaces. */
export function record(overrides: Partial<Fields> = {}, rawOverrides: Partial<Record<keyof Fields, Buffer>> = {}): Buffer {
  const f = { ...YAMADA_TARO, ...overrides };
  const enc = (key: keyof Fields, length: number, padding: Buffer): Buffer =>
    rawOverrides[key] ? pad(rawOverrides[key]!, length, padding) : pad(encodeCp932(f[key]), length, padding);
  const out = Buffer.concat([
    enc('kind', 1, HALF),
    enc('atenaNo', 10, HALF),
    enc('setaiNo', 10, HALF),
    enc('relationship', 2, HALF),
    enc('name', 40, FULL),
    enc('nameKana', 40, HALF),
    enc('birthDate', 7, HALF),
    enc('sex', 1, HALF),
    enc('district', 4, HALF),
    enc('address', 60, FULL),
    enc('residentStatus', 1, HALF),
    enc('changeDate', 8, HALF),
    enc('changeReason', 2, HALF),
    enc('updatedAt', 14, HALF),
  ]);
  if (out.length !== 200) throw new Error(`fixture is ${out.length} bytes`);
  return out;
}

export function trailer(count: number): Buffer {
  return Buffer.from(`9${String(count).padStart(10, '0')}`.padEnd(200, ' '), 'latin1');
}

const CRLF = Buffer.from('\r\n');

/** A file of records with CRLF after each and a trailer counting them (unless told otherwise). */
export function writeJuki(path: string, records: Buffer[], options: { trailerCount?: number | null; finalCrlf?: boolean } = {}): void {
  const count = options.trailerCount === undefined ? records.length : options.trailerCount;
  const lines = count === null ? records : [...records, trailer(count)];
  const parts = lines.flatMap((line, i) => (i < lines.length - 1 || options.finalCrlf !== false ? [line, CRLF] : [line]));
  writeFileSync(path, Buffer.concat(parts));
}
