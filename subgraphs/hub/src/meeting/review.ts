import type { DataSource } from 'typeorm';
import type { Meetings, Meeting } from './meetings.js';

/** What the privacy officer is asked to look at in a meeting opened. */
export type MeetingFlag = 'SINGLE_ORGANISATION' | 'CONVENOR_MEMBER' | 'NO_REASON';

export interface MeetingReviewEntry {
  meeting: Meeting;
  convenedBy: string;
  reason: string | null;
  /** The organisations of the full members, as the roster stands. */
  memberOrgs: string[];
  flags: MeetingFlag[];
}

/**
 * A 支援会議 opens sector data without consent to its members, so every meeting opened is listed with what makes it
 * worth a look: its full members all from one organisation (a meeting of one is the plainest case: it shares nothing
 * between organisations, it only widens what one sees), the convenor among them (authorising oneself), no reason
 * given. Flags are read from the roster as it stands, so members removed after the opening count as gone.
 */
export class MeetingReview {
  constructor(
    private readonly db: DataSource,
    private readonly meetings: Meetings,
  ) {}

  async list(filter: { from: Date | null; to: Date | null; flaggedOnly: boolean; limit: number; offset: number }): Promise<MeetingReviewEntry[]> {
    const rows: { id: string; convened_by: string; reason: string | null; member_orgs: string[]; convenor_member: boolean }[] = await this.db.query(
      `SELECT * FROM (
         SELECT m.id, m.convened_by, m.reason, m.created_at,
           COALESCE((SELECT array_agg(DISTINCT s.org_id ORDER BY s.org_id) FROM hub.meeting_member r JOIN hub.staff s ON s.id = r.staff_id
             WHERE r.meeting_id = m.id AND r.role = 'FULL'), '{}') AS member_orgs,
           EXISTS (SELECT 1 FROM hub.meeting_member r WHERE r.meeting_id = m.id AND r.role = 'FULL' AND r.staff_id = m.convened_by) AS convenor_member
         FROM hub.meeting m
         WHERE ($1::timestamptz IS NULL OR m.created_at >= $1) AND ($2::timestamptz IS NULL OR m.created_at <= $2)) x
       WHERE NOT $3 OR cardinality(member_orgs) <= 1 OR convenor_member OR reason IS NULL
       ORDER BY created_at DESC, id LIMIT $4 OFFSET $5`,
      [filter.from, filter.to, filter.flaggedOnly, filter.limit, filter.offset],
    );
    const entries: MeetingReviewEntry[] = [];
    for (const r of rows) {
      const flags: MeetingFlag[] = [];
      if (r.member_orgs.length <= 1) flags.push('SINGLE_ORGANISATION');
      if (r.convenor_member) flags.push('CONVENOR_MEMBER');
      if (r.reason === null) flags.push('NO_REASON');
      entries.push({ meeting: (await this.meetings.byId(r.id))!, convenedBy: r.convened_by, reason: r.reason, memberOrgs: r.member_orgs, flags });
    }
    return entries;
  }
}
