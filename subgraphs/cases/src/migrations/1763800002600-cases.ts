import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CasesRecords1763800002600 implements MigrationInterface {
  name = 'CasesRecords1763800002600';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE SCHEMA IF NOT EXISTS cases`);
    // The 多機関協働 teams: a referral to one of them is accepted by opening a case.
    await db.query(`CREATE TABLE cases.team_org (org_id text PRIMARY KEY, registered_at timestamptz NOT NULL DEFAULT now())`);
    // つなぎ: who sent it, to whom, about whom and why; accepted (by a case, for a team) or declined with a reason.
    await db.query(`CREATE TABLE cases.referral (
      id text PRIMARY KEY, from_org text NOT NULL, sent_by text NOT NULL, to_org text NOT NULL, subject_ids text[] NOT NULL, reason text NOT NULL,
      state text NOT NULL CHECK (state IN ('SENT', 'ACCEPTED', 'DECLINED')), sent_at timestamptz NOT NULL DEFAULT now(),
      decided_at timestamptz, decided_by text, decline_reason text, case_id text)`);
    await db.query(`CREATE INDEX referral_by_receiver ON cases.referral (to_org, sent_at DESC)`);
    await db.query(`CREATE INDEX referral_by_sender ON cases.referral (from_org, sent_at DESC)`);
    await db.query(`CREATE INDEX referral_by_time ON cases.referral (sent_at)`);
    // A case ("case" is a keyword): with its consent (申込票) or without (【本人同意なし】, then under a 支援会議).
    await db.query(`CREATE TABLE cases.case_file (
      id text PRIMARY KEY, stage text NOT NULL CHECK (stage IN ('INTAKE', 'ASSESSMENT', 'PLANNING', 'ACTIVE', 'MONITORING', 'CLOSED')),
      route text NOT NULL, opened_at timestamptz NOT NULL DEFAULT now(), opened_by text NOT NULL, closed_at timestamptz,
      consent_id text, consent_attached_at timestamptz, without_consent boolean NOT NULL, summary text NOT NULL,
      lead_org text, returned_to text, referral_id text REFERENCES cases.referral (id),
      CHECK (without_consent = (consent_id IS NULL)), CHECK ((stage = 'CLOSED') = (closed_at IS NOT NULL)))`);
    await db.query(`CREATE INDEX case_by_opening ON cases.case_file (opened_at)`);
    await db.query(`CREATE INDEX case_by_closing ON cases.case_file (closed_at) WHERE closed_at IS NOT NULL`);
    await db.query(`CREATE INDEX case_by_return ON cases.case_file (returned_to) WHERE returned_to IS NOT NULL`);
    await db.query(`CREATE TABLE cases.case_subject (case_id text NOT NULL REFERENCES cases.case_file (id), person_id text NOT NULL, position int NOT NULL,
      PRIMARY KEY (case_id, person_id))`);
    await db.query(`CREATE INDEX case_subject_by_person ON cases.case_subject (person_id)`);
    // Each step, with the decision it rests on: the figures of a period read the stage a case had then.
    await db.query(`CREATE TABLE cases.stage_change (id bigserial PRIMARY KEY, case_id text NOT NULL REFERENCES cases.case_file (id), from_stage text,
      to_stage text NOT NULL, at timestamptz NOT NULL DEFAULT now(), by_staff text NOT NULL, decision_id text)`);
    await db.query(`CREATE INDEX stage_change_by_case ON cases.stage_change (case_id, id)`);
    // インテーク・アセスメントシート: every version kept; the newest is the case's assessment.
    await db.query(`CREATE TABLE cases.assessment (id bigserial PRIMARY KEY, case_id text NOT NULL REFERENCES cases.case_file (id), issues text[] NOT NULL,
      summary text NOT NULL, recorded_at timestamptz NOT NULL DEFAULT now(), recorded_by text NOT NULL, recorded_org text NOT NULL)`);
    await db.query(`CREATE INDEX assessment_by_case ON cases.assessment (case_id, id)`);
    // プラン: versions with goals and 役割分担; approved by a PLAN_APPROVED decision.
    await db.query(`CREATE TABLE cases.plan (case_id text NOT NULL REFERENCES cases.case_file (id), version int NOT NULL, goals text[] NOT NULL,
      review_on date NOT NULL, proposed_at timestamptz NOT NULL DEFAULT now(), proposed_by text NOT NULL, approved_at timestamptz,
      approved_by_decision text, PRIMARY KEY (case_id, version))`);
    await db.query(`CREATE TABLE cases.plan_role (case_id text NOT NULL, version int NOT NULL, position int NOT NULL, org_id text NOT NULL,
      person_id text, task text NOT NULL, PRIMARY KEY (case_id, version, position), FOREIGN KEY (case_id, version) REFERENCES cases.plan (case_id, version))`);
    await db.query(`CREATE INDEX plan_role_by_org ON cases.plan_role (org_id)`);
    // A meeting's decision about a case, with who was present: kept with the case, so it outlives the meeting.
    await db.query(`CREATE TABLE cases.decision (id text PRIMARY KEY, case_id text NOT NULL REFERENCES cases.case_file (id), meeting_id text NOT NULL,
      meeting_kind text NOT NULL, kind text NOT NULL, at timestamptz NOT NULL DEFAULT now(), note text, present text[] NOT NULL,
      recorded_by text NOT NULL, person_id text, lead_org text, plan_version int)`);
    await db.query(`CREATE INDEX decision_by_case ON cases.decision (case_id, at)`);
    await db.query(`CREATE INDEX decision_by_time ON cases.decision (at)`);
    // 参加支援の受入先 and the participations matched to them.
    await db.query(`CREATE TABLE cases.host (id text PRIMARY KEY, name text NOT NULL, offers text[] NOT NULL, registered_by text NOT NULL,
      registered_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now())`);
    await db.query(`CREATE TABLE cases.participation (id text PRIMARY KEY, case_id text NOT NULL REFERENCES cases.case_file (id), person_id text NOT NULL,
      host_id text NOT NULL REFERENCES cases.host (id), state text NOT NULL CHECK (state IN ('MATCHED', 'ACTIVE', 'SETTLED', 'ENDED')),
      started_at timestamptz NOT NULL DEFAULT now(), ended_at timestamptz, decision_id text NOT NULL REFERENCES cases.decision (id), started_by text NOT NULL)`);
    await db.query(`CREATE INDEX participation_by_case ON cases.participation (case_id)`);
    // 支援経過: contacts on a case, or follow-ups of a participation; before consent, under the OUTREACH_PLANNED decision.
    await db.query(`CREATE TABLE cases.contact (id text PRIMARY KEY, case_id text NOT NULL REFERENCES cases.case_file (id),
      participation_id text REFERENCES cases.participation (id), at timestamptz NOT NULL, kind text NOT NULL, note text NOT NULL, person_id text,
      by_staff text NOT NULL, by_org text NOT NULL, recorded_at timestamptz NOT NULL DEFAULT now(), outreach_decision text REFERENCES cases.decision (id))`);
    await db.query(`CREATE INDEX contact_by_case ON cases.contact (case_id, at)`);
    await db.query(`CREATE INDEX contact_by_time ON cases.contact (at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP SCHEMA cases CASCADE`);
  }
}
