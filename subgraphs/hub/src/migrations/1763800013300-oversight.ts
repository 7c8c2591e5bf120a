import type { MigrationInterface, QueryRunner } from 'typeorm';

export class HubOversight1763800013300 implements MigrationInterface {
  name = 'HubOversight1763800013300';

  async up(db: QueryRunner): Promise<void> {
    // Why a meeting was opened, in the convenor's words (optional, and flagged for the privacy officer when missing).
    await db.query(`ALTER TABLE hub.meeting ADD COLUMN reason text`);
    await db.query(`CREATE INDEX meeting_by_created ON hub.meeting (created_at DESC, id)`);
    // Every change to the register, as it was and as it became, and by whom: an organisation's sectors decide
    // OWN_SECTOR, so a change widens or narrows what its staff see. Append-only, like the audit log.
    await db.query(`
      CREATE TABLE hub.register_change (
        id bigserial PRIMARY KEY, at timestamptz NOT NULL DEFAULT now(), changed_by text NOT NULL, changed_by_org text NOT NULL,
        changed_by_registered boolean NOT NULL, entity text NOT NULL CHECK (entity IN ('ORGANISATION', 'STAFF')), entity_id text NOT NULL,
        before jsonb, after jsonb NOT NULL)`);
    await db.query(`CREATE INDEX register_change_by_entity ON hub.register_change (entity, entity_id, id)`);
    await db.query(`CREATE INDEX register_change_by_at ON hub.register_change (at DESC, id)`);
    await db.query(`CREATE RULE register_change_no_update AS ON UPDATE TO hub.register_change DO INSTEAD NOTHING`);
    await db.query(`CREATE RULE register_change_no_delete AS ON DELETE TO hub.register_change DO INSTEAD NOTHING`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE hub.register_change`);
    await db.query(`DROP INDEX hub.meeting_by_created`);
    await db.query(`ALTER TABLE hub.meeting DROP COLUMN reason`);
  }
}
