import type { DataSource } from 'typeorm';
import type { HubContext } from '@welfare-hub/context';

/**
 * How the meeting a request names in x-hub-meeting stands for its viewer:
 * - NONE: the request names none;
 * - USABLE: the meeting is open now (not closed, between opensAt and closesAt) and the viewer, registered under the
 *   token's organisation, is a FULL member of its roster: the request may run in its context;
 * - NOT_OPEN: the viewer is a member (of any role) but the meeting is closed, over or not yet begun;
 * - UNAVAILABLE: no meeting has that id, or the viewer is not on its roster, or only as submit-only: one answer for
 *   all, so that a guessed id tells nobody whether a meeting exists.
 * Whether the meeting then grants anything (its kind, its subjects) is decided per person by the policy as before.
 */
export type MeetingContextState = 'NONE' | 'USABLE' | 'NOT_OPEN' | 'UNAVAILABLE';

export async function meetingContextState(db: DataSource, context: Pick<HubContext, 'viewer' | 'meetingId'>): Promise<MeetingContextState> {
  const { viewer, meetingId } = context;
  if (meetingId === null) return 'NONE';
  const [row]: { open: boolean; role: string }[] = await db.query(
    `SELECT m.open, r.role
     FROM hub.meeting_state m
     JOIN hub.meeting_roster r ON r.meeting_id = m.id AND r.staff_id = $1
     JOIN hub.registered_staff s ON s.id = r.staff_id AND s.org_id = $2
     WHERE m.id = $3`,
    [viewer.staffId, viewer.orgId, meetingId],
  );
  if (!row) return 'UNAVAILABLE';
  if (!row.open) return 'NOT_OPEN';
  return row.role === 'FULL' ? 'USABLE' : 'UNAVAILABLE';
}
