import type { MigrationInterface, QueryRunner } from 'typeorm';

export class LinkagePersonSource1763800001700 implements MigrationInterface {
  name = 'LinkagePersonSource1763800001700';

  async up(db: QueryRunner): Promise<void> {
    // Every profile read asks "this person's links of this source": one index answers it whatever the statistics say
    // (with stale ones the planner intersected the person index with all of a source's keys).
    await db.query(`CREATE INDEX link_by_person_source ON linkage.link (atena_no, source) WHERE state = 'linked'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX linkage.link_by_person_source`);
  }
}
