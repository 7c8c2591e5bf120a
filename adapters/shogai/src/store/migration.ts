import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ShogaiSnapshots1763800000400 implements MigrationInterface {
  name = 'ShogaiSnapshots1763800000400';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE SCHEMA IF NOT EXISTS shogai`);
    // The last complete snapshot of each export, as the source wrote it; who it is about lives in linkage.link.
    await db.query(`
      CREATE TABLE shogai.techo (
        source_key text PRIMARY KEY, atena_no text, name text NOT NULL, name_kana text NOT NULL, birth_date date NOT NULL,
        type text NOT NULL, grade text NOT NULL, disability text NOT NULL, issued_on date NOT NULL, valid_until date,
        updated_at timestamptz NOT NULL, snapshot text NOT NULL)`);
    await db.query(`
      CREATE TABLE shogai.jukyusha (
        source_key text PRIMARY KEY, atena_no text, name_kana text NOT NULL, birth_date date NOT NULL, support_level text,
        services jsonb NOT NULL, valid_from date NOT NULL, valid_until date NOT NULL, plan_office text,
        updated_at timestamptz NOT NULL, snapshot text NOT NULL)`);
    await db.query(`
      CREATE TABLE shogai.sodan (
        source_key text PRIMARY KEY, atena_no text, name_kana text, birth_date date, date date NOT NULL, category text NOT NULL,
        summary text, office text NOT NULL, status text NOT NULL, snapshot text NOT NULL)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP SCHEMA shogai CASCADE`);
  }
}
