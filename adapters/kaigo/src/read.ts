import type { DataSource } from 'typeorm';
import { BOUNDS } from '@welfare-hub/ingest';

/**
 * Only the columns the hub's account may read (kaigo.md), named unquoted and upper case: PostgreSQL folds
 * them to the lower-case names it stored, MariaDB on Linux matches the upper-case ones, so one query serves both.
 */
const SELECTS = {
  hihokensha: `SELECT HIHOKENSHA_NO, ATENA_NO, SHIMEI, SHIMEI_KANA, SEINENGAPPI, SEIBETSU, SHIKAKU_KBN, SHUTOKU_YMD, SOSHITSU_YMD, UPD_DT FROM T_HIHOKENSHA`,
  nintei: `SELECT HIHOKENSHA_NO, RIREKI_NO, YOKAIGODO_CD, SHINSEI_YMD, NINTEI_YMD, YUKO_KAISHI_YMD, YUKO_SHURYO_YMD, UPD_DT FROM T_NINTEI`,
  // NAIYO is TEXT and "may be long": only its head within the bound (and one character more, to tell) leaves the
  // vendor's database, with its true length, so a huge summary costs the hub nothing (packages/ingest BOUNDS).
  sodan: `SELECT SODAN_ID, HIHOKENSHA_NO, ATENA_NO, SODANSHA_KANA, CENTER_CD, SODAN_YMD, SODAN_KBN, SUBSTR(NAIYO, 1, ${BOUNDS.freeTextChars + 1}) AS NAIYO, CHAR_LENGTH(NAIYO) AS NAIYO_CHARS, STATUS, UPD_DT FROM T_HOKATSU_SODAN`,
} as const;

export type VendorRow = Record<string, string | number | null>;

/** Rows with lower-case keys, whatever case the database answered in; CHAR padding trimmed. */
async function read(db: DataSource, sql: string, params: unknown[] = []): Promise<VendorRow[]> {
  const rows: Record<string, unknown>[] = await db.query(sql, params);
  return rows.map((row) =>
    Object.fromEntries(
      // An invalid Date (a TIMESTAMP past what JavaScript can hold) is null: toISOString() would throw and fail the whole read.
      Object.entries(row).map(([k, v]) => [
        k.toLowerCase(),
        v === null || v === undefined
          ? null
          : typeof v === 'number'
            ? v
            : v instanceof Date
              ? Number.isNaN(v.getTime())
                ? null
                : v.toISOString()
              : String(v).trimEnd(),
      ]),
    ),
  );
}

/**
 * Every row, or (incremental) the rows whose UPD_DT is at or after `since` ('YYYY-MM-DD HH:MM:SS'). The
 * caller sets `since` a day back from the newest UPD_DT it saw, so no time-zone reading of TIMESTAMP can
 * make it miss a row; upserts make the overlap harmless.
 */
export async function readVendor(db: DataSource, since?: string): Promise<{ hihokensha: VendorRow[]; nintei: VendorRow[]; sodan: VendorRow[] }> {
  const placeholder = db.options.type === 'mysql' || db.options.type === 'mariadb' ? '?' : '$1';
  const where = since ? ` WHERE UPD_DT >= ${placeholder}` : '';
  const params = since ? [since] : [];
  const run = async (sql: string): Promise<VendorRow[]> => read(db, `${sql}${where}`, params);
  return { hihokensha: await run(SELECTS.hihokensha), nintei: await run(SELECTS.nintei), sodan: await run(SELECTS.sodan) };
}

/** The newest UPD_DT of the three tables, as 'YYYY-MM-DD HH:MM:SS' text. */
export function newestUpdate(rows: readonly VendorRow[]): string | null {
  let newest: string | null = null;
  for (const row of rows) {
    const v = row['upd_dt'];
    if (typeof v !== 'string') continue;
    const text = v.replace('T', ' ').slice(0, 19);
    if (newest === null || text > newest) newest = text;
  }
  return newest;
}
