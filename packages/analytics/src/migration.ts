import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AnalyticsIndex1763800001300 implements MigrationInterface {
  name = 'AnalyticsIndex1763800001300';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE SCHEMA IF NOT EXISTS analytics`);
    // The pseudonymised index: no names, no 宛名番号 or 世帯番号, only keyed hashes, districts, ages and flags.
    // A build writes a new generation beside the current one and switches to it, so readers never wait for it.
    await db.query(`CREATE TABLE analytics.person (generation int NOT NULL, pseudo_id text NOT NULL, household text NOT NULL,
      age int NOT NULL, sectors text[] NOT NULL, PRIMARY KEY (generation, pseudo_id))`);
    await db.query(`CREATE TABLE analytics.household (generation int NOT NULL, pseudo_id text NOT NULL, district text NOT NULL,
      oldest_age int NOT NULL, kinds text[] NOT NULL, sectors text[] NOT NULL, PRIMARY KEY (generation, pseudo_id))`);
    await db.query(`CREATE TABLE analytics.state (one boolean PRIMARY KEY DEFAULT true CHECK (one), generation int NOT NULL,
      as_of date, built_at timestamptz, households int NOT NULL DEFAULT 0)`);
    await db.query(`INSERT INTO analytics.state (generation) VALUES (0)`);
    // What analysts asked, and who: their queries are audited like any access.
    await db.query(`CREATE TABLE analytics.query_log (id bigserial PRIMARY KEY, at timestamptz NOT NULL DEFAULT now(), staff_id text NOT NULL,
      org_id text NOT NULL, query text NOT NULL, arguments jsonb NOT NULL)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP SCHEMA analytics CASCADE`);
  }
}
