import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';

export type MeetingRole = 'FULL' | 'SUBMIT_ONLY';

export interface MeetingMember {
  staffId: string;
  orgId: string;
  role: MeetingRole;
  addedAt: Date;
}

export interface Meeting {
  id: string;
  kind: 'SHIEN_KAIGI' | 'JUSOU_SHIEN_KAIGI' | 'YOUTAIKYO';
  title: string;
  subjectPersonIds: string[];
  subjectHouseholdIds: string[];
  memberStaffIds: string[];
  opensAt: Date;
  closesAt: Date;
  closedAt: Date | null;
  convenedBy: string;
  /** Why it was opened, in the convenor's words; optional, and its absence is flagged for the privacy officer. */
  reason: string | null;
  createdAt: Date;
}

export interface Concern {
  id: string;
  meetingId: string;
  personId: string | null;
  householdId: string | null;
  note: string;
  sourceStaffId: string;
  sourceOrgId: string;
  recordedAt: Date;
}

/** 支援会議 and 重層的支援会議 with their subjects, rosters and the concerns their members record. */
export class Meetings {
  constructor(private readonly db: DataSource) {}

  async open(
    m: Omit<Meeting, 'id' | 'closedAt' | 'memberStaffIds' | 'createdAt'> & { members: { staffId: string; role: MeetingRole }[] },
  ): Promise<Meeting> {
    const id = randomUUID();
    await this.db.transaction(async (tx) => {
      await tx.query(`INSERT INTO hub.meeting (id, kind, title, opens_at, closes_at, convened_by, reason) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
        id,
        m.kind,
        m.title,
        m.opensAt,
        m.closesAt,
        m.convenedBy,
        m.reason,
      ]);
      await tx.query(`INSERT INTO hub.meeting_subject (meeting_id, person_id) SELECT $1, unnest($2::text[])`, [id, m.subjectPersonIds]);
      await tx.query(`INSERT INTO hub.meeting_subject (meeting_id, setai_no) SELECT $1, unnest($2::text[])`, [id, m.subjectHouseholdIds]);
      for (const member of m.members) await this.putMember(tx, id, member.staffId, member.role, m.convenedBy);
    });
    return (await this.byId(id))!;
  }

  async close(id: string): Promise<Meeting | null> {
    await this.db.query(`UPDATE hub.meeting SET closed_at = now() WHERE id = $1 AND closed_at IS NULL`, [id]);
    return this.byId(id);
  }

  /** Adds a member or changes a member's role; the policy reads the roster on every request, so it holds at once. */
  async setMember(meetingId: string, staffId: string, role: MeetingRole, by: string): Promise<void> {
    await this.db.transaction((tx) => this.putMember(tx, meetingId, staffId, role, by));
  }

  async removeMember(meetingId: string, staffId: string, by: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const gone: unknown[] = await tx.query(`DELETE FROM hub.meeting_member WHERE meeting_id = $1 AND staff_id = $2 RETURNING staff_id`, [
        meetingId,
        staffId,
      ]);
      if (gone.length === 0) return false;
      await tx.query(`INSERT INTO hub.meeting_roster_change (meeting_id, staff_id, change, role, changed_by) VALUES ($1, $2, 'REMOVED', NULL, $3)`, [
        meetingId,
        staffId,
        by,
      ]);
      return true;
    });
  }

  private async putMember(tx: EntityManager, meetingId: string, staffId: string, role: MeetingRole, by: string): Promise<void> {
    await tx.query(
      `INSERT INTO hub.meeting_member (meeting_id, staff_id, role) VALUES ($1, $2, $3)
       ON CONFLICT (meeting_id, staff_id) DO UPDATE SET role = EXCLUDED.role`,
      [meetingId, staffId, role],
    );
    await tx.query(`INSERT INTO hub.meeting_roster_change (meeting_id, staff_id, change, role, changed_by) VALUES ($1, $2, 'SET', $3, $4)`, [
      meetingId,
      staffId,
      role,
      by,
    ]);
  }

  async members(meetingId: string): Promise<MeetingMember[]> {
    return this.db.query(
      `SELECT r.staff_id AS "staffId", s.org_id AS "orgId", r.role, r.added_at AS "addedAt"
       FROM hub.meeting_member r JOIN hub.staff s ON s.id = r.staff_id WHERE r.meeting_id = $1 ORDER BY r.staff_id`,
      [meetingId],
    );
  }

  async roleOf(meetingId: string, staffId: string): Promise<MeetingRole | null> {
    const [row]: { role: MeetingRole }[] = await this.db.query(`SELECT role FROM hub.meeting_member WHERE meeting_id = $1 AND staff_id = $2`, [
      meetingId,
      staffId,
    ]);
    return row?.role ?? null;
  }

  async recordConcern(c: Omit<Concern, 'id' | 'recordedAt'>): Promise<Concern> {
    const [row] = await this.db.query(
      `INSERT INTO hub.concern (id, meeting_id, person_id, setai_no, note, source_staff_id, source_org_id) VALUES ($1, $2, $3, $4, $5, $6, $7)
       RETURNING ${CONCERN_COLUMNS}`,
      [randomUUID(), c.meetingId, c.personId, c.householdId, c.note, c.sourceStaffId, c.sourceOrgId],
    );
    return row;
  }

  async concerns(meetingId: string): Promise<Concern[]> {
    return this.db.query(`SELECT ${CONCERN_COLUMNS} FROM hub.concern WHERE meeting_id = $1 ORDER BY recorded_at DESC, id`, [meetingId]);
  }

  /** Meetings the staff member sits in as a full member, or convened, newest first; open now unless includeClosed. */
  async mine(staffId: string, includeClosed: boolean): Promise<Meeting[]> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT m.id FROM hub.meeting m
       WHERE (m.convened_by = $1 OR EXISTS (SELECT 1 FROM hub.meeting_member r WHERE r.meeting_id = m.id AND r.staff_id = $1 AND r.role = 'FULL'))
         AND ($2 OR (m.closed_at IS NULL AND m.opens_at <= now() AND now() < m.closes_at))
       ORDER BY m.opens_at DESC, m.id LIMIT 200`,
      [staffId, includeClosed],
    );
    const meetings = await Promise.all(rows.map((r) => this.byId(r.id)));
    return meetings.filter((m): m is Meeting => m !== null);
  }

  async byId(id: string): Promise<Meeting | null> {
    const [row] = await this.db.query(
      `SELECT m.id, m.kind, m.title, m.opens_at AS "opensAt", m.closes_at AS "closesAt", m.closed_at AS "closedAt", m.convened_by AS "convenedBy",
         m.reason, m.created_at AS "createdAt",
         COALESCE((SELECT array_agg(person_id ORDER BY person_id) FROM hub.meeting_subject s WHERE s.meeting_id = m.id AND person_id IS NOT NULL), '{}') AS "subjectPersonIds",
         COALESCE((SELECT array_agg(setai_no ORDER BY setai_no) FROM hub.meeting_subject s WHERE s.meeting_id = m.id AND setai_no IS NOT NULL), '{}') AS "subjectHouseholdIds",
         COALESCE((SELECT array_agg(staff_id ORDER BY staff_id) FROM hub.meeting_member r WHERE r.meeting_id = m.id), '{}') AS "memberStaffIds"
       FROM hub.meeting m WHERE m.id = $1`,
      [id],
    );
    return row ?? null;
  }
}

const CONCERN_COLUMNS = `id, meeting_id AS "meetingId", person_id AS "personId", setai_no AS "householdId", note,
  source_staff_id AS "sourceStaffId", source_org_id AS "sourceOrgId", recorded_at AS "recordedAt"`;
