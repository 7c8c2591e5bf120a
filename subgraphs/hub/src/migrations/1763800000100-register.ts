import type { MigrationInterface, QueryRunner } from 'typeorm';

export class HubRegister1763800000100 implements MigrationInterface {
  name = 'HubRegister1763800000100';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE SCHEMA IF NOT EXISTS hub`);
    await db.query(`
      CREATE TABLE hub.organisation (
        id text PRIMARY KEY,
        name text NOT NULL,
        sectors text[] NOT NULL DEFAULT '{}',
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE hub.staff (
        id text PRIMARY KEY,
        org_id text NOT NULL REFERENCES hub.organisation (id),
        name text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX staff_by_org ON hub.staff (org_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE hub.staff`);
    await db.query(`DROP TABLE hub.organisation`);
  }
}
