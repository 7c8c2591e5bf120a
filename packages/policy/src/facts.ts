import type { DataSource } from 'typeorm';
import { preparedQuery } from '@welfare-hub/store';
import type { Viewer } from '@welfare-hub/context';
import { isSector } from './sector.js';
import type { Registration } from './registration.js';

export interface ActiveConsent {
  id: string;
  personId: string;
  sectors: string[];
}

/** What the decisions of one request rest on, read afresh for every request. */
export interface PolicyFacts {
  registration: Registration | null;
  consents: ActiveConsent[];
  /** The persons the meeting named by the request lets this viewer see. */
  inMeeting: Set<string>;
  /** The kind of that meeting: a SHIEN_KAIGI grants every sector, a YOUTAIKYO meeting KODOMO only (policy.ts). */
  meetingKind: MeetingKind | null;
}

/** The meetings that grant anything: a 重層的支援会議 (JUSOU_SHIEN_KAIGI) grants nothing by itself. */
export type MeetingKind = 'SHIEN_KAIGI' | 'YOUTAIKYO';

/**
 * Reads, in one statement, everything the rules need for a batch of persons:
 * - the viewer's registration: the staff member registered under the token's organisation, and its sectors;
 * - CONSENT: the consents not revoked, within their period today (both ends included, in Japan's calendar),
 *   naming the viewer's organisation;
 * - SUPPORT_MEETING: the meeting named by x-hub-meeting is a SHIEN_KAIGI (社会福祉法106条の6) or a YOUTAIKYO (a
 *   個別ケース検討会議 of the 要保護児童対策地域協議会, 児童福祉法25条の2), open now, the viewer a FULL member of its roster,
 *   and the person one of its subjects or a current member of a subject 世帯. A 重層的支援会議 grants nothing by itself.
 * Nothing is read for an unregistered viewer.
 */
export async function policyFacts(
  db: DataSource,
  viewer: Viewer,
  meetingId: string | null,
  personIds: readonly string[],
  today: string,
): Promise<PolicyFacts> {
  const [row] = await preparedQuery<{
    registration: { org_id: string; sectors: string[]; outside_welfare: boolean } | null;
    consents: ActiveConsent[];
    in_meeting: string[];
    meeting_kind: MeetingKind | null;
  }>(
    db,
    'hub-policy-facts',
    `WITH registration AS (
       SELECT org_id, sectors, outside_welfare FROM hub.registered_staff WHERE id = $1 AND org_id = $2),
     persons AS (SELECT DISTINCT unnest($3::text[]) AS atena_no),
     -- Each person's current 世帯, read once, so that the subject check is two index probes per person.
     homes AS (SELECT p.atena_no, j.setai_no FROM persons p LEFT JOIN juki.current_resident j ON j.atena_no = p.atena_no)
     SELECT
       (SELECT row_to_json(registration) FROM registration) AS registration,
       COALESCE((
         SELECT json_agg(json_build_object('id', c.id, 'personId', c.person_id, 'sectors', c.sectors) ORDER BY c.recorded_at DESC, c.id)
         FROM hub.consent_record c
         WHERE EXISTS (SELECT 1 FROM registration) AND c.person_id IN (SELECT atena_no FROM persons) AND c.active
           AND $2 = ANY(c.recipient_orgs) AND c.valid_from <= $4::date AND c.valid_until >= $4::date), '[]') AS consents,
       COALESCE((
         SELECT json_agg(h.atena_no) FROM homes h
         WHERE EXISTS (SELECT 1 FROM registration)
           AND EXISTS (
             SELECT 1 FROM hub.meeting_state m JOIN hub.meeting_roster r ON r.meeting_id = m.id AND r.staff_id = $1 AND r.role = 'FULL'
             WHERE m.id = $5 AND m.kind IN ('SHIEN_KAIGI', 'YOUTAIKYO') AND m.open)
           AND (EXISTS (SELECT 1 FROM hub.meeting_subject_list s WHERE s.meeting_id = $5 AND s.person_id = h.atena_no)
             OR EXISTS (SELECT 1 FROM hub.meeting_subject_list s WHERE s.meeting_id = $5 AND s.setai_no = h.setai_no))), '[]') AS in_meeting,
       (SELECT m.kind FROM hub.meeting_state m WHERE m.id = $5 AND m.kind IN ('SHIEN_KAIGI', 'YOUTAIKYO')) AS meeting_kind`,
    [viewer.staffId, viewer.orgId, [...new Set(personIds)], today, meetingId],
  );
  const registration = row!.registration
    ? {
        staffId: viewer.staffId,
        orgId: row!.registration.org_id,
        sectors: row!.registration.sectors.filter(isSector),
        outsideWelfare: row!.registration.outside_welfare === true,
      }
    : null;
  return {
    registration,
    consents: registration ? row!.consents : [],
    inMeeting: new Set(registration ? row!.in_meeting : []),
    meetingKind: row!.meeting_kind ?? null,
  };
}
