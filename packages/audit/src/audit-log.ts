import type { DataSource } from 'typeorm';
import { inTransaction, preparedQuery } from '@welfare-hub/store';
import type { KeyObject } from 'node:crypto';
import { entryHash, type AuditEntry } from './chain.js';
import { APPEND } from './append-sql.js';
import { checkpointFromRow, checkpointSignatureFits, type Checkpoint } from './checkpoint.js';

export interface AccessRecord {
  id: string;
  at: Date;
  staffId: string;
  orgId: string;
  sector: string;
  status: 'GRANTED' | 'DENIED';
  basis: string | null;
  reference: string | null;
}

export interface Integrity {
  ok: boolean;
  entries: number;
  firstBadEntry: string | null;
  checkedAt: Date;
  /** Signed checkpoints found to fit (counted only when the keys were given). */
  checkpoints: number;
  lastCheckpointAt: Date | null;
}

/**
 * The tamper-evident access log: a hash chain over every decision, appended in one transaction per batch
 * with the chain's head locked, so that concurrent appends from any process extend one chain.
 */
export class AuditLog {
  constructor(private readonly db: DataSource) {}

  private pending: { entries: readonly AuditEntry[]; done: (error?: unknown) => void }[] = [];
  private flushing = false;
  /** The chain's head as this process last wrote it; null until read, or when another process moved it. */
  private head: { id: bigint; hash: string } | null = null;

