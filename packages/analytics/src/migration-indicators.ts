import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AnalyticsIndicators1763800001500 implements MigrationInterface {
  name = 'AnalyticsIndicators1763800001500';

  async up(db: QueryRunner): Promise<void> {
    // For 実績報告: each consultation or case of a current resident, by sector, with its dates and nothing else.
    await db.query(`CREATE TABLE analytics.consultation (generation int NOT NULL, sector text NOT NULL, opened_on date NOT NULL,
      closed_on date, open boolean NOT NULL)`);
    await db.query(`CREATE INDEX consultation_by_generation ON analytics.consultation (generation, sector)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE analytics.consultation`);
  }
}
