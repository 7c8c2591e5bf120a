import type { MigrationInterface, QueryRunner } from 'typeorm';

export class KodomoRecords1763800000600 implements MigrationInterface {
  name = 'KodomoRecords1763800000600';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE SCHEMA IF NOT EXISTS kodomo`);
    // A record missing from a later full read is kept, marked as removed from the source.
    await db.query(`
      CREATE TABLE kodomo.child (
        child_id text PRIMARY KEY, atena_no text, name text NOT NULL, name_kana text NOT NULL, birth_date date NOT NULL,
        sex text NOT NULL, updated_at timestamptz NOT NULL, in_source boolean NOT NULL DEFAULT true, removed_at timestamptz)`);
    await db.query(`
      CREATE TABLE kodomo.case (
        case_id text PRIMARY KEY, subject_type text NOT NULL, child_id text, atena_no text, name text, name_kana text,
        birth_date date, category text NOT NULL, category_known boolean NOT NULL, status text NOT NULL, opened_on date NOT NULL,
        closed_on date, young_carer_concern boolean NOT NULL, updated_at text NOT NULL,
        in_source boolean NOT NULL DEFAULT true, removed_at timestamptz)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP SCHEMA kodomo CASCADE`);
  }
}
