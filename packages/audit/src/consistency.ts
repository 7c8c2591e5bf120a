import type { DataSource } from 'typeorm';
import { ENTRY_COLUMNS, entryFromRow, entryHash } from './chain.js';

export interface Head {
  entryId: string;
  entryHash: string;
}

export async function readHead(db: DataSource): Promise<Head> {
  const [row]: { last_id: string; last_hash: string }[] = await db.query(`SELECT last_id::text, last_hash FROM audit.head`);
  return { entryId: row!.last_id, entryHash: row!.last_hash };
}

/** The entry a head named still has the hash it had then (one lookup: cheap enough for every observation). */
export async function entryStillHolds(db: DataSource, head: Head): Promise<boolean> {
  const [row] = await db.query(`SELECT hash FROM audit.entry WHERE id = $1`, [head.entryId]);
  return row?.hash === head.entryHash;
}

const CHUNK = 5000;

/**
 * The consistency check of a transparency log, for a hash chain: the chain up to `head` holds every head in `known`
 * unchanged, and runs from the earliest of them to `head` entry by entry, each linked to the one before and hashed
 * as it should be. Reads only the entries written since the earliest known head.
 */
export async function headExtends(db: DataSource, known: readonly Head[], head: Head): Promise<boolean> {
  const expected = new Map(known.map((k) => [k.entryId, k.entryHash]));
  const from = known.reduce((min, k) => (BigInt(k.entryId) < min ? BigInt(k.entryId) : min), BigInt(head.entryId));
  if (known.some((k) => BigInt(k.entryId) > BigInt(head.entryId))) return false;
  let after = from - 1n;
  let prev: string | null = null;
  while (after < BigInt(head.entryId)) {
    const rows: Record<string, unknown>[] = await db.query(
      `SELECT ${ENTRY_COLUMNS} FROM audit.entry entry WHERE entry.id > $1 AND entry.id <= $2 ORDER BY entry.id LIMIT ${CHUNK}`,
      [after.toString(), head.entryId],
    );
    if (rows.length === 0) return false;
    for (const r of rows) {
      const id = r['id'] as string;
      if (BigInt(id) !== after + 1n) return false;
      // The first entry is taken as it stands (a known head vouches for it below); every later one must link and hash.
      if (prev !== null && (r['prev_hash'] !== prev || entryHash(id, entryFromRow(r), prev) !== r['hash'])) return false;
      const hash = expected.get(id);
      if (hash !== undefined && hash !== r['hash']) return false;
      prev = r['hash'] as string;
      after = BigInt(id);
    }
  }
  return prev === head.entryHash;
}
