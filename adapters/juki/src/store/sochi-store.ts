import type { DataSource, EntityManager } from 'typeorm';
import type { SochiRow } from '../sochi/parse.js';

type Db = DataSource | EntityManager;

/** The list in force: which file, as of which day, how many rows. */
export interface SochiListInForce {
  listDate: string;
  name: string;
  sha256: string;
  rows: number;
}

/**
 * SQL true when a 支援措置 row `s` is in force today in Japan: open, or ending today or later. A start still ahead
 * protects already: the list says the registry withholds the address, and withholding early harms no one.
 */
export const SOCHI_IN_FORCE = `(s.end_date IS NULL OR s.end_date >= (now() AT TIME ZONE 'Asia/Tokyo')::date)`;

/**
 * SQL true when the address of juki.person `p` is withheld: `p` is under a 支援措置 in force, or shares a 世帯 or an
 * address with someone who is (the 世帯's address is theirs; a 世帯分離 at one address gives it away as well).
 * Read from juki.withheld_place: two index probes per person, whatever the size of the list.
 */
export const ADDRESS_WITHHELD = `EXISTS (SELECT 1 FROM juki.withheld_place w WHERE (w.setai_no = p.setai_no OR w.address = p.address)
  AND (w.end_date IS NULL OR w.end_date >= (now() AT TIME ZONE 'Asia/Tokyo')::date))`;

/**
 * Recomputes where the listed residents live (juki.withheld_place) from juki.sochi and juki.person, in the caller's
 * transaction: whoever changes either calls it before committing, so that a reader never sees a protected resident's
 * new address without its mask. Every row of the list counts (ended ones too: whether a measure is in force is asked
 * at read time, since a day passes without any file). Refreshes are serialised; readers are not held up.
 */
export async function refreshWithheldPlaces(tx: EntityManager, onlyFor?: readonly string[]): Promise<void> {
  // onlyFor: the residents a batch of the registry changed; only their places can have moved.
  const which = onlyFor ? `WHERE atena_no = ANY($1::text[])` : '';
  const params = onlyFor ? [[...onlyFor]] : [];
  await tx.query(`LOCK TABLE juki.withheld_place IN EXCLUSIVE MODE`);
  await tx.query(`DELETE FROM juki.withheld_place ${which}`, params);
  await tx.query(
    `INSERT INTO juki.withheld_place (atena_no, setai_no, address, end_date)
     SELECT q.atena_no, q.setai_no, q.address, s.end_date FROM juki.sochi s JOIN juki.person q ON q.atena_no = s.atena_no
     ${onlyFor ? 'WHERE s.atena_no = ANY($1::text[])' : ''}`,
    params,
  );
}

/** The 支援措置 list as the hub keeps it: the newest list read whole, replaced whole. */
export class SochiStore {
  constructor(private readonly db: DataSource) {}

  async inForce(db: Db = this.db): Promise<SochiListInForce | null> {
    const [row] = await db.query(`SELECT to_char(list_date, 'YYYY-MM-DD') AS "listDate", name, sha256, rows FROM juki.sochi_list`);
    return row ?? null;
  }

  /** Puts a list in force in place of the one before, in the caller's transaction. */
  async replace(list: { date: string; name: string; sha256: string; rows: readonly SochiRow[] }, db: EntityManager): Promise<void> {
    await db.query(`DELETE FROM juki.sochi`);
    const col = <T>(f: (r: SochiRow) => T): T[] => list.rows.map(f);
    await db.query(
      `INSERT INTO juki.sochi (atena_no, kubun, start_date, end_date, updated_at)
       SELECT * FROM unnest($1::text[], $2::text[], $3::date[], $4::date[], $5::timestamptz[])`,
      [col((r) => r.atenaNo), col((r) => r.kubun), col((r) => r.startDate), col((r) => r.endDate), col((r) => r.updatedAt)],
    );
    await db.query(
      `INSERT INTO juki.sochi_list (list_date, name, sha256, rows) VALUES ($1, $2, $3, $4)
       ON CONFLICT (one) DO UPDATE SET list_date = EXCLUDED.list_date, name = EXCLUDED.name, sha256 = EXCLUDED.sha256,
         rows = EXCLUDED.rows, applied_at = now()`,
      [list.date, list.name, list.sha256, list.rows.length],
    );
    await refreshWithheldPlaces(db);
  }
}
