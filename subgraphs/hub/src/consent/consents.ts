import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Guardian } from './guardian.js';

export interface ConsentRecord {
  id: string;
  personId: string;
  sectors: string[];
  recipientOrgs: string[];
  purpose: string;
  validFrom: string;
  validUntil: string;
  method: 'WRITTEN' | 'ORAL';
  givenBy: string | null;
  /** Who gave it on the person's behalf, if someone did. */
  guardian: Guardian | null;
  /** The signed 申込票 or 同意書, or for an oral consent who witnessed it. */
  evidence: string | null;
  status: 'ACTIVE' | 'REVOKED';
  recordedBy: string;
  recordedOrg: string;
  recordedAt: Date;
  revokedAt: Date | null;
  revokedBy: string | null;
  revokeReason: string | null;
}

/** What a privacy officer is asked to look at in a consent (the contract's ConsentFlag). */
export type ConsentFlag = 'SELF_RECIPIENT' | 'NO_EVIDENCE' | 'GUARDIAN_UNVERIFIED';

const SELECT = `SELECT id, person_id AS "personId", sectors, recipient_orgs AS "recipientOrgs", purpose,
  to_char(valid_from, 'YYYY-MM-DD') AS "validFrom", to_char(valid_until, 'YYYY-MM-DD') AS "validUntil", method,
  given_by AS "givenBy", evidence, status, recorded_by AS "recordedBy", recorded_org AS "recordedOrg", recorded_at AS "recordedAt",
  revoked_at AS "revokedAt", revoked_by AS "revokedBy", revoke_reason AS "revokeReason",
  CASE WHEN guardian_name IS NULL THEN NULL ELSE json_build_object('name', guardian_name, 'relationship', guardian_relationship,
    'personId', guardian_person_id, 'verified', guardian_verified) END AS guardian FROM hub.consent`;

/** The flags of a consent, in the contract's order. */
export function consentFlags(c: Pick<ConsentRecord, 'recordedOrg' | 'recipientOrgs' | 'evidence' | 'guardian'>): ConsentFlag[] {
  const flags: ConsentFlag[] = [];
  // The recording organisation granting itself: lawful when the person asked for it, and so reviewed, not refused.
  if (c.recipientOrgs.includes(c.recordedOrg)) flags.push('SELF_RECIPIENT');
  if (c.evidence === null) flags.push('NO_EVIDENCE');
  if (c.guardian !== null && !c.guardian.verified) flags.push('GUARDIAN_UNVERIFIED');
  return flags;
}

/** 本人同意 as the hub keeps it. */
export class Consents {
  constructor(private readonly db: DataSource) {}

  async record(c: Omit<ConsentRecord, 'id' | 'status' | 'recordedAt' | 'revokedAt' | 'revokedBy' | 'revokeReason'>): Promise<ConsentRecord> {
    const id = randomUUID();
    const g = c.guardian;
    await this.db.query(
      `INSERT INTO hub.consent (id, person_id, sectors, recipient_orgs, purpose, valid_from, valid_until, method, given_by, evidence, recorded_by, recorded_org,
         guardian_name, guardian_relationship, guardian_person_id, guardian_verified)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
      [
        id,
        c.personId,
        c.sectors,
        c.recipientOrgs,
        c.purpose,
        c.validFrom,
        c.validUntil,
        c.method,
        c.givenBy,
        c.evidence,
        c.recordedBy,
        c.recordedOrg,
        g?.name ?? null,
        g?.relationship ?? null,
        g?.personId ?? null,
        g?.verified ?? null,
      ],
    );
    return (await this.byId(id))!;
  }

  async revoke(id: string, by: string, reason: string): Promise<ConsentRecord | null> {
    await this.db.query(
      `UPDATE hub.consent SET status = 'REVOKED', revoked_at = now(), revoked_by = $2, revoke_reason = $3 WHERE id = $1 AND status = 'ACTIVE'`,
      [id, by, reason],
    );
    return this.byId(id);
  }

  async byId(id: string): Promise<ConsentRecord | null> {
    const [row] = await this.db.query(`${SELECT} WHERE id = $1`, [id]);
    return row ?? null;
  }

  /** Every consent of a person, revoked ones included, newest first. */
  forPerson(personId: string): Promise<ConsentRecord[]> {
    return this.db.query(`${SELECT} WHERE person_id = $1 ORDER BY recorded_at DESC, id`, [personId]);
  }

  /**
   * For the person's 開示請求 (`disclosure`): every consent of theirs, revoked ones included, with who recorded it
   * (staff and organisation), who gave it on their behalf, and who revoked it. Nothing is withheld here: a consent is
   * the person's own act.
   */
  forDisclosure(personId: string): Promise<ConsentRecord[]> {
    return this.forPerson(personId);
  }

  /** Consents recorded in a period, newest first, for the privacy officer's review; with their flags. */
  async review(filter: {
    from: Date | null;
    to: Date | null;
    flaggedOnly: boolean;
    limit: number;
    offset: number;
  }): Promise<{ consent: ConsentRecord; flags: ConsentFlag[] }[]> {
    // Flagged only: the three flags in SQL, so that a page of flagged consents is a page.
    const rows: ConsentRecord[] = await this.db.query(
      `${SELECT} WHERE ($1::timestamptz IS NULL OR recorded_at >= $1) AND ($2::timestamptz IS NULL OR recorded_at <= $2)
         AND (NOT $3 OR recorded_org = ANY(recipient_orgs) OR evidence IS NULL OR guardian_verified = false)
       ORDER BY recorded_at DESC, id LIMIT $4 OFFSET $5`,
      [filter.from, filter.to, filter.flaggedOnly, filter.limit, filter.offset],
    );
    return rows.map((consent) => ({ consent, flags: consentFlags(consent) }));
  }
}
