import type { MigrationInterface, QueryRunner } from 'typeorm';

export class KaigoCopy1763800000700 implements MigrationInterface {
  name = 'KaigoCopy1763800000700';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE SCHEMA IF NOT EXISTS kaigo`);
    await db.query(`
      CREATE TABLE kaigo.hihokensha (no text PRIMARY KEY, atena_no text, name text NOT NULL, name_kana text NOT NULL, birth_date date,
        sex text NOT NULL, kbn text NOT NULL, acquired_on date, lost_on date)`);
    await db.query(`
      CREATE TABLE kaigo.nintei (no text NOT NULL, rireki integer NOT NULL, level text NOT NULL, applied_on date, certified_on date,
        valid_from date, valid_until date, PRIMARY KEY (no, rireki))`);
    await db.query(`
      CREATE TABLE kaigo.sodan (id text PRIMARY KEY, no text, atena_no text, kana text, center text NOT NULL, date date,
        category text NOT NULL, summary text, status text NOT NULL)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP SCHEMA kaigo CASCADE`);
  }
}
