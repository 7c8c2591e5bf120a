/** The juki record layout, in bytes, 1-based as the spec writes it. */
export const RECORD_LENGTH = 200;

export interface FieldSpec {
  /** The spec's name for the field: rejection reasons name it. */
  name: string;
  from: number;
  bytes: number;
}

const field = (name: string, from: number, bytes: number): FieldSpec => ({ name, from, bytes });

export const FIELDS = {
  kind: field('レコード区分', 1, 1),
  atenaNo: field('宛名番号', 2, 10),
  setaiNo: field('世帯番号', 12, 10),
  relationship: field('続柄コード', 22, 2),
  name: field('氏名', 24, 40),
  nameKana: field('氏名カナ', 64, 40),
  birthDate: field('生年月日', 104, 7),
  sex: field('性別', 111, 1),
  district: field('地区コード', 112, 4),
  address: field('住所', 116, 60),
  residentStatus: field('住民状態', 176, 1),
  changeDate: field('異動日', 177, 8),
  changeReason: field('異動事由', 185, 2),
  updatedAt: field('更新日時', 187, 14),
} as const;

export function slice(record: Uint8Array, spec: FieldSpec): Uint8Array {
  return record.subarray(spec.from - 1, spec.from - 1 + spec.bytes);
}
