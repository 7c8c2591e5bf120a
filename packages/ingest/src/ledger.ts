import type { DataSource, EntityManager } from 'typeorm';
import { sourceReads } from '@welfare-hub/metrics';
import { sectors } from '@welfare-hub/sectors';

/** The built-in sources: the registry (juki) and the four sectors'. */
export const SOURCE_NAMES = ['juki', 'kaigo', 'shogai', 'kodomo', 'konkyu'] as const;
/** A source's name in the ledger: one of SOURCE_NAMES, or a registered sector's source (sourceNames). */
export type SourceName = string;

/** Every source the hub reads: the registry, then each registered sector's (@welfare-hub/sectors). */
export const sourceNames = (): string[] => ['juki', ...sectors().map((s) => s.source)];

/** A record a source sent that the adapter could not take in. `raw` keeps the bytes for re-processing. */
export interface Rejection {
  origin: string;
  position: number;
  reason: string;
  field?: string | undefined;
  raw?: Uint8Array | undefined;
}

/**
 * applied: taken in; truncated: cut short, not applied; held: read whole but not applied, because it would have
 * shrunk its snapshot (see hold.ts) until an admin accepts it; rejected: a drop not read at all (not a regular file, a
 * name not the spec's, past a bound as a whole); failed: the source could not be read; timed_out: a read abandoned;
 * superseded: read whole, but older than what is in force (a 支援措置 list delivered late), so not applied.
 */
export type ReadState = 'applied' | 'truncated' | 'held' | 'rejected' | 'duplicate' | 'failed' | 'timed_out' | 'reading' | 'superseded';

export interface SourceRead {
  name: string;
  sha256: string | null;
  state: ReadState;
  recordsRead: number;
  recordsRejected: number;
  problem: string | null;
  readAt: Date;
  /** The reads that supersede each other: a snapshot's kind, or a delta file's own name (migration-holds.ts). */
  kind: string | null;
  /** When an admin accepted a held read, and who. */
  acceptedAt: Date | null;
  acceptedBy: string | null;
}

/** A read as an adapter records it; `kind` defaults to the name (a read that supersedes only itself). */
export type NewRead = Omit<SourceRead, 'readAt' | 'kind' | 'acceptedAt' | 'acceptedBy'> & { kind?: string | null };

/** A read as found in the ledger, with its row id. */
export type StoredRead = SourceRead & { id: string };

export interface RejectedRecordRow {
  id: string;
  source: SourceName;
  origin: string;
  position: number;
  reason: string;
  field: string | null;
  raw: Buffer | null;
  rejectedAt: Date;
  resolvedAt: Date | null;
}

type Db = DataSource | EntityManager;

/**
 * What was read from a source and what was refused: every rejected record is kept with where it came from
 * and why, so nothing is lost silently and it can be listed and re-processed.
 */
export class IngestLedger {
  constructor(
    private readonly db: DataSource,
    readonly source: SourceName,
  ) {}

  async recordRejections(rejections: readonly Rejection[], db: Db = this.db): Promise<void> {
    if (rejections.length === 0) return;
    // The same record rejected again (a file read twice) stays one entry.
    await db.query(
      `INSERT INTO ingest.rejected_record (source, origin, position, reason, field, raw)
       SELECT $1, * FROM unnest($2::text[], $3::int[], $4::text[], $5::text[], $6::bytea[])
       ON CONFLICT (source, origin, position) DO UPDATE
         SET reason = EXCLUDED.reason, field = EXCLUDED.field, resolved_at = NULL`,
      [
        this.source,
        rejections.map((r) => r.origin),
        rejections.map((r) => r.position),
        rejections.map((r) => r.reason),
        rejections.map((r) => r.field ?? null),
        rejections.map((r) => (r.raw ? Buffer.from(r.raw) : null)),
      ],
    );
  }

  /**
   * After a complete read that replaces what came before: every earlier rejection (of origins starting with
   * `originPrefix`) that this read did not reject again was re-processed and now passes, or is gone from the
   * source. Either way it no longer waits for anyone.
   */
  async resolveSuperseded(originPrefix: string, stillRejected: readonly Rejection[], db: Db = this.db): Promise<void> {
    await db.query(
      `UPDATE ingest.rejected_record r SET resolved_at = now()
       WHERE r.source = $1 AND r.resolved_at IS NULL AND starts_with(r.origin, $2)
         AND NOT EXISTS (SELECT 1 FROM unnest($3::text[], $4::int[]) AS k(origin, position) WHERE k.origin = r.origin AND k.position = r.position)`,
      [this.source, originPrefix, stillRejected.map((r) => r.origin), stillRejected.map((r) => r.position)],
    );
  }

  async markResolved(ids: readonly string[], db: Db = this.db): Promise<void> {
    if (ids.length === 0) return;
    await db.query(`UPDATE ingest.rejected_record SET resolved_at = now() WHERE id = ANY($1::bigint[])`, [ids]);
  }

  /** Reads recorded by this process that took records in: what lets a read that changed nothing be told apart. */
  recordsTakenIn = 0;

