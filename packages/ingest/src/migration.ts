import type { MigrationInterface, QueryRunner } from 'typeorm';

export class IngestLedger1763800000000 implements MigrationInterface {
  name = 'IngestLedger1763800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE SCHEMA IF NOT EXISTS ingest`);
    await db.query(`
      CREATE TABLE ingest.source_read (
        id bigserial PRIMARY KEY,
        source text NOT NULL,
        name text NOT NULL,
        sha256 text,
        state text NOT NULL,
        records_read integer NOT NULL DEFAULT 0,
        records_rejected integer NOT NULL DEFAULT 0,
        problem text,
        read_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX source_read_by_source ON ingest.source_read (source, read_at DESC)`);
    await db.query(`CREATE INDEX source_read_by_name ON ingest.source_read (source, name, sha256)`);
    await db.query(`
      CREATE TABLE ingest.rejected_record (
        id bigserial PRIMARY KEY,
        source text NOT NULL,
        origin text NOT NULL,
        position integer NOT NULL,
        reason text NOT NULL,
        field text,
        raw bytea,
        rejected_at timestamptz NOT NULL DEFAULT now(),
        resolved_at timestamptz,
        UNIQUE (source, origin, position)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP SCHEMA ingest CASCADE`);
  }
}
