import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Linkage1763800000300 implements MigrationInterface {
  name = 'Linkage1763800000300';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE SCHEMA IF NOT EXISTS linkage`);
    // Where each sector record stands: linked to a 宛名番号, waiting for a person to confirm, or unmatched.
    await db.query(`
      CREATE TABLE linkage.link (
        source text NOT NULL,
        source_key text NOT NULL,
        atena_no text,
        state text NOT NULL,
        method text,
        score real,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (source, source_key)
      )`);
    await db.query(`CREATE INDEX link_by_person ON linkage.link (atena_no) WHERE state = 'linked'`);
    await db.query(`
      CREATE TABLE linkage.candidate (
        source text NOT NULL,
        source_key text NOT NULL,
        atena_no text NOT NULL,
        score real NOT NULL,
        agreements jsonb NOT NULL,
        PRIMARY KEY (source, source_key, atena_no)
      )`);
    // A person's decision outlives every later read of the source.
    await db.query(`
      CREATE TABLE linkage.decision (
        source text NOT NULL,
        source_key text NOT NULL,
        atena_no text NOT NULL,
        decision text NOT NULL,
        decided_by text NOT NULL,
        decided_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (source, source_key, atena_no)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP SCHEMA linkage CASCADE`);
  }
}
