import type { MigrationInterface, QueryRunner } from 'typeorm';

export class JukiSochi1763800013100 implements MigrationInterface {
  name = 'JukiSochi1763800013100';

  async up(db: QueryRunner): Promise<void> {
    // The 支援措置 list in force: replaced whole by each newer list read whole. No reference to juki.person: a row
    // may name a resident the registry has not delivered yet, and protects them from the moment they appear.
    await db.query(`
      CREATE TABLE juki.sochi (
        atena_no text NOT NULL, kubun text NOT NULL, start_date date NOT NULL, end_date date, updated_at timestamptz NOT NULL)`);
    await db.query(`CREATE INDEX sochi_by_person ON juki.sochi (atena_no)`);
    // Which list is in force (one row): a list older than it is never applied over it.
    await db.query(`
      CREATE TABLE juki.sochi_list (
        one boolean PRIMARY KEY DEFAULT true CHECK (one), list_date date NOT NULL, name text NOT NULL, sha256 text NOT NULL,
        rows integer NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    // Where the protected live: each listed resident's 世帯 and address as the registry has them, kept in step with
    // juki.person and juki.sochi in the transactions that change them, so that masking a person is two index probes.
    await db.query(`CREATE TABLE juki.withheld_place (atena_no text NOT NULL, setai_no text NOT NULL, address text NOT NULL, end_date date)`);
    await db.query(`CREATE INDEX withheld_place_by_setai ON juki.withheld_place (setai_no)`);
    await db.query(`CREATE INDEX withheld_place_by_address ON juki.withheld_place (address)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE juki.withheld_place, juki.sochi_list, juki.sochi`);
  }
}
