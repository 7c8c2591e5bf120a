import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the sectors read of linkage: which of their records is about which 宛名番号. A view, so that linkage.link (its
 * queue states, methods, scores and waiting identities) stays linkage's to change, and "linked" (matched or
 * confirmed, not queued or unmatched) is said once. A simple view: the partial index link_by_person still serves it.
 */
export class LinkageLinkedRecord1763800013600 implements MigrationInterface {
  name = 'LinkageLinkedRecord1763800013600';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE VIEW linkage.linked_record AS SELECT source, source_key, atena_no FROM linkage.link WHERE state = 'linked'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP VIEW linkage.linked_record`);
  }
}
