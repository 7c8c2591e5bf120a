import { readFileSync } from 'node:fs';
import type { DataSource } from 'typeorm';

/** The vendor database's rows, as the tables of kaigo.md hold them (the simulator loads them into a real database). */
export interface KaigoData {
  T_HIHOKENSHA: Record<string, string | null>[];
  T_NINTEI: Record<string, string | number | null>[];
  T_KYUFU_JISSEKI: Record<string, string | number>[];
  T_HOKATSU_SODAN: Record<string, string | number | null>[];
}

/**
 * The vendor's tables as kaigo.md gives them, created unquoted (PostgreSQL keeps them lower case, MariaDB
 * upper case), with the columns the hub's account may not read (income 段階, 口座) there as well.
 */
const DDL = [
  `CREATE TABLE T_HIHOKENSHA (HIHOKENSHA_NO CHAR(10) NOT NULL PRIMARY KEY, ATENA_NO CHAR(10), SHIMEI VARCHAR(40) NOT NULL,
    SHIMEI_KANA VARCHAR(40) NOT NULL, SEINENGAPPI CHAR(8) NOT NULL, SEIBETSU CHAR(1) NOT NULL, SHIKAKU_KBN CHAR(1) NOT NULL,
    SHUTOKU_YMD CHAR(8) NOT NULL, SOSHITSU_YMD CHAR(8), UPD_DT TIMESTAMP NOT NULL, SHOTOKU_DANKAI CHAR(2), KOZA_NO VARCHAR(20))`,
  `CREATE TABLE T_NINTEI (HIHOKENSHA_NO CHAR(10) NOT NULL, RIREKI_NO INTEGER NOT NULL, YOKAIGODO_CD CHAR(2) NOT NULL,
    SHINSEI_YMD CHAR(8) NOT NULL, NINTEI_YMD CHAR(8), YUKO_KAISHI_YMD CHAR(8), YUKO_SHURYO_YMD CHAR(8), UPD_DT TIMESTAMP NOT NULL,
    PRIMARY KEY (HIHOKENSHA_NO, RIREKI_NO))`,
  `CREATE TABLE T_KYUFU_JISSEKI (HIHOKENSHA_NO CHAR(10) NOT NULL, SERVICE_YM CHAR(6) NOT NULL, SERVICE_SHURUI_CD CHAR(2) NOT NULL,
    TANI_SU INTEGER NOT NULL, UPD_DT TIMESTAMP NOT NULL, PRIMARY KEY (HIHOKENSHA_NO, SERVICE_YM, SERVICE_SHURUI_CD))`,
  `CREATE TABLE T_HOKATSU_SODAN (SODAN_ID BIGINT NOT NULL PRIMARY KEY, HIHOKENSHA_NO CHAR(10), ATENA_NO CHAR(10),
    SODANSHA_KANA VARCHAR(40), CENTER_CD CHAR(4) NOT NULL, SODAN_YMD CHAR(8) NOT NULL, SODAN_KBN CHAR(2) NOT NULL, NAIYO TEXT,
    STATUS CHAR(1) NOT NULL, UPD_DT TIMESTAMP NOT NULL)`,
];

/** Creates the vendor schema in an empty database and fills it with a generated city's rows. */
export async function loadKaigoVendorDb(db: DataSource, dataFile: string): Promise<void> {
  const data = JSON.parse(readFileSync(dataFile, 'utf8')) as KaigoData;
  const mysql = db.options.type === 'mysql' || db.options.type === 'mariadb';
  for (const statement of DDL) await db.query(statement);
  for (const [table, rows] of Object.entries(data) as [string, Record<string, unknown>[]][]) {
    for (let i = 0; i < rows.length; i += 500) {
      const batch = rows.slice(i, i + 500);
      const columns = Object.keys(batch[0] ?? {});
      if (columns.length === 0) continue;
      const params: unknown[] = [];
      const tuples = batch.map((row) => `(${columns.map((c) => (params.push(row[c] ?? null), mysql ? '?' : `$${params.length}`)).join(', ')})`);
      // The secret columns are filled too, so a test can tell the adapter never reads them.
      const secret = table === 'T_HIHOKENSHA' ? ', SHOTOKU_DANKAI, KOZA_NO' : '';
      const secretValues = table === 'T_HIHOKENSHA' ? `, '03', '1234567'` : '';
      await db.query(
        `INSERT INTO ${table} (${columns.join(', ')}${secret}) VALUES ${tuples.map((t) => t.replace(/\)$/, `${secretValues})`)).join(', ')}`,
        params,
      );
    }
  }
}
