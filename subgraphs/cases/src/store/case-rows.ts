import type { DataSource, EntityManager } from 'typeorm';
import type { Stage } from '../stage-machine.js';
import type { IntakeRoute } from '../figures/indicators.js';

/** A case as the resolvers and the rules read it: its own columns, its subjects and the newest plan's roles. */
export interface CaseRow {
  id: string;
  stage: Stage;
  route: IntakeRoute;
  openedAt: Date;
  openedBy: string;
  closedAt: Date | null;
  consentId: string | null;
  withoutConsent: boolean;
  summary: string;
  leadOrgId: string | null;
  returnedTo: string | null;
  referralId: string | null;
  subjectIds: string[];
  plan: { version: number; approved: boolean } | null;
  planRoles: { orgId: string; personId: string | null }[];
}

type Db = DataSource | EntityManager;

const SELECT = `
  SELECT c.id, c.stage, c.route, c.opened_at AS "openedAt", c.opened_by AS "openedBy", c.closed_at AS "closedAt", c.consent_id AS "consentId",
    c.without_consent AS "withoutConsent", c.summary, c.lead_org AS "leadOrgId", c.returned_to AS "returnedTo", c.referral_id AS "referralId",
    COALESCE((SELECT array_agg(s.person_id ORDER BY s.position) FROM cases.case_subject s WHERE s.case_id = c.id), '{}') AS "subjectIds",
    (SELECT json_build_object('version', p.version, 'approved', p.approved_at IS NOT NULL) FROM cases.plan p WHERE p.case_id = c.id ORDER BY p.version DESC LIMIT 1) AS plan,
    COALESCE((SELECT json_agg(json_build_object('orgId', r.org_id, 'personId', r.person_id) ORDER BY r.position) FROM cases.plan_role r
      WHERE r.case_id = c.id AND r.version = (SELECT max(version) FROM cases.plan p WHERE p.case_id = c.id)), '[]') AS "planRoles"
  FROM cases.case_file c`;

/** Cases by id, in one statement. */
export async function caseRows(db: Db, ids: readonly string[]): Promise<Map<string, CaseRow>> {
  if (ids.length === 0) return new Map();
  const rows: CaseRow[] = await db.query(`${SELECT} WHERE c.id = ANY($1::text[])`, [[...new Set(ids)]]);
  return new Map(rows.map((r) => [r.id, r]));
}

/** One case, locked for the rest of the transaction: two steps on one case go one after the other. */
export async function lockCase(tx: EntityManager, id: string): Promise<CaseRow | null> {
  const locked: unknown[] = await tx.query(`SELECT id FROM cases.case_file WHERE id = $1 FOR UPDATE`, [id]);
  if (locked.length === 0) return null;
  return (await caseRows(tx, [id])).get(id) ?? null;
}

/**
 * The cases a viewer's work lists start from (the rules then decide each): every case for a coordinator; otherwise
 * those whose 主担当 is the viewer's organisation or whose newest plan gives it a role.
 */
export async function candidateCaseIds(db: Db, viewer: { orgId: string; coordinator: boolean }, stage: Stage | null): Promise<string[]> {
  const rows: { id: string }[] = viewer.coordinator
    ? await db.query(`SELECT id FROM cases.case_file WHERE ($1::text IS NULL OR stage = $1) ORDER BY opened_at DESC, id`, [stage])
    : await db.query(
        `SELECT c.id FROM cases.case_file c WHERE ($2::text IS NULL OR c.stage = $2) AND (c.lead_org = $1 OR EXISTS (
           SELECT 1 FROM cases.plan_role r WHERE r.case_id = c.id AND r.org_id = $1 AND r.version = (SELECT max(version) FROM cases.plan p WHERE p.case_id = c.id)))
         ORDER BY c.opened_at DESC, c.id`,
        [viewer.orgId, stage],
      );
  return rows.map((r) => r.id);
}

export async function caseIdsBySubject(db: Db, personIds: readonly string[]): Promise<Map<string, string[]>> {
  const rows: { person_id: string; case_id: string }[] = await db.query(
    `SELECT s.person_id, s.case_id FROM cases.case_subject s JOIN cases.case_file c ON c.id = s.case_id
     WHERE s.person_id = ANY($1::text[]) ORDER BY c.opened_at DESC, c.id`,
    [[...new Set(personIds)]],
  );
  const map = new Map<string, string[]>(personIds.map((p) => [p, []]));
  for (const r of rows) map.get(r.person_id)?.push(r.case_id);
  return map;
}

/** ACTIVE/MONITORING cases among these whose newest plan is to be reviewed before the day. */
export async function dueForReview(db: Db, ids: readonly string[], before: string): Promise<string[]> {
  const rows: { id: string }[] = await db.query(
    `SELECT c.id FROM cases.case_file c JOIN LATERAL (SELECT review_on FROM cases.plan p WHERE p.case_id = c.id ORDER BY version DESC LIMIT 1) p ON true
     WHERE c.id = ANY($1::text[]) AND c.stage IN ('ACTIVE', 'MONITORING') AND p.review_on < $2::date ORDER BY p.review_on, c.id`,
    [[...ids], before],
  );
  return rows.map((r) => r.id);
}

export async function returnedTo(db: Db, orgId: string): Promise<string[]> {
  const rows: { id: string }[] = await db.query(`SELECT id FROM cases.case_file WHERE returned_to = $1 ORDER BY closed_at DESC, id`, [orgId]);
  return rows.map((r) => r.id);
}
