import type { MigrationInterface, QueryRunner } from 'typeorm';

export class HubMeetingSubjectIndex1763800001600 implements MigrationInterface {
  name = 'HubMeetingSubjectIndex1763800001600';

  async up(db: QueryRunner): Promise<void> {
    // The policy asks, for every batch of persons, whether each one or their 世帯 is a subject: one probe each.
    await db.query(`CREATE INDEX meeting_subject_person ON hub.meeting_subject (meeting_id, person_id) WHERE person_id IS NOT NULL`);
    await db.query(`CREATE INDEX meeting_subject_setai ON hub.meeting_subject (meeting_id, setai_no) WHERE setai_no IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX hub.meeting_subject_person, hub.meeting_subject_setai`);
  }
}
