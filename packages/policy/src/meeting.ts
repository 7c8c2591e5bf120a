import type { DataSource } from 'typeorm';

/**
 * Of these persons, those that the 支援会議 named by the request lets this staff member see: the meeting is a
 * SHIEN_KAIGI (社会福祉法106条の6), open now, the viewer a full member of its roster, and the person one of its
 * subjects or a current member of a subject 世帯. A 重層的支援会議 grants nothing by itself.
 */
export async function meetingSubjects(db: DataSource, meetingId: string, staffId: string, personIds: readonly string[]): Promise<Set<string>> {
  const rows: { atena_no: string }[] = await db.query(
    `SELECT p.atena_no FROM unnest($3::text[]) AS p(atena_no)
     WHERE EXISTS (
       SELECT 1 FROM hub.meeting m JOIN hub.meeting_member r ON r.meeting_id = m.id AND r.staff_id = $2 AND r.role = 'FULL'
       WHERE m.id = $1 AND m.kind = 'SHIEN_KAIGI' AND m.closed_at IS NULL AND m.opens_at <= now() AND now() < m.closes_at)
     AND EXISTS (
       SELECT 1 FROM hub.meeting_subject s WHERE s.meeting_id = $1 AND (s.person_id = p.atena_no
         OR s.setai_no IN (SELECT j.setai_no FROM juki.person j WHERE j.atena_no = p.atena_no AND j.resident_status = 1)))`,
    [meetingId, staffId, [...new Set(personIds)]],
  );
  return new Set(rows.map((r) => r.atena_no));
}
