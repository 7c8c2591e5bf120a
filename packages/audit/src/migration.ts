import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditLog1763800000800 implements MigrationInterface {
  name = 'AuditLog1763800000800';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE SCHEMA IF NOT EXISTS audit`);
    // Append-only: every access decision, never the data itself. Each entry's hash covers the one before it.
    await db.query(`
      CREATE TABLE audit.entry (
        id bigint PRIMARY KEY, at timestamptz NOT NULL, request_id text NOT NULL, staff_id text NOT NULL, org_id text NOT NULL,
        person_id text NOT NULL, sector text NOT NULL, status text NOT NULL, basis text, reference text, purpose text NOT NULL,
        prev_hash text NOT NULL, hash text NOT NULL)`);
    await db.query(`CREATE INDEX entry_by_person ON audit.entry (person_id, at DESC)`);
    // The head of the chain: taken FOR UPDATE by each append, so appends from every process form one chain.
    await db.query(`CREATE TABLE audit.head (one boolean PRIMARY KEY DEFAULT true CHECK (one), last_id bigint NOT NULL, last_hash text NOT NULL)`);
    await db.query(`INSERT INTO audit.head (last_id, last_hash) VALUES (0, repeat('0', 64))`);
    await db.query(`CREATE RULE entry_no_update AS ON UPDATE TO audit.entry DO INSTEAD NOTHING`);
    await db.query(`CREATE RULE entry_no_delete AS ON DELETE TO audit.entry DO INSTEAD NOTHING`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP SCHEMA audit CASCADE`);
  }
}
