import type { DataSource } from 'typeorm';
import { inTransaction, preparedQuery } from '@welfare-hub/store';
import { entryHash, type AuditEntry } from './chain.js';
import { APPEND } from './append-sql.js';
import { verifyChain, type Integrity, type VerifyOptions } from './verify.js';

/**
 * The tamper-evident access log: a hash chain over every access decision, identity read and restriction, appended
 * in one statement per batch that moves the chain's head, so that concurrent appends from any process extend one chain.
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
          id: id.toString(),
          at: e.at.toISOString(),
          request_id: e.requestId,
          staff_id: e.staffId,
          org_id: e.orgId,
          person_id: e.personId,
          sector: e.sector,
          status: e.status,
          basis: e.basis,
          reference: e.reference,
          purpose: e.purpose,
          action: e.action ?? null,
          protected: e.protected ?? null,
          prev_hash: prev,
          hash,
        };
        prev = hash;
        return row;
      });
      const [done] = await preparedQuery<{ n: number }>(this.db, 'hub-audit-append', APPEND, [
        JSON.stringify(rows),
        id.toString(),
        prev,
        from.id.toString(),
        from.hash,
      ]);
      if (done!.n === rows.length) {
        this.head = { id, hash: prev };
        return;
      }
      this.head = null;
    }
    throw new Error('audit head kept moving');
  }

  /** Walks the chain (verify.ts); the keeper adds its keys and the heads it knows from outside the database. */
  verify(options: VerifyOptions = {}): Promise<Integrity> {
    return verifyChain(this.db, options);
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
      const [removed]: { n: string }[] = await tx.query(
        `WITH gone AS (DELETE FROM audit.entry WHERE id <= $1 RETURNING 1) SELECT count(*)::text AS n FROM gone`,
        [anchor.entry_id],
      );
      await tx.query(`DELETE FROM audit.checkpoint WHERE entry_id < $1`, [anchor.entry_id]);
      await tx.query(`ALTER TABLE audit.entry ENABLE RULE entry_no_delete`);
      await tx.query(`ALTER TABLE audit.checkpoint ENABLE RULE checkpoint_no_delete`);
      await tx.query(`UPDATE audit.head SET first_id = $1, first_prev_hash = $2`, [String(BigInt(anchor.entry_id) + 1n), anchor.entry_hash]);
      return Number(removed!.n);
    });
  }
}
