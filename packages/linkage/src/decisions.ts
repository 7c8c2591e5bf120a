import type { DataSource } from 'typeorm';

export interface QueueEntry {
  source: string;
  sourceKey: string;
  state: 'queued' | 'unmatched';
  candidates: { atenaNo: string; score: number; agreements: Record<string, boolean> }[];
}

/** The confirmation queue, and the decisions of the people who work it. */
export class LinkDecisions {
  constructor(private readonly db: DataSource) {}

  async queue(sources: readonly string[], limit: number, offset: number): Promise<QueueEntry[]> {
    const links: { source: string; source_key: string; state: 'queued' | 'unmatched' }[] = await this.db.query(
      `SELECT source, source_key, state FROM linkage.link WHERE state <> 'linked' AND source = ANY($1::text[])
       ORDER BY state, source, source_key LIMIT $2 OFFSET $3`,
      [sources, limit, offset],
    );
    const candidates: { source: string; source_key: string; atena_no: string; score: number; agreements: Record<string, boolean> }[] =
      await this.db.query(
        `SELECT source, source_key, atena_no, score, agreements FROM linkage.candidate
         WHERE (source, source_key) IN (SELECT * FROM unnest($1::text[], $2::text[])) ORDER BY score DESC`,
        [links.map((l) => l.source), links.map((l) => l.source_key)],
      );
    return links.map((l) => ({
      source: l.source,
      sourceKey: l.source_key,
      state: l.state,
      candidates: candidates
        .filter((c) => c.source === l.source && c.source_key === l.source_key)
        .map((c) => ({ atenaNo: c.atena_no, score: c.score, agreements: c.agreements })),
    }));
  }

  /** Links the record to the person now and on every later read. */
  async confirm(source: string, sourceKey: string, atenaNo: string, staffId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query(`DELETE FROM linkage.decision WHERE source = $1 AND source_key = $2 AND decision = 'confirmed'`, [source, sourceKey]);
      await tx.query(
        `INSERT INTO linkage.decision (source, source_key, atena_no, decision, decided_by) VALUES ($1, $2, $3, 'confirmed', $4)
         ON CONFLICT (source, source_key, atena_no) DO UPDATE SET decision = 'confirmed', decided_by = $4, decided_at = now()`,
        [source, sourceKey, atenaNo, staffId],
      );
      await tx.query(
        `UPDATE linkage.link SET atena_no = $3, state = 'linked', method = 'confirmed', score = NULL, updated_at = now()
         WHERE source = $1 AND source_key = $2`,
        [source, sourceKey, atenaNo],
      );
      await tx.query(`DELETE FROM linkage.candidate WHERE source = $1 AND source_key = $2`, [source, sourceKey]);
    });
  }

  /** This person is not the record's subject, now or on any later read. */
  async reject(source: string, sourceKey: string, atenaNo: string, staffId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO linkage.decision (source, source_key, atena_no, decision, decided_by) VALUES ($1, $2, $3, 'rejected', $4)
         ON CONFLICT (source, source_key, atena_no) DO UPDATE SET decision = 'rejected', decided_by = $4, decided_at = now()`,
        [source, sourceKey, atenaNo, staffId],
      );
      await tx.query(`DELETE FROM linkage.candidate WHERE source = $1 AND source_key = $2 AND atena_no = $3`, [source, sourceKey, atenaNo]);
      await tx.query(
        `UPDATE linkage.link SET atena_no = NULL, state = 'queued', method = NULL, updated_at = now()
         WHERE source = $1 AND source_key = $2 AND atena_no = $3`,
        [source, sourceKey, atenaNo],
      );
    });
  }
}
