import { existsSync, readFileSync } from 'node:fs';
import type { DataSource, EntityManager } from 'typeorm';
import { inTransaction } from '@welfare-hub/store';
import * as write from './store/case-writes.js';
import { registerTeam } from './store/referrals.js';

/**
 * A year of case work as the city generator writes it (tools/citygen case-history.ts): the shape of cases.json. Its
 * meetings and consents are the hub's records, in the shape the hub's writer takes (`Meeting`, `Consent`): this package
 * passes them on without reading them.
 */
export interface CaseHistory<Meeting = unknown, Consent = unknown> {
  asOf: string;
  teams: string[];
  hosts: { id: string; name: string; offers: string[]; registeredAt: string; by: string }[];
  meetings: Meeting[];
  consents: Consent[];
  referrals: {
    id: string;
    fromOrg: string;
    sentBy: string;
    toOrg: string;
    subjectIds: string[];
    reason: string;
    state: string;
    sentAt: string;
    decidedAt: string | null;
    decidedBy: string | null;
    declineReason: string | null;
    caseId: string | null;
  }[];
  cases: HistoricCase[];
}

export interface HistoricCase {
  id: string;
  route: string;
  subjectIds: string[];
  openedAt: string;
  openedBy: string;
  consentId: string | null;
  consentAttachedAt: string | null;
  summary: string;
  referralId: string | null;
  leadOrg: string | null;
  returnedTo: string | null;
  stage: string;
  closedAt: string | null;
  stages: { from: string | null; to: string; at: string; by: string; decisionId: string | null }[];
  assessments: { issues: string[]; summary: string; at: string; by: string; org: string }[];
  plans: {
    version: number;
    goals: string[];
    reviewOn: string;
    at: string;
    by: string;
    approvedAt: string | null;
    decisionId: string | null;
    roles: { orgId: string; personId: string | null; task: string }[];
  }[];
  decisions: {
    id: string;
    meetingId: string;
    meetingKind: string;
    kind: string;
    at: string;
    note: string | null;
    present: string[];
    by: string;
    personId: string | null;
    leadOrg: string | null;
    planVersion: number | null;
  }[];
  participations: {
    id: string;
    personId: string;
    hostId: string;
    state: string;
    startedAt: string;
    endedAt: string | null;
    decisionId: string;
    by: string;
  }[];
  contacts: {
    id: string;
    participationId: string | null;
    at: string;
    kind: string;
    note: string;
    personId: string | null;
    by: string;
    org: string;
    outreachDecision: string | null;
  }[];
}

/**
 * Writes the demo city's meetings and consents where their owner keeps them, inside the loader's transaction: the hub
 * subgraph's `writeDemoRecords` (`@welfare-hub/subgraph-hub/demo`), handed in by the launcher, so that this package
 * neither writes the hub's tables nor depends on the hub subgraph.
 */
export type HubRecordsWriter<Meeting, Consent> = (tx: EntityManager, meetings: readonly Meeting[], consents: readonly Consent[]) => Promise<void>;

/**
 * Loads the demo city's year of case work (cases.json) once, into an empty case store, in one transaction: a start that
 * is cut off loads it again on the next. A store that holds any case (real work, or a previous load) is left alone.
 * The meetings and consents go in through `writeHubRecords`, in the same transaction. Returns how many cases went in.
 */