  async recordRead(read: NewRead, db: Db = this.db): Promise<void> {
    if (read.state === 'applied' && read.recordsRead > 0) this.recordsTakenIn++;
    sourceReads.inc({ source: this.source, state: read.state });
    await db.query(
      `INSERT INTO ingest.source_read (source, name, sha256, state, records_read, records_rejected, problem, kind)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [this.source, read.name, read.sha256, read.state, read.recordsRead, read.recordsRejected, read.problem, read.kind ?? read.name],
    );
  }

  /** The last read of exactly this content, if any. */
  async findRead(name: string, sha256: string): Promise<StoredRead | null> {
    const rows = await this.db.query(
      `SELECT ${COLUMNS} FROM ingest.source_read WHERE source = $1 AND name = $2 AND sha256 = $3 ORDER BY id DESC LIMIT 1`,
      [this.source, name, sha256],
    );
    return rows[0] ? toRead(rows[0]) : null;
  }

  /** The last read recorded under this name, whatever its content: what tells a drop already reported. */
  async lastReadNamed(name: string): Promise<StoredRead | null> {
    const rows = await this.db.query(`SELECT ${COLUMNS} FROM ingest.source_read WHERE source = $1 AND name = $2 ORDER BY id DESC LIMIT 1`, [
      this.source,
      name,
    ]);
    return rows[0] ? toRead(rows[0]) : null;
  }

  /** Good records (read less rejected) of the last applied read of this kind: what a new snapshot is measured against. */
  async lastGood(kind: string): Promise<number | null> {
    const rows: { good: number }[] = await this.db.query(
      `SELECT records_read - records_rejected AS good FROM ingest.source_read
       WHERE source = $1 AND kind = $2 AND state = 'applied' ORDER BY id DESC LIMIT 1`,
      [this.source, kind],
    );
    return rows[0] ? Number(rows[0].good) : null;
  }

  /** Held reads an admin accepted that no later applied read of their kind has superseded: what waits to be applied. */
  async pendingAcceptances(): Promise<StoredRead[]> {
    const rows = await this.db.query(
      `SELECT ${COLUMNS} FROM ingest.source_read r
       WHERE r.source = $1 AND r.state = 'held' AND r.accepted_at IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM ingest.source_read a WHERE a.source = r.source AND a.kind = r.kind AND a.state = 'applied' AND a.id > r.id)
       ORDER BY r.id`,
      [this.source],
    );
    return rows.map(toRead);
  }

  async reads(limit: number): Promise<StoredRead[]> {
    const rows = await this.db.query(`SELECT ${COLUMNS} FROM ingest.source_read WHERE source = $1 ORDER BY id DESC LIMIT $2`, [this.source, limit]);
    return rows.map(toRead);
  }

  async unresolvedRejections(limit: number): Promise<RejectedRecordRow[]> {
    return listRejected(this.db, { source: this.source, includeResolved: false, limit, offset: 0 });
  }

  /** Records read from every read that was applied. */
  async appliedRecords(): Promise<number> {
    const [row] = await this.db.query(
      `SELECT coalesce(sum(records_read), 0)::int AS n FROM ingest.source_read WHERE source = $1 AND state = 'applied'`,
      [this.source],
    );
    return row.n;
  }

  async countUnresolved(): Promise<number> {
    const [row] = await this.db.query(`SELECT count(*)::int AS n FROM ingest.rejected_record WHERE source = $1 AND resolved_at IS NULL`, [
      this.source,
    ]);
    return row.n;
  }
}

export async function listRejected(
  db: Db,
  filter: { source?: SourceName | undefined; includeResolved: boolean; limit: number; offset: number },
): Promise<RejectedRecordRow[]> {
  const rows = await db.query(
    `SELECT id::text, source, origin, position, reason, field, raw, rejected_at, resolved_at
     FROM ingest.rejected_record
     WHERE ($1::text IS NULL OR source = $1) AND ($2 OR resolved_at IS NULL)
     ORDER BY id LIMIT $3 OFFSET $4`,
    [filter.source ?? null, filter.includeResolved, filter.limit, filter.offset],
  );
  return rows.map((r: Record<string, unknown>) => ({
    id: r['id'] as string,
    source: r['source'] as SourceName,
    origin: r['origin'] as string,
    position: r['position'] as number,
    reason: r['reason'] as string,
    field: (r['field'] as string | null) ?? null,
    raw: (r['raw'] as Buffer | null) ?? null,
    rejectedAt: r['rejected_at'] as Date,
    resolvedAt: (r['resolved_at'] as Date | null) ?? null,
  }));
}

export async function listReads(db: Db, source: SourceName | undefined, limit: number): Promise<(StoredRead & { source: SourceName })[]> {
  const rows = await db.query(`SELECT source, ${COLUMNS} FROM ingest.source_read WHERE ($1::text IS NULL OR source = $1) ORDER BY id DESC LIMIT $2`, [
    source ?? null,
    limit,
  ]);
  return rows.map((r: Record<string, unknown>) => ({ ...toRead(r), source: r['source'] as SourceName }));
}

// The id as text under its own name: `ORDER BY id` must order by the number, not by this text.
const COLUMNS = 'id::text AS read_id, name, sha256, state, records_read, records_rejected, problem, read_at, kind, accepted_at, accepted_by';

function toRead(r: Record<string, unknown>): StoredRead {
  return {
    id: r['read_id'] as string,
    name: r['name'] as string,
    sha256: (r['sha256'] as string | null) ?? null,
    state: r['state'] as ReadState,
    recordsRead: r['records_read'] as number,
    recordsRejected: r['records_rejected'] as number,
    problem: (r['problem'] as string | null) ?? null,
    readAt: r['read_at'] as Date,
    kind: (r['kind'] as string | null) ?? null,
    acceptedAt: (r['accepted_at'] as Date | null) ?? null,
    acceptedBy: (r['accepted_by'] as string | null) ?? null,
  };
}
