import type { DataSource } from 'typeorm';
import { inTransaction, preparedQuery } from '@welfare-hub/store';
import { entryHash, type AuditEntry } from './chain.js';
import { APPEND } from './append-sql.js';
import { verifyChain, type Integrity, type VerifyOptions } from './verify.js';

interface Pending {
  entries: readonly AuditEntry[];
  /** Writes tried: a batch that finds the head moved is chained again onto the new head, up to MAX_ATTEMPTS. */
  attempts: number;
  done: (error?: unknown) => void;
}

interface Head {
  id: bigint;
  hash: string;
}

/** Writes sent before the first of them is answered: each is chained onto the head the one before it will leave. */
const MAX_IN_FLIGHT = 3;
const MAX_ATTEMPTS = 50;

/**
 * The tamper-evident access log: a hash chain over every access decision, identity read and restriction, appended
 * in one statement per batch that moves the chain's head, so that concurrent appends from any process extend one chain.
 */
export class AuditLog {
  constructor(private readonly db: DataSource) {}

  private pending: Pending[] = [];
  private inFlight = 0;
  /** The head the last write sent will leave; null until read, and after a write found the head elsewhere. */
  private head: Head | null = null;
  private reading = false;

  /**
   * Resolves once the entries are committed; a failed write fails every request in it, so none returns data
   * (fail closed). Appends that arrive while writes are in flight go together in the next one (group commit).
   */
  append(entries: readonly AuditEntry[]): Promise<void> {
    if (entries.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ entries, attempts: 0, done: (error) => (error === undefined ? resolve() : reject(error)) });
      this.pump();
    });
  }

  /**
   * Sends the waiting entries as one write, hashed here rather than in the database (a recursive CTE cost the server
   * four times the insert). A write goes in only if the head is where this process expects it (compare-and-set on
   * audit.head, whose row lock orders writers from every process), so a write can be sent while earlier ones are in
   * flight, chained onto the head they will leave: the database runs it as soon as they commit, without waiting for
   * this process to hear of it. A write that finds the head elsewhere (another process moved it, or an earlier write
   * failed) goes back to the queue; once the writes in flight have settled, the head is read again.
   */
  private pump(): void {
    while (this.pending.length > 0 && this.inFlight < MAX_IN_FLIGHT && !this.reading) {
      if (!this.head) {
        if (this.inFlight === 0) void this.readHead();
        return;
      }
      const batch = this.pending;
      this.pending = [];
      const from = this.head;
      const { rows, to } = chain(batch.flatMap((b) => b.entries), from);
      this.head = to;
      this.inFlight++;
      preparedQuery<{ n: number }>(this.db, 'hub-audit-append', APPEND, [JSON.stringify(rows), to.id.toString(), to.hash, from.id.toString(), from.hash]).then(
        ([done]) => {
          this.inFlight--;
          if (done!.n === rows.length) {
            for (const b of batch) b.done();
          } else {
            this.head = null;
            for (const b of batch) {
              if (++b.attempts < MAX_ATTEMPTS) this.pending.unshift(b);
              else b.done(new Error('audit head kept moving'));
            }
          }
          this.pump();
        },
        (error: unknown) => {
          this.inFlight--;
          this.head = null;
          for (const b of batch) b.done(error ?? new Error('audit write failed'));
          this.pump();
        },
      );
    }
  }

  private async readHead(): Promise<void> {
    this.reading = true;
    try {
      const [row]: { last_id: string; last_hash: string }[] = await this.db.query(`SELECT last_id::text, last_hash FROM audit.head`);
      this.head = { id: BigInt(row!.last_id), hash: row!.last_hash };
    } catch (error) {
      const failed = this.pending;
      this.pending = [];
      for (const b of failed) b.done(error ?? new Error('audit head unreadable'));
    } finally {
      this.reading = false;
    }
    this.pump();
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
      const [removed]: { n: string }[] = await tx.query(`WITH gone AS (DELETE FROM audit.entry WHERE id <= $1 RETURNING 1) SELECT count(*)::text AS n FROM gone`, [anchor.entry_id]);
      await tx.query(`DELETE FROM audit.checkpoint WHERE entry_id < $1`, [anchor.entry_id]);
      await tx.query(`ALTER TABLE audit.entry ENABLE RULE entry_no_delete`);
      await tx.query(`ALTER TABLE audit.checkpoint ENABLE RULE checkpoint_no_delete`);
      await tx.query(`UPDATE audit.head SET first_id = $1, first_prev_hash = $2`, [String(BigInt(anchor.entry_id) + 1n), anchor.entry_hash]);
      return Number(removed!.n);
    });
  }
}

/** The entries as rows chained onto `from`, and the head they leave. */
function chain(entries: readonly AuditEntry[], from: Head): { rows: Record<string, unknown>[]; to: Head } {
  let id = from.id;
  let prev = from.hash;
  const rows = entries.map((e) => {
    id += 1n;
    const hash = entryHash(id.toString(), e, prev);
    const row = {
      id: id.toString(), at: e.at.toISOString(), request_id: e.requestId, staff_id: e.staffId, org_id: e.orgId, person_id: e.personId,
      sector: e.sector, status: e.status, basis: e.basis, reference: e.reference, purpose: e.purpose, action: e.action ?? null,
      protected: e.protected ?? null, prev_hash: prev, hash,
    };
    prev = hash;
    return row;
  });
  return { rows, to: { id, hash: prev } };
}
