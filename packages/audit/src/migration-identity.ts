import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditIdentityReads1763800013000 implements MigrationInterface {
  name = 'AuditIdentityReads1763800013000';

  async up(db: QueryRunner): Promise<void> {
    // The same chain now also records identity reads (READ, SEARCH: no sector) and restrictions (RESTRICT: 不開示 of
    // the entry its reference names), so that one verification covers every kind.
    await db.query(`ALTER TABLE audit.entry ALTER COLUMN sector DROP NOT NULL`);
    await db.query(`ALTER TABLE audit.entry ADD COLUMN action text CHECK (action IN ('READ', 'SEARCH', 'RESTRICT')), ADD COLUMN protected boolean`);
    // protectedReads: the reads of residents under a 支援措置, by time.
    await db.query(`CREATE INDEX entry_protected_reads ON audit.entry (at) WHERE protected`);
    // Whether an entry is restricted: a RESTRICT entry naming it.
    await db.query(`CREATE INDEX entry_restrictions ON audit.entry (reference) WHERE action = 'RESTRICT'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX audit.entry_restrictions`);
    await db.query(`DROP INDEX audit.entry_protected_reads`);
    await db.query(`ALTER TABLE audit.entry DROP COLUMN protected, DROP COLUMN action`);
  }
}
