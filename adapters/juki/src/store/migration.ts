import type { MigrationInterface, QueryRunner } from 'typeorm';

export class JukiPersons1763800000200 implements MigrationInterface {
  name = 'JukiPersons1763800000200';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE SCHEMA IF NOT EXISTS juki`);
    // One row per 宛名番号 in its latest known state; removed residents stay (a sector may still hold a case).
    await db.query(`
      CREATE TABLE juki.person (
        atena_no text PRIMARY KEY,
        setai_no text NOT NULL,
        relationship_code text NOT NULL,
        name text NOT NULL,
        name_kana text NOT NULL,
        kana_key text NOT NULL,
        birth_date date NOT NULL,
        sex text NOT NULL,
        district text NOT NULL,
        address text NOT NULL,
        resident_status smallint NOT NULL,
        change_date date NOT NULL,
        change_reason text NOT NULL,
        updated_at timestamptz NOT NULL,
        source_file text NOT NULL,
        source_position integer NOT NULL
      )`);
    await db.query(`CREATE INDEX person_by_setai ON juki.person (setai_no)`);
    await db.query(`CREATE INDEX person_by_kana ON juki.person (kana_key text_pattern_ops)`);
    await db.query(`CREATE INDEX person_by_birth ON juki.person (birth_date)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP SCHEMA juki CASCADE`);
  }
}
