import type { DataSource } from 'typeorm';

export interface ActiveConsent {
  id: string;
  personId: string;
  sectors: string[];
}

/**
 * The consents that let this organisation see these persons today: not revoked, within their period (both
 * ends included, in Japan's calendar), naming the organisation. One query for any number of persons.
 */
export async function activeConsents(db: DataSource, orgId: string, personIds: readonly string[], today: string): Promise<ActiveConsent[]> {
  return db.query(
    `SELECT id, person_id AS "personId", sectors FROM hub.consent
     WHERE person_id = ANY($1::text[]) AND status = 'ACTIVE' AND $2 = ANY(recipient_orgs)
       AND valid_from <= $3::date AND valid_until >= $3::date
     ORDER BY recorded_at DESC, id`,
    [[...new Set(personIds)], orgId, today],
  );
}
