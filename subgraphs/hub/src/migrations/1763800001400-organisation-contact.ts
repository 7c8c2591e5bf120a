import type { MigrationInterface, QueryRunner } from 'typeorm';

export class HubOrganisationContact1763800001400 implements MigrationInterface {
  name = 'HubOrganisationContact1763800001400';

  async up(db: QueryRunner): Promise<void> {
    // Shown to case workers as the lead of a sector: whom to call.
    await db.query(`ALTER TABLE hub.organisation ADD COLUMN contact text`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE hub.organisation DROP COLUMN contact`);
  }
}
