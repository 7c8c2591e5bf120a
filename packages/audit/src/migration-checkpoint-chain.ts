import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditCheckpointChain1763800013100 implements MigrationInterface {
  name = 'AuditCheckpointChain1763800013100';

  async up(db: QueryRunner): Promise<void> {
    // A checkpoint of version 2 also signs the entry count and the digest of the checkpoint before it, so that a
    // checkpoint removed from the middle breaks the next one's signature, as a transparency log's signed tree heads do.
    await db.query(
      `ALTER TABLE audit.checkpoint ADD COLUMN version smallint NOT NULL DEFAULT 1, ADD COLUMN entries bigint, ADD COLUMN prev_digest text`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE audit.checkpoint DROP COLUMN prev_digest, DROP COLUMN entries, DROP COLUMN version`);
  }
}
