import type { MigrationInterface, QueryRunner } from 'typeorm';

export class HubConsent1763800000900 implements MigrationInterface {
  name = 'HubConsent1763800000900';

  async up(db: QueryRunner): Promise<void> {
    // A withdrawal is a status change with its reason and time: rows are never deleted.
    await db.query(`
      CREATE TABLE hub.consent (
        id text PRIMARY KEY, person_id text NOT NULL, sectors text[] NOT NULL, recipient_orgs text[] NOT NULL, purpose text NOT NULL,
        valid_from date NOT NULL, valid_until date NOT NULL, method text NOT NULL, given_by text, evidence text,
        status text NOT NULL DEFAULT 'ACTIVE', recorded_by text NOT NULL, recorded_org text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(), revoked_at timestamptz, revoked_by text, revoke_reason text,
        CHECK (valid_from <= valid_until))`);
    await db.query(`CREATE INDEX consent_by_person ON hub.consent (person_id) WHERE status = 'ACTIVE'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE hub.consent`);
  }
}
