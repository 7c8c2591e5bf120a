import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';

export interface Meeting {
  id: string;
  kind: 'SHIEN_KAIGI' | 'JUSOU_SHIEN_KAIGI';
  title: string;
  subjectPersonIds: string[];
  subjectHouseholdIds: string[];
  memberStaffIds: string[];
  opensAt: Date;
  closesAt: Date;
  closedAt: Date | null;
  convenedBy: string;
}

/** 支援会議 and 重層的支援会議 with their subjects and rosters. */
export class Meetings {
  constructor(private readonly db: DataSource) {}

  async open(m: Omit<Meeting, 'id' | 'closedAt'>): Promise<Meeting> {
    const id = randomUUID();
    await this.db.transaction(async (tx) => {
      await tx.query(`INSERT INTO hub.meeting (id, kind, title, opens_at, closes_at, convened_by) VALUES ($1, $2, $3, $4, $5, $6)`, [
        id, m.kind, m.title, m.opensAt, m.closesAt, m.convenedBy,
      ]);
      await tx.query(`INSERT INTO hub.meeting_subject (meeting_id, person_id) SELECT $1, unnest($2::text[])`, [id, m.subjectPersonIds]);
      await tx.query(`INSERT INTO hub.meeting_subject (meeting_id, setai_no) SELECT $1, unnest($2::text[])`, [id, m.subjectHouseholdIds]);
      await tx.query(`INSERT INTO hub.meeting_member (meeting_id, staff_id) SELECT $1, unnest($2::text[])`, [id, m.memberStaffIds]);
    });
    return (await this.byId(id))!;
  }

  async close(id: string): Promise<Meeting | null> {
    await this.db.query(`UPDATE hub.meeting SET closed_at = now() WHERE id = $1 AND closed_at IS NULL`, [id]);
    return this.byId(id);
  }

  async byId(id: string): Promise<Meeting | null> {
    const [row] = await this.db.query(
      `SELECT m.id, m.kind, m.title, m.opens_at AS "opensAt", m.closes_at AS "closesAt", m.closed_at AS "closedAt", m.convened_by AS "convenedBy",
         COALESCE((SELECT array_agg(person_id ORDER BY person_id) FROM hub.meeting_subject s WHERE s.meeting_id = m.id AND person_id IS NOT NULL), '{}') AS "subjectPersonIds",
         COALESCE((SELECT array_agg(setai_no ORDER BY setai_no) FROM hub.meeting_subject s WHERE s.meeting_id = m.id AND setai_no IS NOT NULL), '{}') AS "subjectHouseholdIds",
         COALESCE((SELECT array_agg(staff_id ORDER BY staff_id) FROM hub.meeting_member r WHERE r.meeting_id = m.id), '{}') AS "memberStaffIds"
       FROM hub.meeting m WHERE m.id = $1`,
      [id],
    );
    return row ?? null;
  }
}
