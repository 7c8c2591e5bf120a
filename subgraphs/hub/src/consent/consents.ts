import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';

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
  evidence: string | null;
  status: 'ACTIVE' | 'REVOKED';
  recordedBy: string;
  recordedOrg: string;
  recordedAt: Date;
  revokedAt: Date | null;
  revokedBy: string | null;
  revokeReason: string | null;
}

const SELECT = `SELECT id, person_id AS "personId", sectors, recipient_orgs AS "recipientOrgs", purpose,
  to_char(valid_from, 'YYYY-MM-DD') AS "validFrom", to_char(valid_until, 'YYYY-MM-DD') AS "validUntil", method,
  given_by AS "givenBy", evidence, status, recorded_by AS "recordedBy", recorded_org AS "recordedOrg", recorded_at AS "recordedAt",
  revoked_at AS "revokedAt", revoked_by AS "revokedBy", revoke_reason AS "revokeReason" FROM hub.consent`;

/** 本人同意 as the hub keeps it. */
export class Consents {
  constructor(private readonly db: DataSource) {}

  async record(c: Omit<ConsentRecord, 'id' | 'status' | 'recordedAt' | 'revokedAt' | 'revokedBy' | 'revokeReason'>): Promise<ConsentRecord> {
    const id = randomUUID();
    await this.db.query(
      `INSERT INTO hub.consent (id, person_id, sectors, recipient_orgs, purpose, valid_from, valid_until, method, given_by, evidence, recorded_by, recorded_org)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [id, c.personId, c.sectors, c.recipientOrgs, c.purpose, c.validFrom, c.validUntil, c.method, c.givenBy, c.evidence, c.recordedBy, c.recordedOrg],
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

  forPerson(personId: string): Promise<ConsentRecord[]> {
    return this.db.query(`${SELECT} WHERE person_id = $1 ORDER BY recorded_at DESC, id`, [personId]);
  }
}
