import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ContextUsedSignature1763800002300 implements MigrationInterface {
  name = 'ContextUsedSignature1763800002300';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE SCHEMA IF NOT EXISTS context`);
    // The ids of the gateway's context signatures already used, by any replica of any subgraph, until shortly after
    // they expire (a signature lives 30 s). UNLOGGED: a claim writes no WAL and its commit waits for no disk flush, which
    // keeps it cheap on every subgraph call. The price: after a crash of the database server (or a failover to a
    // standby, which never sees unlogged rows) the table starts empty, so a signature captured in the 30 s before could
    // be replayed once, for the same viewer and the same operation, until it expires.
    await db.query(`CREATE UNLOGGED TABLE context.used_signature (jti text PRIMARY KEY, expires_at timestamptz NOT NULL)`);
    // Rows arrive in expiry order: a BRIN index lets the sweep find the old ones for almost nothing per insert.
    await db.query(`CREATE INDEX used_signature_expiry ON context.used_signature USING brin (expires_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP SCHEMA context CASCADE`);
  }
}
