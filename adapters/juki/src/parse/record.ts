import { decodeCp932, parseSeirekiCompact, parseTimestamp14, parseWarekiCode, toFullwidthKatakana, type IsoDate } from '@welfare-hub/codec';
import { CHANGE_REASONS, RELATIONSHIPS, type ResidentStatus } from './codes.js';
import { FIELDS, RECORD_LENGTH, slice, type FieldSpec } from './layout.js';

export interface JukiRecord {
  atenaNo: string;
  setaiNo: string;
  relationshipCode: string;
  relationship: string;
  /** As registered (異体字 kept), family and given name separated by U+3000; the padding removed. */
  name: string;
  /** Full-width katakana, family and given name separated by one U+3000. */
  nameKana: string;
  birthDate: IsoDate;
  sex: 'MALE' | 'FEMALE';
  district: string;
  address: string;
  residentStatus: ResidentStatus;
  changeDate: IsoDate;
  changeReason: string;
  /** 更新日時 as ISO 8601 with +09:00. */
  updatedAt: string;
}

export type RecordResult = { ok: true; record: JukiRecord } | { ok: false; reason: string; field?: string };

class Rejected extends Error {
  constructor(
    readonly field: string,
    reason: string,
  ) {
    super(reason);
  }
}

// Reasons name the field and the fault, never the value: they are stored and listed, and a value is personal data.
function text(record: Uint8Array, spec: FieldSpec): string {
  const { text, valid } = decodeCp932(slice(record, spec));
  if (!valid) throw new Rejected(spec.name, `${spec.name}: bytes that are not CP932 (or a cut double-byte character)`);
  return text;
}

function digits(record: Uint8Array, spec: FieldSpec): string {
  const value = text(record, spec);
  if (!/^\d+$/.test(value)) throw new Rejected(spec.name, `${spec.name}: expected ${spec.bytes} digits`);
  return value;
}

function coded(record: Uint8Array, spec: FieldSpec, table: Readonly<Record<string, string>>): string {
  const value = text(record, spec);
  if (!(value in table)) throw new Rejected(spec.name, `${spec.name}: code not in the specification`);
  return value;
}

/** Full-width text padded on the right with U+3000 (and, from careless writers, half-width spaces). */
function fullwidth(record: Uint8Array, spec: FieldSpec): string {
  const value = text(record, spec).replace(/[\u3000 ]+$/u, '');
  if (value === '') throw new Rejected(spec.name, `${spec.name}: empty`);
  return value;
}

/** Half-width katakana with a half-width space between family and given name → full-width with one U+3000. */
function kana(record: Uint8Array, spec: FieldSpec): string {
  const raw = text(record, spec).replace(/ +$/, '');
  const full = toFullwidthKatakana(raw).trim();
  if (full === '') throw new Rejected(spec.name, `${spec.name}: empty`);
  if (!/^[\u30A0-\u30FF\s\u3000]+$/u.test(full)) throw new Rejected(spec.name, `${spec.name}: not katakana`);
  return full.split(/[\s\u3000]+/u).join('\u3000');
}

export function parseJukiRecord(record: Uint8Array): RecordResult {
  if (record.length !== RECORD_LENGTH) {
    return { ok: false, reason: `record length ${record.length}, expected ${RECORD_LENGTH}` };
  }
  try {
    const kind = text(record, FIELDS.kind);
    if (kind !== '1') throw new Rejected(FIELDS.kind.name, `${FIELDS.kind.name}: expected 1 for a data record`);
    const relationshipCode = coded(record, FIELDS.relationship, RELATIONSHIPS);
    const birthDate = parseWarekiCode(text(record, FIELDS.birthDate));
    if (!birthDate) throw new Rejected(FIELDS.birthDate.name, `${FIELDS.birthDate.name}: not a date of its era`);
    const sex = text(record, FIELDS.sex);
    if (sex !== '1' && sex !== '2') throw new Rejected(FIELDS.sex.name, `${FIELDS.sex.name}: code not in the specification`);
    const status = text(record, FIELDS.residentStatus);
    if (!/^[1-4]$/.test(status)) {
      throw new Rejected(FIELDS.residentStatus.name, `${FIELDS.residentStatus.name}: code not in the specification`);
    }
    const changeDate = parseSeirekiCompact(text(record, FIELDS.changeDate));
    if (!changeDate) throw new Rejected(FIELDS.changeDate.name, `${FIELDS.changeDate.name}: not a date`);
    const updatedAt = parseTimestamp14(text(record, FIELDS.updatedAt));
    if (!updatedAt) throw new Rejected(FIELDS.updatedAt.name, `${FIELDS.updatedAt.name}: not a timestamp`);
    return {
      ok: true,
      record: {
        atenaNo: digits(record, FIELDS.atenaNo),
        setaiNo: digits(record, FIELDS.setaiNo),
        relationshipCode,
        relationship: RELATIONSHIPS[relationshipCode]!,
        name: fullwidth(record, FIELDS.name),
        nameKana: kana(record, FIELDS.nameKana),
        birthDate,
        sex: sex === '1' ? 'MALE' : 'FEMALE',
        district: digits(record, FIELDS.district),
        address: fullwidth(record, FIELDS.address),
        residentStatus: Number(status) as ResidentStatus,
        changeDate,
        changeReason: coded(record, FIELDS.changeReason, CHANGE_REASONS),
        updatedAt,
      },
    };
  } catch (error) {
    if (error instanceof Rejected) return { ok: false, reason: error.message, field: error.field };
    throw error;
  }
}

/** The trailer: '9', the count of data records as 10 digits, spaces. Null when the record is not one. */
export function parseTrailer(record: Uint8Array): number | null {
  if (record.length !== RECORD_LENGTH || record[0] !== 0x39) return null;
  const { text, valid } = decodeCp932(record);
  if (!valid || !/^9\d{10} {189}$/.test(text)) return null;
  return Number(text.slice(1, 11));
}