export async function loadCaseHistory<Meeting, Consent>(
  db: DataSource,
  file: string,
  writeHubRecords: HubRecordsWriter<Meeting, Consent>,
): Promise<number> {
  if (!existsSync(file)) return 0;
  const history = JSON.parse(readFileSync(file, 'utf8')) as CaseHistory<Meeting, Consent>;
  return inTransaction(db, async (tx) => {
    // One loader at a time (several processes may start together): the lock is the transaction's.
    await tx.query(`LOCK TABLE cases.case_file IN EXCLUSIVE MODE`);
    const [{ n }] = await tx.query(`SELECT count(*)::int AS n FROM cases.case_file`);
    if (n > 0) return 0;
    for (const org of history.teams) await registerTeam(tx, org);
    await writeHubRecords(tx, history.meetings, history.consents);
    for (const h of history.hosts) {
      await tx.query(
        `INSERT INTO cases.host (id, name, offers, registered_by, registered_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5) ON CONFLICT (id) DO NOTHING`,
        [h.id, h.name, h.offers, h.by, h.registeredAt],
      );
    }
    await tx.query(
      `INSERT INTO cases.referral (id, from_org, sent_by, to_org, subject_ids, reason, state, sent_at, decided_at, decided_by, decline_reason, case_id)
       SELECT r.id, r."fromOrg", r."sentBy", r."toOrg", ARRAY(SELECT json_array_elements_text(r."subjectIds")), r.reason, r.state, r."sentAt", r."decidedAt",
         r."decidedBy", r."declineReason", r."caseId"
       FROM json_to_recordset($1::json) AS r(id text, "fromOrg" text, "sentBy" text, "toOrg" text, "subjectIds" json, reason text, state text,
         "sentAt" timestamptz, "decidedAt" timestamptz, "decidedBy" text, "declineReason" text, "caseId" text)`,
      [JSON.stringify(history.referrals)],
    );
    for (const c of history.cases) await loadCase(tx, c);
    return history.cases.length;
  });
}

async function loadCase(tx: Parameters<Parameters<typeof inTransaction>[1]>[0], c: HistoricCase): Promise<void> {
  await tx.query(
    `INSERT INTO cases.case_file (id, stage, route, opened_at, opened_by, closed_at, consent_id, consent_attached_at, without_consent, summary, lead_org, returned_to, referral_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $7::text IS NULL, $9, $10, $11, $12)`,
    [c.id, c.stage, c.route, c.openedAt, c.openedBy, c.closedAt, c.consentId, c.consentAttachedAt, c.summary, c.leadOrg, c.returnedTo, c.referralId],
  );
  await tx.query(
    `INSERT INTO cases.case_subject (case_id, person_id, position) SELECT $1, s.id, s.n - 1 FROM unnest($2::text[]) WITH ORDINALITY AS s(id, n)`,
    [c.id, c.subjectIds],
  );
  for (const s of c.stages)
    await tx.query(`INSERT INTO cases.stage_change (case_id, from_stage, to_stage, at, by_staff, decision_id) VALUES ($1, $2, $3, $4, $5, $6)`, [
      c.id,
      s.from,
      s.to,
      s.at,
      s.by,
      s.decisionId,
    ]);
  for (const a of c.assessments)
    await write.insertAssessment(tx, { caseId: c.id, issues: a.issues, summary: a.summary, by: a.by, org: a.org, at: new Date(a.at) });
  for (const p of c.plans)
    await write.insertPlan(tx, {
      caseId: c.id,
      version: p.version,
      goals: p.goals,
      reviewOn: p.reviewOn,
      by: p.by,
      roles: p.roles,
      at: new Date(p.at),
    });
  for (const d of c.decisions) {
    await tx.query(
      `INSERT INTO cases.decision (id, case_id, meeting_id, meeting_kind, kind, at, note, present, recorded_by, person_id, lead_org, plan_version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [d.id, c.id, d.meetingId, d.meetingKind, d.kind, d.at, d.note, d.present, d.by, d.personId, d.leadOrg, d.planVersion],
    );
  }
  for (const p of c.plans) if (p.approvedAt && p.decisionId) await write.approvePlan(tx, c.id, p.version, p.decisionId, new Date(p.approvedAt));
  for (const p of c.participations) {
    await tx.query(
      `INSERT INTO cases.participation (id, case_id, person_id, host_id, state, started_at, ended_at, decision_id, started_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [p.id, c.id, p.personId, p.hostId, p.state, p.startedAt, p.endedAt, p.decisionId, p.by],
    );
  }
  if (c.contacts.length > 0) {
    await tx.query(
      `INSERT INTO cases.contact (id, case_id, participation_id, at, kind, note, person_id, by_staff, by_org, recorded_at, outreach_decision)
       SELECT x.id, $1, x."participationId", x.at, x.kind, x.note, x."personId", x.by, x.org, x.at, x."outreachDecision"
       FROM json_to_recordset($2::json) AS x(id text, "participationId" text, at timestamptz, kind text, note text, "personId" text, by text, org text, "outreachDecision" text)`,
      [c.id, JSON.stringify(c.contacts)],
    );
  }
}