  /**
   * Resolves once the entries are committed; a failed write fails every request in it, so none returns data
   * (fail closed). Appends that arrive while a write is in flight go together in the next one (group commit).
   */
  append(entries: readonly AuditEntry[]): Promise<void> {
    if (entries.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ entries, done: (error) => (error === undefined ? resolve() : reject(error)) });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    while (this.pending.length > 0) {
      const batch = this.pending;
      this.pending = [];
      try {
        await this.write(batch.flatMap((b) => b.entries));
        for (const b of batch) b.done();
      } catch (error) {
        for (const b of batch) b.done(error ?? new Error('audit write failed'));
      }
    }
    this.flushing = false;
  }

  /**
   * One statement per write, hashed here rather than in the database (a recursive CTE cost the server four times
   * the insert): the entries go in only if the head is still where this process last saw it (compare-and-set on
   * audit.head, whose row lock orders writers from every process). When another process moved it, the head is
   * read again and the entries re-chained onto it.
   */
  private async write(entries: readonly AuditEntry[]): Promise<void> {
    for (let attempt = 0; attempt < 50; attempt++) {
      if (!this.head) {
        const [row]: { last_id: string; last_hash: string }[] = await this.db.query(`SELECT last_id::text, last_hash FROM audit.head`);
        this.head = { id: BigInt(row!.last_id), hash: row!.last_hash };
      }
      const from = this.head;
      let id = from.id;
      let prev = from.hash;
      const rows = entries.map((e) => {
        id += 1n;
        const hash = entryHash(id.toString(), e, prev);
        const row = {
          id: id.toString(), at: e.at.toISOString(), request_id: e.requestId, staff_id: e.staffId, org_id: e.orgId, person_id: e.personId,
          sector: e.sector, status: e.status, basis: e.basis, reference: e.reference, purpose: e.purpose, prev_hash: prev, hash,
        };
        prev = hash;
        return row;
      });
      const [done] = await preparedQuery<{ n: number }>(this.db, 'hub-audit-append', APPEND, [JSON.stringify(rows), id.toString(), prev, from.id.toString(), from.hash]);
      if (done!.n === rows.length) {
        this.head = { id, hash: prev };
        return;
      }
      this.head = null;
    }
    throw new Error('audit head kept moving');
  }

  /** 本人開示: who saw (or was refused) what of this person's sector data, newest first (case reads: case-log.ts). */
  async forPerson(personId: string, from: Date | null, to: Date | null, limit: number, offset: number): Promise<AccessRecord[]> {
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT id::text, at, staff_id, org_id, sector, status, basis, reference FROM audit.entry entry
       WHERE person_id = $1 AND sector <> 'CASE' AND ($2::timestamptz IS NULL OR at >= $2) AND ($3::timestamptz IS NULL OR at <= $3)
       ORDER BY entry.id DESC LIMIT $4 OFFSET $5`,
      [personId, from, to, limit, offset],
    );
    return rows.map((r) => ({
      id: r['id'] as string, at: r['at'] as Date, staffId: r['staff_id'] as string, orgId: r['org_id'] as string, sector: r['sector'] as string,
      status: r['status'] as 'GRANTED' | 'DENIED', basis: (r['basis'] as string | null) ?? null, reference: (r['reference'] as string | null) ?? null,
    }));
  }

  /**
   * Walks the retained chain and names the first entry that does not fit: a changed field, a removed entry, a cut
   * tail. With the checkpoint keys it also checks every signed checkpoint against the chain, which catches a chain
   * rewritten and re-hashed from some entry on: the first entry after the last checkpoint that still fits is named,
   * since the change lies at or after it. A retained chain must start just after a signed checkpoint older than the
   * retention period, so entries cannot be removed early by moving the start.
   */
  async verify(options: { trustedKeys?: ReadonlyMap<string, KeyObject>; retentionMs?: number } = {}): Promise<Integrity> {
    const { trustedKeys } = options;
    const checkedAt = new Date();
    const [head]: { last_id: string; last_hash: string; first_id: string; first_prev_hash: string }[] = await this.db.query(
      `SELECT last_id::text, last_hash, first_id::text, first_prev_hash FROM audit.head`,
    );
    const result = (ok: boolean, entries: number, firstBadEntry: string | null, checkpoints: number, lastCheckpointAt: Date | null): Integrity => ({
      ok, entries, firstBadEntry, checkedAt, checkpoints, lastCheckpointAt,
    });
    let prev = head!.first_prev_hash;
    let after = String(BigInt(head!.first_id) - 1n);
    let lastGood = after;
    let count = 0;
    let checkpoints = 0;
    let lastCheckpointAt: Date | null = null;
    if (after !== '0' && trustedKeys) {
      const [row] = await this.db.query(`SELECT entry_id::text, entry_hash, signed_at, key_id, signature FROM audit.checkpoint WHERE entry_id = $1`, [after]);
      const anchor = row ? checkpointFromRow(row) : null;
      const oldEnough = options.retentionMs === undefined || (anchor !== null && anchor.signedAt.getTime() < checkedAt.getTime() - options.retentionMs);
      if (!anchor || anchor.entryHash !== prev || !checkpointSignatureFits(anchor, trustedKeys) || !oldEnough) return result(false, 0, head!.first_id, 0, null);
    }
    for (;;) {
      const rows: Record<string, unknown>[] = await this.db.query(
        `SELECT id::text, at, request_id, staff_id, org_id, person_id, sector, status, basis, reference, purpose, prev_hash, hash
         FROM audit.entry entry WHERE entry.id > $1 ORDER BY entry.id LIMIT 5000`,
        [after],
      );
      if (rows.length === 0) break;
      const signed = new Map<string, Checkpoint>();
      if (trustedKeys) {
        const cps: Record<string, unknown>[] = await this.db.query(
          `SELECT entry_id::text, entry_hash, signed_at, key_id, signature FROM audit.checkpoint WHERE entry_id > $1 AND entry_id <= $2`,
          [after, rows.at(-1)!['id']],
        );
        for (const c of cps.map(checkpointFromRow)) signed.set(c.entryId, c);
      }
      for (const r of rows) {
        const id = r['id'] as string;
        const expectedId = BigInt(after) + 1n;
        if (BigInt(id) !== expectedId || r['prev_hash'] !== prev || entryHash(id, entryFromRow(r), prev) !== r['hash']) {
          return result(false, count, id, checkpoints, lastCheckpointAt);
        }
        const checkpoint = signed.get(id);
        if (checkpoint) {
          if (checkpoint.entryHash !== r['hash'] || !checkpointSignatureFits(checkpoint, trustedKeys!)) {
            return result(false, count, String(BigInt(lastGood) + 1n), checkpoints, lastCheckpointAt);
          }
          lastGood = id;
          checkpoints++;
          lastCheckpointAt = checkpoint.signedAt;
        }
        prev = r['hash'] as string;
        after = id;
        count++;
      }
    }
    const next = String(BigInt(after) + 1n);
    // Entries cut off the end show as a head, or a signed checkpoint, that points past the last entry.
    if (head!.last_id !== after || head!.last_hash !== prev) return result(false, count, next, checkpoints, lastCheckpointAt);
    if (trustedKeys) {
      const [beyond] = await this.db.query(`SELECT 1 FROM audit.checkpoint WHERE entry_id > $1 LIMIT 1`, [after]);
      if (beyond) return result(false, count, next, checkpoints, lastCheckpointAt);
    }
    return result(true, count, null, checkpoints, lastCheckpointAt);
  }

  /**
   * Removes the entries whose retention has ended (番号法: access records are kept 7 years), up to the newest
   * checkpoint signed before the cutoff, which becomes the start of the retained chain. Returns how many went.
   */
  async prune(cutoff: Date): Promise<number> {
    return inTransaction(this.db, async (tx) => {
      const [head]: { first_id: string }[] = await tx.query(`SELECT first_id::text FROM audit.head FOR UPDATE`);
      const [anchor]: { entry_id: string; entry_hash: string }[] = await tx.query(
        `SELECT entry_id::text, entry_hash FROM audit.checkpoint WHERE signed_at < $1 ORDER BY entry_id DESC LIMIT 1`,
        [cutoff],
      );
      if (!anchor || BigInt(anchor.entry_id) < BigInt(head!.first_id)) return 0;
      // The rules that make the tables append-only are lifted inside this transaction only.
      await tx.query(`ALTER TABLE audit.entry DISABLE RULE entry_no_delete`);
      await tx.query(`ALTER TABLE audit.checkpoint DISABLE RULE checkpoint_no_delete`);
      const [removed]: { n: string }[] = await tx.query(`WITH gone AS (DELETE FROM audit.entry WHERE id <= $1 RETURNING 1) SELECT count(*)::text AS n FROM gone`, [anchor.entry_id]);
      await tx.query(`DELETE FROM audit.checkpoint WHERE entry_id < $1`, [anchor.entry_id]);
      await tx.query(`ALTER TABLE audit.entry ENABLE RULE entry_no_delete`);
      await tx.query(`ALTER TABLE audit.checkpoint ENABLE RULE checkpoint_no_delete`);
      await tx.query(`UPDATE audit.head SET first_id = $1, first_prev_hash = $2`, [String(BigInt(anchor.entry_id) + 1n), anchor.entry_hash]);
      return Number(removed!.n);
    });
  }
}

function entryFromRow(r: Record<string, unknown>): AuditEntry {
  return {
    at: r['at'] as Date, requestId: r['request_id'] as string, staffId: r['staff_id'] as string, orgId: r['org_id'] as string,
    personId: r['person_id'] as string, sector: r['sector'] as string, status: r['status'] as 'GRANTED' | 'DENIED',
    basis: (r['basis'] as string | null) ?? null, reference: (r['reference'] as string | null) ?? null, purpose: r['purpose'] as string,
  };
}
