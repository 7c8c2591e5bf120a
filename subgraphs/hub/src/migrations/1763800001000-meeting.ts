import type { MigrationInterface, QueryRunner } from 'typeorm';

export class HubMeeting1763800001000 implements MigrationInterface {
  name = 'HubMeeting1763800001000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE hub.meeting (
        id text PRIMARY KEY, kind text NOT NULL, title text NOT NULL, opens_at timestamptz NOT NULL, closes_at timestamptz NOT NULL,
        closed_at timestamptz, convened_by text NOT NULL, created_at timestamptz NOT NULL DEFAULT now(), CHECK (opens_at < closes_at))`);
    await db.query(`CREATE TABLE hub.meeting_subject (meeting_id text NOT NULL REFERENCES hub.meeting (id), person_id text, setai_no text,
      CHECK ((person_id IS NULL) <> (setai_no IS NULL)))`);
    await db.query(`CREATE INDEX meeting_subject_by_meeting ON hub.meeting_subject (meeting_id)`);
    // The roster: a change takes effect at the next request, since the policy reads it every time.
    await db.query(`CREATE TABLE hub.meeting_member (meeting_id text NOT NULL REFERENCES hub.meeting (id), staff_id text NOT NULL,
      role text NOT NULL DEFAULT 'FULL', PRIMARY KEY (meeting_id, staff_id))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE hub.meeting_member, hub.meeting_subject, hub.meeting`);
  }
}
