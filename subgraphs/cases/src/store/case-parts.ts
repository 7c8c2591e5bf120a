import type { DataSource, EntityManager } from 'typeorm';
import type { DecisionKind, ParticipationState } from '../stage-machine.js';

/** 支援経過: how a contact was made. */
export const CONTACT_KINDS = ['LETTER', 'VISIT', 'PHONE', 'ACCOMPANY', 'MEETING', 'OTHER'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

export interface AssessmentRow {
  caseId: string;
  issues: string[];
  summary: string;
  recordedAt: Date;
  recordedBy: string;
}
export interface PlanRow {
  caseId: string;
  version: number;
  goals: string[];
  reviewOn: string;
  proposedAt: Date;
  approvedAt: Date | null;
  approved: boolean;
  roles: { orgId: string; personId: string | null; task: string }[];
}
export interface DecisionRow {
  id: string;
  caseId: string;
  meetingId: string;
  meetingKind: string;
  kind: DecisionKind;
  at: Date;
  note: string | null;
  present: string[];
  personId: string | null;
  leadOrgId: string | null;
}
export interface ContactRow {
  id: string;
  caseId: string;
  participationId: string | null;
  at: Date;
  kind: ContactKind;
  note: string;
  by: string;
  personId: string | null;
}
export interface ParticipationRow {
  id: string;
  caseId: string;
  personId: string;
  hostId: string;
  state: ParticipationState;
  startedAt: Date;
  endedAt: Date | null;
  decisionId: string;
}
export interface HostRow {
  id: string;
  name: string;
  offers: string[];
}

type Db = DataSource | EntityManager;

function byCase<T extends { caseId: string }>(ids: readonly string[], rows: T[]): T[][] {
  const map = new Map<string, T[]>(ids.map((id) => [id, []]));
  for (const r of rows) map.get(r.caseId)?.push(r);
  return ids.map((id) => map.get(id)!);
}

/** The newest assessment of each case. */
export async function assessments(db: Db, ids: readonly string[]): Promise<(AssessmentRow | null)[]> {
  const rows: AssessmentRow[] = await db.query(
    `SELECT DISTINCT ON (case_id) case_id AS "caseId", issues, summary, recorded_at AS "recordedAt", recorded_by AS "recordedBy"
     FROM cases.assessment WHERE case_id = ANY($1::text[]) ORDER BY case_id, id DESC`,
    [[...ids]],
  );
  return byCase(ids, rows).map((r) => r[0] ?? null);
}

/** Every plan version of each case, oldest first, with its roles. */
export async function plans(db: Db, ids: readonly string[]): Promise<PlanRow[][]> {
  const rows: PlanRow[] = await db.query(
    `SELECT p.case_id AS "caseId", p.version, p.goals, to_char(p.review_on, 'YYYY-MM-DD') AS "reviewOn", p.proposed_at AS "proposedAt",
       p.approved_at AS "approvedAt", p.approved_at IS NOT NULL AS approved,
       COALESCE((SELECT json_agg(json_build_object('orgId', r.org_id, 'personId', r.person_id, 'task', r.task) ORDER BY r.position)
         FROM cases.plan_role r WHERE r.case_id = p.case_id AND r.version = p.version), '[]') AS roles
     FROM cases.plan p WHERE p.case_id = ANY($1::text[]) ORDER BY p.case_id, p.version`,
    [[...ids]],
  );
  return byCase(ids, rows);
}

export async function decisions(db: Db, ids: readonly string[]): Promise<DecisionRow[][]> {
  const rows: DecisionRow[] = await db.query(
    `SELECT id, case_id AS "caseId", meeting_id AS "meetingId", meeting_kind AS "meetingKind", kind, at, note, present, person_id AS "personId",
       lead_org AS "leadOrgId" FROM cases.decision WHERE case_id = ANY($1::text[]) ORDER BY case_id, at, id`,
    [[...ids]],
  );
  return byCase(ids, rows);
}

const CONTACT = `id, case_id AS "caseId", participation_id AS "participationId", at, kind, note, by_staff AS "by", person_id AS "personId"`;

/** The contacts of each case, follow-ups of participations included, oldest first. */
export async function contacts(db: Db, ids: readonly string[]): Promise<ContactRow[][]> {
  const rows: ContactRow[] = await db.query(`SELECT ${CONTACT} FROM cases.contact WHERE case_id = ANY($1::text[]) ORDER BY case_id, at, id`, [
    [...ids],
  ]);
  return byCase(ids, rows);
}

export async function contactById(db: Db, id: string): Promise<ContactRow | null> {
  const [row] = await db.query(`SELECT ${CONTACT} FROM cases.contact WHERE id = $1`, [id]);
  return row ?? null;
}

const PARTICIPATION = `id, case_id AS "caseId", person_id AS "personId", host_id AS "hostId", state, started_at AS "startedAt", ended_at AS "endedAt", decision_id AS "decisionId"`;

export async function participations(db: Db, ids: readonly string[]): Promise<ParticipationRow[][]> {
  const rows: ParticipationRow[] = await db.query(
    `SELECT ${PARTICIPATION} FROM cases.participation WHERE case_id = ANY($1::text[]) ORDER BY case_id, started_at, id`,
    [[...ids]],
  );
  return byCase(ids, rows);
}

export async function participationById(db: Db, id: string, lock = false): Promise<ParticipationRow | null> {
  const [row] = await db.query(`SELECT ${PARTICIPATION} FROM cases.participation WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
  return row ?? null;
}

export async function hosts(db: Db, ids?: readonly string[]): Promise<HostRow[]> {
  return ids
    ? db.query(`SELECT id, name, offers FROM cases.host WHERE id = ANY($1::text[]) ORDER BY id`, [[...ids]])
    : db.query(`SELECT id, name, offers FROM cases.host ORDER BY id`);
}
