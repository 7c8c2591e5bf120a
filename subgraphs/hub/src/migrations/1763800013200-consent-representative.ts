import type { MigrationInterface, QueryRunner } from 'typeorm';

export class HubConsentRepresentative1763800013200 implements MigrationInterface {
  name = 'HubConsentRepresentative1763800013200';

  async up(db: QueryRunner): Promise<void> {
    // Who gave the consent on the person's behalf (a parent, a 未成年後見人, a 成年後見人, another representative), who
    // need not live in the municipality; verified only where the registry can show the relationship.
    await db.query(`ALTER TABLE hub.consent ADD COLUMN guardian_name text, ADD COLUMN guardian_relationship text,
      ADD COLUMN guardian_person_id text, ADD COLUMN guardian_verified boolean,
      ADD CONSTRAINT consent_guardian_whole CHECK ((guardian_name IS NULL) = (guardian_relationship IS NULL) AND (guardian_name IS NULL) = (guardian_verified IS NULL))`);
    // The privacy officer's review reads consents by when they were recorded.
    await db.query(`CREATE INDEX consent_by_recorded ON hub.consent (recorded_at DESC, id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX hub.consent_by_recorded`);
    await db.query(`ALTER TABLE hub.consent DROP CONSTRAINT consent_guardian_whole, DROP COLUMN guardian_name, DROP COLUMN guardian_relationship,
      DROP COLUMN guardian_person_id, DROP COLUMN guardian_verified`);
  }
}
