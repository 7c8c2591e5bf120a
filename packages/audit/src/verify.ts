import type { KeyObject } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { ENTRY_COLUMNS, entryFromRow, entryHash } from './chain.js';
import { CHECKPOINT_COLUMNS, NO_DIGEST, checkpointDigest, checkpointFromRow, checkpointSignatureFits, type Checkpoint } from './checkpoint.js';

/** What did not fit, for the privacy officer; codes, never the data. */
export type AuditProblem =
  /** An entry's fields or hash do not fit the entry before it. */
  | 'ENTRY_CHANGED'
  /** An entry is missing from the middle of the chain. */
  | 'ENTRY_MISSING'
  /** The chain ends before its head, a signed checkpoint or a head known from outside the database. */
  | 'TAIL_CUT'
  /** The chain fits itself but not a signed checkpoint or a known head: changed and re-hashed. */
  | 'REWRITTEN'
  /** A checkpoint's signature does not fit (forged, or signed by a key not trusted). */
  | 'CHECKPOINT_INVALID'
  /** A signed checkpoint is gone: the next one no longer links to its predecessor, or the witness holds one the table lacks. */
  | 'CHECKPOINT_MISSING'
  /** The retained chain does not start just after a signed checkpoint older than the retention period. */
  | 'START_MOVED'
  /** The witness holds a signed head whose signature does not fit. */
  | 'WITNESS_INVALID';

export interface Integrity {
  ok: boolean;
  entries: number;
  firstBadEntry: string | null;
  checkedAt: Date;
  /** Signed checkpoints found to fit (counted only when the keys were given). */
  checkpoints: number;
  lastCheckpointAt: Date | null;
  problem: AuditProblem | null;
  /** The furthest head known from outside the database (witness, keeper, exported head) the log was checked against. */
  witnessedEntries: string | null;
}

/** A head known from outside the database that the chain must still contain, unchanged; signed heads must also still be in the table. */
export interface KnownHead {
  entryId: string;
  entryHash: string;
  checkpoint: Checkpoint | null;
}

export interface VerifyOptions {
  trustedKeys?: ReadonlyMap<string, KeyObject>;
  retentionMs?: number;
  knownHeads?: readonly KnownHead[];
}

const CHUNK = 5000;

/**
 * Walks the retained chain and names the first entry that does not fit: a changed field, a removed entry, a cut tail.
 * With the checkpoint keys it also checks every signed checkpoint against the chain and against the checkpoint before
 * it, which catches a chain rewritten and re-hashed from some entry on and a checkpoint removed from the middle; with
 * known heads (the witness's, the keeper's, an exported one) it catches what the database alone cannot show: the
 * latest checkpoints deleted with the chain rewritten under them, or a tail cut and the head moved back. A rewrite is
 * named from the first entry after the last checkpoint or known head that still fits, since the change lies at or after
 * it. A retained chain must start just after a signed checkpoint older than the retention period, so entries cannot be
 * removed early by moving the start.
 */
