import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Stage } from '../stage-machine.js';

/**
 * Every write of case work, each inside the caller's transaction: a step is acknowledged only once all of it is
 * committed (a decision and the stage it moves the case to go in together or not at all).
 */

export async function insertCase(
  tx: EntityManager,
  c: { route: string; subjectIds: string[]; referralId: string | null; consentId: string | null; summary: string; openedBy: string; openedAt?: Date },
): Promise<string> {
  const id = randomUUID();
  await tx.query(
    `INSERT INTO cases.case_file (id, stage, route, opened_at, opened_by, consent_id, consent_attached_at, without_consent, summary, referral_id)
     VALUES ($1, 'INTAKE', $2, COALESCE($3, now()), $4, $5, CASE WHEN $5::text IS NULL THEN NULL ELSE COALESCE($3, now()) END, $5::text IS NULL, $6, $7)`,
    [id, c.route, c.openedAt ?? null, c.openedBy, c.consentId, c.summary, c.referralId],
  );
  await tx.query(
    `INSERT INTO cases.case_subject (case_id, person_id, position) SELECT $1, s.id, s.n - 1 FROM unnest($2::text[]) WITH ORDINALITY AS s(id, n)`,
    [id, c.subjectIds],
  );
  await tx.query(
    `INSERT INTO cases.stage_change (case_id, from_stage, to_stage, at, by_staff) VALUES ($1, NULL, 'INTAKE', COALESCE($2, now()), $3)`,
    [id, c.openedAt ?? null, c.openedBy],
  );
  return id;
}

export async function moveStage(
  tx: EntityManager,
  caseId: string,
  from: Stage,
  to: Stage,
  by: string,
  decisionId: string | null,
  at?: Date,
): Promise<void> {
  if (from === to) return;
  await tx.query(`UPDATE cases.case_file SET stage = $2, closed_at = CASE WHEN $2 = 'CLOSED' THEN COALESCE($3, now()) ELSE NULL END WHERE id = $1`, [
    caseId,
    to,
    at ?? null,
  ]);
  await tx.query(
    `INSERT INTO cases.stage_change (case_id, from_stage, to_stage, at, by_staff, decision_id) VALUES ($1, $2, $3, COALESCE($6, now()), $4, $5)`,
    [caseId, from, to, by, decisionId, at ?? null],
  );
}

export async function attachConsent(tx: EntityManager, caseId: string, consentId: string): Promise<void> {
  await tx.query(`UPDATE cases.case_file SET consent_id = $2, consent_attached_at = now(), without_consent = false WHERE id = $1`, [
    caseId,
    consentId,
  ]);
}

export async function setLead(tx: EntityManager, caseId: string, orgId: string): Promise<void> {
  await tx.query(`UPDATE cases.case_file SET lead_org = $2 WHERE id = $1`, [caseId, orgId]);
}

export async function insertAssessment(
  tx: EntityManager,
  a: { caseId: string; issues: string[]; summary: string; by: string; org: string; at?: Date },
): Promise<void> {
  await tx.query(
    `INSERT INTO cases.assessment (case_id, issues, summary, recorded_at, recorded_by, recorded_org) VALUES ($1, $2, $3, COALESCE($6, now()), $4, $5)`,
    [a.caseId, a.issues, a.summary, a.by, a.org, a.at ?? null],
  );
}

