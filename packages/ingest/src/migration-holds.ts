import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a read supersedes, and who accepted a held one. `kind` names the reads that replace each other: a snapshot's
 * kind (SHOGAI_TECHO, KONKYU_DAICHO, JUKI_FULL, a vendor's full read) or, for a delta file, the file's own name.
 */
export class IngestHolds1764200000000 implements MigrationInterface {
  name = 'IngestHolds1764200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE ingest.source_read ADD COLUMN kind text, ADD COLUMN accepted_at timestamptz, ADD COLUMN accepted_by text`);
    // Reads recorded before: their kind from their name, as the adapters now write it.
    await db.query(`
      UPDATE ingest.source_read SET kind = CASE
        WHEN name ~ '^SHOGAI_(TECHO|JUKYUSHA|SODAN)_' THEN substring(name from '^(SHOGAI_[A-Z]+)_')
        WHEN name ~ '^KONKYU_DAICHO_' THEN 'KONKYU_DAICHO'
        WHEN name ~ '^JUKI_FULL_' THEN 'JUKI_FULL'
        WHEN name ~ '^(full|incremental) read' THEN substring(name from '^([a-z]+) read')
        ELSE name END`);
    await db.query(`CREATE INDEX source_read_by_kind ON ingest.source_read (source, kind, id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX ingest.source_read_by_kind`);
    await db.query(`ALTER TABLE ingest.source_read DROP COLUMN kind, DROP COLUMN accepted_at, DROP COLUMN accepted_by`);
  }
}
