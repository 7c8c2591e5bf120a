import type { DataSource } from 'typeorm';
import { inTransaction } from '@welfare-hub/store';
import { entryHash, type AuditEntry } from './chain.js';

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
}

const ZERO = '0'.repeat(64);

/**
 * The tamper-evident access log: a hash chain over every decision, appended in one transaction per batch
 * with the chain's head locked, so that concurrent appends from any process extend one chain.
 */
export class AuditLog {
  constructor(private readonly db: DataSource) {}

  async append(entries: readonly AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await inTransaction(this.db, async (tx) => {
      const [head]: { last_id: string; last_hash: string }[] = await tx.query(`SELECT last_id::text, last_hash FROM audit.head FOR UPDATE`);
      let id = BigInt(head!.last_id);
      let prev = head!.last_hash;
      const rows = entries.map((e) => {
        id += 1n;
        const hash = entryHash(id.toString(), e, prev);
        const row = { id: id.toString(), e, prev, hash };
        prev = hash;
        return row;
      });
      await tx.query(
        `INSERT INTO audit.entry (id, at, request_id, staff_id, org_id, person_id, sector, status, basis, reference, purpose, prev_hash, hash)
         SELECT * FROM unnest($1::bigint[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
           $9::text[], $10::text[], $11::text[], $12::text[], $13::text[])`,
        [
          rows.map((r) => r.id), rows.map((r) => r.e.at), rows.map((r) => r.e.requestId), rows.map((r) => r.e.staffId),
          rows.map((r) => r.e.orgId), rows.map((r) => r.e.personId), rows.map((r) => r.e.sector), rows.map((r) => r.e.status),
          rows.map((r) => r.e.basis), rows.map((r) => r.e.reference), rows.map((r) => r.e.purpose), rows.map((r) => r.prev),
          rows.map((r) => r.hash),
        ],
      );
      await tx.query(`UPDATE audit.head SET last_id = $1, last_hash = $2`, [id.toString(), prev]);
    });
  }

  /** 本人開示: who saw (or was refused) what about this person, newest first. */
  async forPerson(personId: string, from: Date | null, to: Date | null, limit: number, offset: number): Promise<AccessRecord[]> {
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT id::text, at, staff_id, org_id, sector, status, basis, reference FROM audit.entry entry
       WHERE person_id = $1 AND ($2::timestamptz IS NULL OR at >= $2) AND ($3::timestamptz IS NULL OR at <= $3)
       ORDER BY entry.id DESC LIMIT $4 OFFSET $5`,
      [personId, from, to, limit, offset],
    );
    return rows.map((r) => ({
      id: r['id'] as string, at: r['at'] as Date, staffId: r['staff_id'] as string, orgId: r['org_id'] as string, sector: r['sector'] as string,
      status: r['status'] as 'GRANTED' | 'DENIED', basis: (r['basis'] as string | null) ?? null, reference: (r['reference'] as string | null) ?? null,
    }));
  }

  /** Walks the chain from the start; names the first entry whose hash or link does not fit. */
  async verify(): Promise<Integrity> {
    let prev = ZERO;
    let count = 0;
    let after = '0';
    for (;;) {
      const rows: Record<string, unknown>[] = await this.db.query(
        `SELECT id::text, at, request_id, staff_id, org_id, person_id, sector, status, basis, reference, purpose, prev_hash, hash
         FROM audit.entry entry WHERE entry.id > $1 ORDER BY entry.id LIMIT 5000`,
        [after],
      );
      if (rows.length === 0) break;
      for (const r of rows) {
        const id = r['id'] as string;
        const entry: AuditEntry = {
          at: r['at'] as Date, requestId: r['request_id'] as string, staffId: r['staff_id'] as string, orgId: r['org_id'] as string,
          personId: r['person_id'] as string, sector: r['sector'] as string, status: r['status'] as 'GRANTED' | 'DENIED',
          basis: (r['basis'] as string | null) ?? null, reference: (r['reference'] as string | null) ?? null, purpose: r['purpose'] as string,
        };
        const expectedId = BigInt(after) + 1n;
        if (BigInt(id) !== expectedId || r['prev_hash'] !== prev || entryHash(id, entry, prev) !== r['hash']) {
          return { ok: false, entries: count, firstBadEntry: id, checkedAt: new Date() };
        }
        prev = r['hash'] as string;
        after = id;
        count++;
      }
    }
    const [head]: { last_id: string; last_hash: string }[] = await this.db.query(`SELECT last_id::text, last_hash FROM audit.head`);
    // Entries cut off the end show as a head that points past the last entry.
    if (head!.last_id !== after || head!.last_hash !== prev) return { ok: false, entries: count, firstBadEntry: String(BigInt(after) + 1n), checkedAt: new Date() };
    return { ok: true, entries: count, firstBadEntry: null, checkedAt: new Date() };
  }
}
