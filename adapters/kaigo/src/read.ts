import type { DataSource } from 'typeorm';

/**
 * Only the columns the hub's account may read (kaigo.md), named unquoted and upper case: PostgreSQL folds
 * them to the lower-case names it stored, MariaDB on Linux matches the upper-case ones, so one query serves both.
 */
const SELECTS = {
  hihokensha: `SELECT HIHOKENSHA_NO, ATENA_NO, SHIMEI, SHIMEI_KANA, SEINENGAPPI, SEIBETSU, SHIKAKU_KBN, SHUTOKU_YMD, SOSHITSU_YMD, UPD_DT FROM T_HIHOKENSHA`,
  nintei: `SELECT HIHOKENSHA_NO, RIREKI_NO, YOKAIGODO_CD, SHINSEI_YMD, NINTEI_YMD, YUKO_KAISHI_YMD, YUKO_SHURYO_YMD, UPD_DT FROM T_NINTEI`,
  sodan: `SELECT SODAN_ID, HIHOKENSHA_NO, ATENA_NO, SODANSHA_KANA, CENTER_CD, SODAN_YMD, SODAN_KBN, NAIYO, STATUS, UPD_DT FROM T_HOKATSU_SODAN`,
} as const;

export type VendorRow = Record<string, string | number | null>;

/** Rows with lower-case keys, whatever case the database answered in; CHAR padding trimmed. */
async function read(db: DataSource, sql: string): Promise<VendorRow[]> {
  const rows: Record<string, unknown>[] = await db.query(sql);
  return rows.map((row) =>
    Object.fromEntries(
      Object.entries(row).map(([k, v]) => [k.toLowerCase(), v === null || v === undefined ? null : typeof v === 'number' ? v : v instanceof Date ? v.toISOString() : String(v).trimEnd()]),
    ),
  );
}

export async function readVendor(db: DataSource): Promise<{ hihokensha: VendorRow[]; nintei: VendorRow[]; sodan: VendorRow[] }> {
  return {
    hihokensha: await read(db, SELECTS.hihokensha),
    nintei: await read(db, SELECTS.nintei),
    sodan: await read(db, SELECTS.sodan),
  };
}
