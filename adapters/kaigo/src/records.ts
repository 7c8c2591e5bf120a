import { parseSeirekiCompact } from '@welfare-hub/codec';
import { BOUNDS, pastBound } from '@welfare-hub/ingest';
import type { VendorRow } from './read.js';

export const CARE_LEVELS: Record<string, string> = {
  '01': 'NON_APPLICABLE',
  '06': 'PROGRAM_ELIGIBLE',
  '12': 'SUPPORT_1',
  '13': 'SUPPORT_2',
  '21': 'CARE_1',
  '22': 'CARE_2',
  '23': 'CARE_3',
  '24': 'CARE_4',
  '25': 'CARE_5',
  '99': 'PENDING',
};
const SODAN_KBN: Record<string, string> = {
  '01': '介護',
  '02': '権利擁護',
  '03': '高齢者虐待',
  '04': '認知症',
  '05': '家族・介護者',
  '06': 'その他',
};

/** A date column's fault: the row is kept without the date, and the fault reported. */
export interface DateFault {
  table: string;
  key: string;
  column: string;
}

export type Checked<T> = { ok: true; value: T; faults: DateFault[] } | { ok: false; field: string; reason: string };

const str = (v: string | number | null | undefined): string => (v === null || v === undefined ? '' : String(v).trim());

/** CHAR(8) dates: 00000000 and blanks are unknown (null); an impossible date (19990231) is null and reported. */
function dateOf(row: VendorRow, column: string, table: string, key: string, faults: DateFault[]): string | null {
  const v = str(row[column]);
  if (v === '' || v === '00000000') return null;
  const iso = parseSeirekiCompact(v);
  if (!iso) faults.push({ table, key, column: column.toUpperCase() });
  return iso;
}

export interface Hihokensha {
  no: string;
  atenaNo: string | null;
  name: string;
  nameKana: string;
  birthDate: string | null;
  sex: 'MALE' | 'FEMALE';
  kbn: string;
  acquiredOn: string | null;
  lostOn: string | null;
}
export interface Nintei {
  no: string;
  rireki: number;
  level: string;
  appliedOn: string | null;
  certifiedOn: string | null;
  validFrom: string | null;
  validUntil: string | null;
}
export interface Sodan {
  id: string;
  no: string | null;
  atenaNo: string | null;
  kana: string | null;
  center: string;
  date: string | null;
  category: string;
  summary: string | null;
  status: 'OPEN' | 'CLOSED';
}

export function checkHihokensha(row: VendorRow): Checked<Hihokensha> {
  const no = str(row['hihokensha_no']);
  const faults: DateFault[] = [];
  const sex = str(row['seibetsu']);
  if (sex !== '1' && sex !== '2') return { ok: false, field: 'SEIBETSU', reason: 'SEIBETSU: code not in the specification' };
  const kbn = str(row['shikaku_kbn']);
  if (kbn !== '1' && kbn !== '2') return { ok: false, field: 'SHIKAKU_KBN', reason: 'SHIKAKU_KBN: code not in the specification' };
  const atena = str(row['atena_no']);
  return {
    ok: true,
    faults,
    value: {
      no,
      atenaNo: /^\d{10}$/.test(atena) ? atena : null,
      name: str(row['shimei']),
      nameKana: str(row['shimei_kana']),
      birthDate: dateOf(row, 'seinengappi', 'T_HIHOKENSHA', no, faults),
      sex: sex === '1' ? 'MALE' : 'FEMALE',
      kbn,
      acquiredOn: dateOf(row, 'shutoku_ymd', 'T_HIHOKENSHA', no, faults),
      lostOn: dateOf(row, 'soshitsu_ymd', 'T_HIHOKENSHA', no, faults),
    },
  };
}

export function checkNintei(row: VendorRow): Checked<Nintei> {
  const no = str(row['hihokensha_no']);
  const code = str(row['yokaigodo_cd']);
  // Own keys only: a code such as 'constructor' or '__proto__' must not find something on the prototype.
  if (!Object.hasOwn(CARE_LEVELS, code)) return { ok: false, field: 'YOKAIGODO_CD', reason: 'YOKAIGODO_CD: code not in the specification' };
  const faults: DateFault[] = [];
  const key = `${no}/${str(row['rireki_no'])}`;
  return {
    ok: true,
    faults,
    value: {
      no,
      rireki: Number(row['rireki_no']),
      level: CARE_LEVELS[code]!,
      appliedOn: dateOf(row, 'shinsei_ymd', 'T_NINTEI', key, faults),
      certifiedOn: dateOf(row, 'nintei_ymd', 'T_NINTEI', key, faults),
      validFrom: dateOf(row, 'yuko_kaishi_ymd', 'T_NINTEI', key, faults),
      validUntil: dateOf(row, 'yuko_shuryo_ymd', 'T_NINTEI', key, faults),
    },
  };
}

export function checkSodan(row: VendorRow): Checked<Sodan> {
  const id = str(row['sodan_id']);
  const kbn = str(row['sodan_kbn']);
  if (!Object.hasOwn(SODAN_KBN, kbn)) return { ok: false, field: 'SODAN_KBN', reason: 'SODAN_KBN: code not in the specification' };
  const status = str(row['status']);
  if (status !== '1' && status !== '2') return { ok: false, field: 'STATUS', reason: 'STATUS: code not in the specification' };
  // The true length when the read asked for it (read.ts), else the text's own.
  const chars =
    typeof row['naiyo_chars'] === 'number'
      ? row['naiyo_chars']
      : Number(row['naiyo_chars'] ?? (row['naiyo'] === null || row['naiyo'] === undefined ? 0 : String(row['naiyo']).length));
  if (chars > BOUNDS.freeTextChars) return { ok: false, field: 'NAIYO', reason: pastBound('NAIYO', chars, BOUNDS.freeTextChars, 'characters') };
  const faults: DateFault[] = [];
  const atena = str(row['atena_no']);
  return {
    ok: true,
    faults,
    value: {
      id,
      no: str(row['hihokensha_no']) || null,
      atenaNo: /^\d{10}$/.test(atena) ? atena : null,
      kana: str(row['sodansha_kana']) || null,
      center: str(row['center_cd']),
      date: dateOf(row, 'sodan_ymd', 'T_HOKATSU_SODAN', id, faults),
      category: SODAN_KBN[kbn]!,
      summary: row['naiyo'] === null || row['naiyo'] === undefined ? null : String(row['naiyo']),
      status: status === '1' ? 'OPEN' : 'CLOSED',
    },
  };
}
