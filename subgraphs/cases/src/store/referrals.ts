import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';

export const REFERRAL_STATES = ['SENT', 'ACCEPTED', 'DECLINED'] as const;
export type ReferralState = (typeof REFERRAL_STATES)[number];

export interface ReferralRow {
  id: string;
  fromOrgId: string;
  sentBy: string;
  toOrgId: string;
  subjectIds: string[];
  reason: string;
  state: ReferralState;
  sentAt: Date;
  declineReason: string | null;
  caseId: string | null;
  /** The receiver is a 多機関協働 team. */
  toTeam: boolean;
}

type Db = DataSource | EntityManager;

const SELECT = `SELECT r.id, r.from_org AS "fromOrgId", r.sent_by AS "sentBy", r.to_org AS "toOrgId", r.subject_ids AS "subjectIds", r.reason, r.state,
  r.sent_at AS "sentAt", r.decline_reason AS "declineReason", r.case_id AS "caseId",
  EXISTS (SELECT 1 FROM cases.team_org t WHERE t.org_id = r.to_org) AS "toTeam" FROM cases.referral r`;

export async function referralsById(db: Db, ids: readonly string[], lock = false): Promise<Map<string, ReferralRow>> {
  if (ids.length === 0) return new Map();
  const rows: ReferralRow[] = await db.query(`${SELECT} WHERE r.id = ANY($1::text[])${lock ? ' FOR UPDATE OF r' : ''}`, [[...new Set(ids)]]);
  return new Map(rows.map((r) => [r.id, r]));
}

/** Referrals to an organisation (and, for a coordinator, to every team), newest first. */
export async function referralsTo(db: Db, orgId: string, coordinator: boolean, state: string | null): Promise<ReferralRow[]> {
  return db.query(
    `${SELECT} WHERE (r.to_org = $1 OR ($2 AND EXISTS (SELECT 1 FROM cases.team_org t WHERE t.org_id = r.to_org))) AND ($3::text IS NULL OR r.state = $3)
     ORDER BY r.sent_at DESC, r.id`,
    [orgId, coordinator, state],
  );
}

export async function referralsFrom(db: Db, orgId: string, state: string | null): Promise<ReferralRow[]> {
  return db.query(`${SELECT} WHERE r.from_org = $1 AND ($2::text IS NULL OR r.state = $2) ORDER BY r.sent_at DESC, r.id`, [orgId, state]);
}

export async function isTeam(db: Db, orgId: string): Promise<boolean> {
  return (await db.query(`SELECT 1 FROM cases.team_org WHERE org_id = $1`, [orgId])).length > 0;
}

export async function insertReferral(
  db: Db,
  r: { fromOrgId: string; sentBy: string; toOrgId: string; subjectIds: string[]; reason: string },
): Promise<string> {
  const id = randomUUID();
  await db.query(`INSERT INTO cases.referral (id, from_org, sent_by, to_org, subject_ids, reason, state) VALUES ($1, $2, $3, $4, $5, $6, 'SENT')`, [
    id,
    r.fromOrgId,
    r.sentBy,
    r.toOrgId,
    r.subjectIds,
    r.reason,
  ]);
  return id;
}

/** SENT → ACCEPTED or DECLINED, once: the update says whether it was still SENT. */
export async function decideReferral(
  db: Db,
  id: string,
  state: 'ACCEPTED' | 'DECLINED',
  by: string,
  reason: string | null,
  caseId: string | null,
): Promise<boolean> {
  const rows: unknown[] = await db.query(
    `UPDATE cases.referral SET state = $2, decided_at = now(), decided_by = $3, decline_reason = $4, case_id = $5 WHERE id = $1 AND state = 'SENT' RETURNING id`,
    [id, state, by, reason, caseId],
  );
  return rows.length > 0;
}

/** Registers an organisation as a 多機関協働 team (the demo's 重層的支援推進室 is one). */
export async function registerTeam(db: Db, orgId: string): Promise<void> {
  await db.query(`INSERT INTO cases.team_org (org_id) VALUES ($1) ON CONFLICT DO NOTHING`, [orgId]);
}
