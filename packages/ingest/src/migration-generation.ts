import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A durable generation number per source, moved by every read that changed what the hub shows: the truth that
 * LISTEN/NOTIFY only hints at, so a process that missed a notification catches up from it.
 */
export class IngestSourceState1763800002000 implements MigrationInterface {
  name = 'IngestSourceState1763800002000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE ingest.source_state (
        source text PRIMARY KEY,
        generation bigint NOT NULL DEFAULT 0,
        first_read_at timestamptz,
        last_success_at timestamptz,
        changed_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE ingest.source_state`);
  }
}
