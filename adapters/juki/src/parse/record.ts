import { parseSeirekiCompact, parseTimestamp14, parseWarekiCode, type IsoDate } from '@welfare-hub/codec';
import { CHANGE_REASONS, RELATIONSHIPS, type ResidentStatus } from './codes.js';
import { asciiText, code, digits, fullwidthText, kana, Rejected } from './fields.js';
import { FIELDS, RECORD_LENGTH } from './layout.js';

export interface JukiRecord {
  atenaNo: string;
  setaiNo: string;
  relationshipCode: string;
  relationship: string;
  /** As registered (異体字 kept), family and given name separated by U+3000 as written; the padding removed. */
  name: string;
  /** Full-width katakana, family and given name separated by one U+3000. */
  nameKana: string;
  birthDate: IsoDate;
  sex: 'MALE' | 'FEMALE';
  district: string;
  /** As registered, the padding removed. */
  address: string;
  residentStatus: ResidentStatus;
  changeDate: IsoDate;
  changeReason: string;
  /** 更新日時 as ISO 8601 with +09:00. */
  updatedAt: string;
}

export type RecordResult = { ok: true; record: JukiRecord } | { ok: false; reason: string; field?: string };

const asBuffer = (bytes: Uint8Array): Buffer => (Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));

function date(value: IsoDate | null, field: string, fault: string): IsoDate {
  if (value === null) throw new Rejected(field, fault);
  return value;
}

/** The fields in layout order, so that the fault reported is the first one in the record. */
function fields(record: Buffer): JukiRecord {
  if (record[0] !== 0x31) throw new Rejected(FIELDS.kind.name, 'expected 1 for a data record');
  const atenaNo = digits(record, FIELDS.atenaNo);
  const setaiNo = digits(record, FIELDS.setaiNo);
  const relationshipCode = code(record, FIELDS.relationship, RELATIONSHIPS);
  const name = fullwidthText(record, FIELDS.name);
  const nameKana = kana(record, FIELDS.nameKana);
  const birthDate = date(parseWarekiCode(asciiText(record, FIELDS.birthDate)), FIELDS.birthDate.name, 'not a date of its era');
  const sex = record[FIELDS.sex.from - 1];
  if (sex !== 0x31 && sex !== 0x32) throw new Rejected(FIELDS.sex.name, 'code not in the specification');
  const district = digits(record, FIELDS.district);
  const address = fullwidthText(record, FIELDS.address);
  const status = record[FIELDS.residentStatus.from - 1]! - 0x30;
  if (status < 1 || status > 4) throw new Rejected(FIELDS.residentStatus.name, 'code not in the specification');
  const changeDate = date(parseSeirekiCompact(asciiText(record, FIELDS.changeDate)), FIELDS.changeDate.name, 'not a date');
  const changeReason = code(record, FIELDS.changeReason, CHANGE_REASONS);
  const updatedAt = date(parseTimestamp14(asciiText(record, FIELDS.updatedAt)), FIELDS.updatedAt.name, 'not a timestamp');
  return {
    atenaNo,
    setaiNo,
    relationshipCode,
    relationship: RELATIONSHIPS[relationshipCode]!,
    name,
    nameKana,
    birthDate,
    sex: sex === 0x31 ? 'MALE' : 'FEMALE',
    district,
    address,
    residentStatus: status as ResidentStatus,
    changeDate,
    changeReason,
    updatedAt,
  };
}

/** One 200-byte data record (without its CRLF), parsed, or refused with the field at fault. */
export function parseJukiRecord(record: Uint8Array): RecordResult {
  if (record.length !== RECORD_LENGTH) {
    return { ok: false, reason: `record length ${record.length}, expected ${RECORD_LENGTH}` };
  }
  try {
    return { ok: true, record: fields(asBuffer(record)) };
  } catch (error) {
    if (error instanceof Rejected) return { ok: false, reason: error.message, field: error.field };
    throw error;
  }
}

const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;
const SPACE = 0x20;

/** The trailer: '9', the count of data records as 10 digits, spaces to 200 bytes. Null when the record is not one. */
export function parseTrailer(record: Uint8Array): number | null {
  if (record.length !== RECORD_LENGTH || record[0] !== 0x39) return null;
  let count = 0;
  for (let i = 1; i <= 10; i++) {
    const byte = record[i]!;
    if (byte < DIGIT_0 || byte > DIGIT_9) return null;
    count = count * 10 + (byte - DIGIT_0);
  }
  for (let i = 11; i < RECORD_LENGTH; i++) if (record[i] !== SPACE) return null;
  return count;
}
