import type { MigrationInterface, QueryRunner } from 'typeorm';

export class LinkageWaitingIdentity1763800002100 implements MigrationInterface {
  name = 'LinkageWaitingIdentity1763800002100';

  async up(db: QueryRunner): Promise<void> {
    // What a waiting record says about who it is about, kept until it links: a change to the registry links it again
    // in the process that holds it, without the source being read again. Cleared once linked.
    await db.query(`ALTER TABLE linkage.link ADD COLUMN identity jsonb`);
    await db.query(`CREATE INDEX link_waiting ON linkage.link (source) WHERE state <> 'linked'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX linkage.link_waiting`);
    await db.query(`ALTER TABLE linkage.link DROP COLUMN identity`);
  }
}
