import type { MigrationInterface, QueryRunner } from 'typeorm';

export class KonkyuLedger1763800000500 implements MigrationInterface {
  name = 'KonkyuLedger1763800000500';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE SCHEMA IF NOT EXISTS konkyu`);
    // Every consultation the ledger ever held: a row that leaves the ledger is kept, marked as no longer in it.
    await db.query(`
      CREATE TABLE konkyu.consultation (
        source_key text PRIMARY KEY, opened_on date NOT NULL, name text, name_kana text, birth_date date, sex text,
        address text, route text NOT NULL, concerns jsonb NOT NULL, state text NOT NULL, plan_date date,
        benefits jsonb NOT NULL, staff text, note text,
        in_source boolean NOT NULL DEFAULT true, last_seen_in text NOT NULL, left_source_at timestamptz)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP SCHEMA konkyu CASCADE`);
  }
}
