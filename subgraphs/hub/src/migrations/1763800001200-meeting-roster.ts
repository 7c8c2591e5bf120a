import type { MigrationInterface, QueryRunner } from 'typeorm';

export class HubMeetingRoster1763800001200 implements MigrationInterface {
  name = 'HubMeetingRoster1763800001200';

  async up(db: QueryRunner): Promise<void> {
    // 民生委員, a utility, a newspaper shop: their staff join a meeting as submit-only unless a coordinator says otherwise.
    await db.query(`ALTER TABLE hub.organisation ADD COLUMN outside_welfare boolean NOT NULL DEFAULT false`);
    await db.query(`ALTER TABLE hub.meeting_member ADD COLUMN added_at timestamptz NOT NULL DEFAULT now()`);
    // meeting_member is the roster as it stands (what the policy reads); this is how it came to be.
    await db.query(`CREATE TABLE hub.meeting_roster_change (
      meeting_id text NOT NULL REFERENCES hub.meeting (id), staff_id text NOT NULL, change text NOT NULL, role text,
      changed_by text NOT NULL, changed_at timestamptz NOT NULL DEFAULT now())`);
    // 気になる情報: what a member noticed about a person or a 世帯, kept with its source.
    await db.query(`CREATE TABLE hub.concern (
      id text PRIMARY KEY, meeting_id text NOT NULL REFERENCES hub.meeting (id), person_id text, setai_no text, note text NOT NULL,
      source_staff_id text NOT NULL, source_org_id text NOT NULL, recorded_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((person_id IS NULL) <> (setai_no IS NULL)))`);
    await db.query(`CREATE INDEX concern_by_meeting ON hub.concern (meeting_id, recorded_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE hub.concern, hub.meeting_roster_change`);
    await db.query(`ALTER TABLE hub.meeting_member DROP COLUMN added_at`);
    await db.query(`ALTER TABLE hub.organisation DROP COLUMN outside_welfare`);
  }
}
