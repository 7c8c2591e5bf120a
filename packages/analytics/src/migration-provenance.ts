import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AnalyticsProvenance1763800002200 implements MigrationInterface {
  name = 'AnalyticsProvenance1763800002200';

  async up(db: QueryRunner): Promise<void> {
    // What the index was built from: each source's generation and last whole read, so that an analyst sees how fresh a
    // count is and readiness can tell an index built before the sources settled.
    await db.query(`ALTER TABLE analytics.state ADD COLUMN sources jsonb NOT NULL DEFAULT '{}'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE analytics.state DROP COLUMN sources`);
  }
}