export async function verifyChain(db: DataSource, options: VerifyOptions = {}): Promise<Integrity> {
  const { trustedKeys, knownHeads = [] } = options;
  const checkedAt = new Date();
  const [head]: { last_id: string; last_hash: string; first_id: string; first_prev_hash: string }[] = await db.query(
    `SELECT last_id::text, last_hash, first_id::text, first_prev_hash FROM audit.head`,
  );
  const furthest = knownHeads.reduce<KnownHead | null>((a, k) => (a && BigInt(a.entryId) >= BigInt(k.entryId) ? a : k), null);
  let count = 0;
  let checkpoints = 0;
  let lastCheckpointAt: Date | null = null;
  const result = (problem: AuditProblem | null, firstBadEntry: string | null): Integrity => ({
    ok: problem === null,
    entries: count,
    firstBadEntry,
    checkedAt,
    checkpoints,
    lastCheckpointAt,
    problem,
    witnessedEntries: furthest?.entryId ?? null,
  });
  let prev = head!.first_prev_hash;
  let after = BigInt(head!.first_id) - 1n;
  const start = after;
  let lastGood = after;
  // The digest the next version-2 checkpoint must name: none before the first checkpoint, else the one before it.
  let prevDigest = NO_DIGEST;
  if (after !== 0n && trustedKeys) {
    const [row] = await db.query(`SELECT ${CHECKPOINT_COLUMNS} FROM audit.checkpoint WHERE entry_id = $1`, [after.toString()]);
    const anchor = row ? checkpointFromRow(row) : null;
    const oldEnough = options.retentionMs === undefined || (anchor !== null && anchor.signedAt.getTime() < checkedAt.getTime() - options.retentionMs);
    if (!anchor || anchor.entryHash !== prev || !checkpointSignatureFits(anchor, trustedKeys) || !oldEnough)
      return result('START_MOVED', head!.first_id);
    prevDigest = checkpointDigest(anchor);
  }
  const known = new Map<string, KnownHead[]>();
  for (const k of knownHeads) if (BigInt(k.entryId) > start) known.set(k.entryId, [...(known.get(k.entryId) ?? []), k]);
  for (;;) {
    const rows: Record<string, unknown>[] = await db.query(
      `SELECT ${ENTRY_COLUMNS} FROM audit.entry entry WHERE entry.id > $1 ORDER BY entry.id LIMIT ${CHUNK}`,
      [after.toString()],
    );
    if (rows.length === 0) break;
    const signed = new Map<string, Checkpoint>();
    if (trustedKeys) {
      const cps: Record<string, unknown>[] = await db.query(
        `SELECT ${CHECKPOINT_COLUMNS} FROM audit.checkpoint WHERE entry_id > $1 AND entry_id <= $2`,
        [after.toString(), rows.at(-1)!['id']],
      );
      for (const c of cps.map(checkpointFromRow)) signed.set(c.entryId, c);
    }
    for (const r of rows) {
      const id = r['id'] as string;
      if (BigInt(id) !== after + 1n) return result('ENTRY_MISSING', id);
      if (r['prev_hash'] !== prev || entryHash(id, entryFromRow(r), prev) !== r['hash']) return result('ENTRY_CHANGED', id);
      const checkpoint = signed.get(id);
      if (checkpoint) {
        if (!checkpointSignatureFits(checkpoint, trustedKeys!)) return result('CHECKPOINT_INVALID', String(lastGood + 1n));
        if (checkpoint.entryHash !== r['hash']) return result('REWRITTEN', String(lastGood + 1n));
        if (checkpoint.version === 2 && checkpoint.prevDigest !== prevDigest) return result('CHECKPOINT_MISSING', null);
        prevDigest = checkpointDigest(checkpoint);
        lastGood = BigInt(id);
        checkpoints++;
        lastCheckpointAt = checkpoint.signedAt;
      }
      for (const k of known.get(id) ?? []) {
        if (k.entryHash !== r['hash']) return result('REWRITTEN', String(lastGood + 1n));
        lastGood = BigInt(id);
      }
      prev = r['hash'] as string;
      after = BigInt(id);
      count++;
    }
  }
  const next = String(after + 1n);
  // Entries cut off the end show as a head, a signed checkpoint or a known head that points past the last entry.
  if (head!.last_id !== after.toString() || head!.last_hash !== prev) return result('TAIL_CUT', next);
  if (furthest && BigInt(furthest.entryId) > after) return result('TAIL_CUT', next);
  if (trustedKeys) {
    const [beyond] = await db.query(`SELECT 1 FROM audit.checkpoint WHERE entry_id > $1 LIMIT 1`, [after.toString()]);
    if (beyond) return result('TAIL_CUT', next);
    // A signed head kept outside must still be in the table: deleting checkpoints, even with the entries left alone, shows.
    const outside = knownHeads.filter((k) => k.checkpoint && BigInt(k.entryId) > start);
    if (outside.length > 0) {
      const rows: Record<string, unknown>[] = await db.query(
        `SELECT ${CHECKPOINT_COLUMNS} FROM audit.checkpoint WHERE entry_id = ANY($1::bigint[])`,
        [outside.map((k) => k.entryId)],
      );
      const digests = new Set(rows.map((r) => checkpointDigest(checkpointFromRow(r))));
      if (outside.some((k) => !digests.has(checkpointDigest(k.checkpoint!)))) return result('CHECKPOINT_MISSING', null);
    }
  }
  return result(null, null);
}