export async function insertPlan(
  tx: EntityManager,
  p: {
    caseId: string;
    version: number;
    goals: string[];
    reviewOn: string;
    by: string;
    roles: { orgId: string; personId: string | null; task: string }[];
    at?: Date;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO cases.plan (case_id, version, goals, review_on, proposed_at, proposed_by) VALUES ($1, $2, $3, $4, COALESCE($6, now()), $5)`,
    [p.caseId, p.version, p.goals, p.reviewOn, p.by, p.at ?? null],
  );
  await tx.query(
    `INSERT INTO cases.plan_role (case_id, version, position, org_id, person_id, task)
     SELECT $1, $2, r.n - 1, r.org_id, r.person_id, r.task
     FROM ROWS FROM (json_to_recordset($3::json) AS (org_id text, person_id text, task text)) WITH ORDINALITY AS r(org_id, person_id, task, n)`,
    [p.caseId, p.version, JSON.stringify(p.roles.map((r) => ({ org_id: r.orgId, person_id: r.personId, task: r.task })))],
  );
}

export async function approvePlan(tx: EntityManager, caseId: string, version: number, decisionId: string, at?: Date): Promise<void> {
  await tx.query(`UPDATE cases.plan SET approved_at = COALESCE($4, now()), approved_by_decision = $3 WHERE case_id = $1 AND version = $2`, [
    caseId,
    version,
    decisionId,
    at ?? null,
  ]);
}

export async function insertDecision(
  tx: EntityManager,
  d: {
    caseId: string;
    meetingId: string;
    meetingKind: string;
    kind: string;
    note: string | null;
    present: string[];
    by: string;
    personId: string | null;
    leadOrgId: string | null;
    planVersion: number | null;
    at?: Date;
  },
): Promise<string> {
  const id = randomUUID();
  await tx.query(
    `INSERT INTO cases.decision (id, case_id, meeting_id, meeting_kind, kind, at, note, present, recorded_by, person_id, lead_org, plan_version)
     VALUES ($1, $2, $3, $4, $5, COALESCE($12, now()), $6, $7, $8, $9, $10, $11)`,
    [id, d.caseId, d.meetingId, d.meetingKind, d.kind, d.note, d.present, d.by, d.personId, d.leadOrgId, d.planVersion, d.at ?? null],
  );
  return id;
}

/** Closure: the 主担当 carries on, and the case is returned to it (つなぎ戻し). */
export async function returnCase(tx: EntityManager, caseId: string, leadOrgId: string): Promise<void> {
  await tx.query(`UPDATE cases.case_file SET lead_org = $2, returned_to = $2 WHERE id = $1`, [caseId, leadOrgId]);
}

export async function outreachDecision(tx: EntityManager, caseId: string): Promise<string | null> {
  const [row] = await tx.query(`SELECT id FROM cases.decision WHERE case_id = $1 AND kind = 'OUTREACH_PLANNED' ORDER BY at DESC, id LIMIT 1`, [
    caseId,
  ]);
  return row?.id ?? null;
}

export async function participationDecision(tx: EntityManager, caseId: string, personId: string): Promise<string | null> {
  const [row] = await tx.query(
    `SELECT id FROM cases.decision WHERE case_id = $1 AND kind = 'PARTICIPATION_NEEDED' AND person_id = $2 ORDER BY at DESC, id LIMIT 1`,
    [caseId, personId],
  );
  return row?.id ?? null;
}

export async function insertContact(
  tx: EntityManager,
  c: {
    caseId: string;
    participationId: string | null;
    at: Date;
    kind: string;
    note: string;
    personId: string | null;
    by: string;
    org: string;
    outreachDecision: string | null;
  },
): Promise<string> {
  const id = randomUUID();
  await tx.query(
    `INSERT INTO cases.contact (id, case_id, participation_id, at, kind, note, person_id, by_staff, by_org, outreach_decision) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [id, c.caseId, c.participationId, c.at, c.kind, c.note, c.personId, c.by, c.org, c.outreachDecision],
  );
  return id;
}

export async function upsertHost(tx: EntityManager, h: { id: string; name: string; offers: string[]; by: string }): Promise<void> {
  await tx.query(
    `INSERT INTO cases.host (id, name, offers, registered_by) VALUES ($1, $2, $3, $4)
     ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, offers = EXCLUDED.offers, updated_at = now()`,
    [h.id, h.name, h.offers, h.by],
  );
}

export async function insertParticipation(
  tx: EntityManager,
  p: { caseId: string; personId: string; hostId: string; decisionId: string; by: string; at?: Date },
): Promise<string> {
  const id = randomUUID();
  await tx.query(
    `INSERT INTO cases.participation (id, case_id, person_id, host_id, state, started_at, decision_id, started_by) VALUES ($1, $2, $3, $4, 'MATCHED', COALESCE($7, now()), $5, $6)`,
    [id, p.caseId, p.personId, p.hostId, p.decisionId, p.by, p.at ?? null],
  );
  return id;
}

export async function setParticipationState(tx: EntityManager, id: string, state: string, ended: boolean, at?: Date): Promise<void> {
  await tx.query(`UPDATE cases.participation SET state = $2, ended_at = CASE WHEN $3 THEN COALESCE($4, now()) ELSE ended_at END WHERE id = $1`, [
    id,
    state,
    ended,
    at ?? null,
  ]);
}
