import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What other modules read of the hub's records (the policy on every request, the cases subgraph, the sector
 * subgraphs' lead organisation): views, so that the tables stay the hub's to change, and what "registered", "not
 * revoked" and "open now" mean is written here. Simple views: the planner inlines them, so the policy's one statement
 * per request keeps its plan and its indexes (a consent's `active` is the partial index's own predicate).
 */
export class HubExportedViews1763800013500 implements MigrationInterface {
  name = 'HubExportedViews1763800013500';

  async up(db: QueryRunner): Promise<void> {
    // The register: each staff member under the organisation they are registered with, and what it holds.
    await db.query(`
      CREATE VIEW hub.registered_staff AS
        SELECT s.id, s.org_id, o.sectors, o.outside_welfare FROM hub.staff s JOIN hub.organisation o ON o.id = s.org_id`);
    await db.query(`CREATE VIEW hub.registered_organisation AS SELECT id, name, sectors, outside_welfare, contact FROM hub.organisation`);
    // Every consent recorded; `active`: not revoked. Whether it is in force on a day is `active` and the day within
    // valid_from..valid_until, both ends included: the reader brings the day (the policy's is the request's).
    await db.query(`
      CREATE VIEW hub.consent_record AS
        SELECT id, person_id, sectors, recipient_orgs, valid_from, valid_until, recorded_at, status = 'ACTIVE' AS active FROM hub.consent`);
    // A meeting, and whether it is open now: not closed, and now within opens_at..closes_at (closes_at excluded).
    await db.query(`
      CREATE VIEW hub.meeting_state AS
        SELECT id, kind, (closed_at IS NULL AND opens_at <= now() AND now() < closes_at) AS open FROM hub.meeting`);
    // Its roster (role FULL or SUBMIT_ONLY) and its subjects (a person or a 世帯, one of the two per row).
    await db.query(`CREATE VIEW hub.meeting_roster AS SELECT meeting_id, staff_id, role FROM hub.meeting_member`);
    await db.query(`CREATE VIEW hub.meeting_subject_list AS SELECT meeting_id, person_id, setai_no FROM hub.meeting_subject`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP VIEW hub.meeting_subject_list, hub.meeting_roster, hub.meeting_state, hub.consent_record,
      hub.registered_organisation, hub.registered_staff`);
  }
}
