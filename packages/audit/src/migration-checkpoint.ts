import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditCheckpoint1763800001100 implements MigrationInterface {
  name = 'AuditCheckpoint1763800001100';

  async up(db: QueryRunner): Promise<void> {
    // Signed checkpoints over the chain: whoever can write the tables can recompute a hash chain, not an Ed25519 signature.
    await db.query(`
      CREATE TABLE audit.checkpoint (
        entry_id bigint PRIMARY KEY, entry_hash text NOT NULL, signed_at timestamptz NOT NULL, key_id text NOT NULL, signature text NOT NULL)`);
    await db.query(`CREATE RULE checkpoint_no_update AS ON UPDATE TO audit.checkpoint DO INSTEAD NOTHING`);
    await db.query(`CREATE RULE checkpoint_no_delete AS ON DELETE TO audit.checkpoint DO INSTEAD NOTHING`);
    // Where the retained chain starts once entries past their retention have been removed: just after a signed checkpoint.
    await db.query(
      `ALTER TABLE audit.head ADD COLUMN first_id bigint NOT NULL DEFAULT 1, ADD COLUMN first_prev_hash text NOT NULL DEFAULT repeat('0', 64)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE audit.head DROP COLUMN first_id, DROP COLUMN first_prev_hash`);
    await db.query(`DROP TABLE audit.checkpoint`);
  }
}
