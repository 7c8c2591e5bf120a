// What a demo city needs of the hub's meetings and consents, without the subgraph (a light entry,
// `@welfare-hub/subgraph-hub/demo`): the launcher writes the demo city's year of case work before any subgraph runs.
import type { EntityManager } from 'typeorm';

/** A meeting of the demo city's year of case work, as the city generator writes it (cases.json). */
export interface DemoMeeting {
  id: string;
  kind: string;
  title: string;
  subjectPersonIds: string[];
  subjectHouseholdIds: string[];
  members: string[];
  opensAt: string;
  closesAt: string;
  closedAt: string | null;
  convenedBy: string;
}

/** A consent of the demo city's year of case work, as the city generator writes it (cases.json). */
export interface DemoConsent {
  id: string;
  personId: string;
  sectors: string[];
  recipientOrgs: string[];
  purpose: string;
  validFrom: string;
  validUntil: string;
  givenBy: string | null;
  evidence: string;
  recordedBy: string;
  recordedOrg: string;
  recordedAt: string;
}

/**
 * The demo city's meetings and consents of its year of case work, written into the hub's tables inside the caller's
 * transaction (the case history's loader holds its lock there, so a start that is cut off writes none of them). Demo
 * data only: real meetings and consents come through the hub's own mutations (`Meetings`, `Consents`).
 */
export async function writeDemoRecords(tx: EntityManager, meetings: readonly DemoMeeting[], consents: readonly DemoConsent[]): Promise<void> {
  for (const m of meetings) {
    await tx.query(
      `INSERT INTO hub.meeting (id, kind, title, opens_at, closes_at, closed_at, convened_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $4)`,
      [m.id, m.kind, m.title, m.opensAt, m.closesAt, m.closedAt, m.convenedBy],
    );
    await tx.query(`INSERT INTO hub.meeting_subject (meeting_id, person_id) SELECT $1, unnest($2::text[])`, [m.id, m.subjectPersonIds]);
    await tx.query(`INSERT INTO hub.meeting_subject (meeting_id, setai_no) SELECT $1, unnest($2::text[])`, [m.id, m.subjectHouseholdIds]);
    await tx.query(`INSERT INTO hub.meeting_member (meeting_id, staff_id, role, added_at) SELECT $1, unnest($2::text[]), 'FULL', $3`, [
      m.id,
      m.members,
      m.opensAt,
    ]);
  }
  for (const c of consents) {
    await tx.query(
      `INSERT INTO hub.consent (id, person_id, sectors, recipient_orgs, purpose, valid_from, valid_until, method, given_by, evidence, recorded_by, recorded_org, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'WRITTEN', $8, $9, $10, $11, $12)`,
      [
        c.id,
        c.personId,
        c.sectors,
        c.recipientOrgs,
        c.purpose,
        c.validFrom,
        c.validUntil,
        c.givenBy,
        c.evidence,
        c.recordedBy,
        c.recordedOrg,
        c.recordedAt,
      ],
    );
  }
}
