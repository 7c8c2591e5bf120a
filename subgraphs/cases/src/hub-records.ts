import type { DataSource, EntityManager } from 'typeorm';

/** A meeting as case work needs it: its kind, whether it is open now, its full members and its subjects. */
export interface MeetingFacts {
  id: string;
  kind: string;
  open: boolean;
  fullMembers: string[];
  subjectPersonIds: string[];
  subjectHouseholdIds: string[];
}

export interface ConsentFacts {
  id: string;
  personId: string;
  /** Not revoked and within its period today (Japan's calendar). */
  active: boolean;
}

type Db = DataSource | EntityManager;

/**
 * What the cases subgraph reads of records other modules own: the hub subgraph's meetings, consents and register, and
 * the registry's residents, through the views their migrations export (hub: 1763800013500-exported-views.ts; juki:
 * views-migration.ts). The one place those views are named here, so that a change on their side has one place to
 * follow it on this side. It writes none of them: the demo city's meetings and consents are written by the hub's own
 * writer (`@welfare-hub/subgraph-hub/demo`), which the launcher hands to `loadCaseHistory`.
 */
export class HubRecords {
  constructor(private readonly db: DataSource) {}

  async meeting(id: string): Promise<MeetingFacts | null> {
    const [row] = await this.db.query(
      `SELECT m.id, m.kind, m.open,
         COALESCE((SELECT array_agg(r.staff_id ORDER BY r.staff_id) FROM hub.meeting_roster r WHERE r.meeting_id = m.id AND r.role = 'FULL'), '{}') AS "fullMembers",
         COALESCE((SELECT array_agg(s.person_id ORDER BY s.person_id) FROM hub.meeting_subject_list s WHERE s.meeting_id = m.id AND s.person_id IS NOT NULL), '{}') AS "subjectPersonIds",
         COALESCE((SELECT array_agg(s.setai_no ORDER BY s.setai_no) FROM hub.meeting_subject_list s WHERE s.meeting_id = m.id AND s.setai_no IS NOT NULL), '{}') AS "subjectHouseholdIds"
       FROM hub.meeting_state m WHERE m.id = $1`,
      [id],
    );
    return row ?? null;
  }

  /** Consents by id, with whether each is active today. */
  async consents(ids: readonly string[], db: Db = this.db): Promise<Map<string, ConsentFacts>> {
    if (ids.length === 0) return new Map();
    const rows: ConsentFacts[] = await db.query(
      `SELECT id, person_id AS "personId",
         (active AND valid_from <= (now() AT TIME ZONE 'Asia/Tokyo')::date AND valid_until >= (now() AT TIME ZONE 'Asia/Tokyo')::date) AS active
       FROM hub.consent_record WHERE id = ANY($1::text[])`,
      [[...new Set(ids)]],
    );
    return new Map(rows.map((r) => [r.id, r]));
  }

  /** The registered organisations among these ids, with the sectors each holds. */
  async organisations(ids: readonly string[]): Promise<Map<string, { id: string; sectors: string[]; outsideWelfare: boolean }>> {
    if (ids.length === 0) return new Map();
    const rows: { id: string; sectors: string[]; outsideWelfare: boolean }[] = await this.db.query(
      `SELECT id, sectors, outside_welfare AS "outsideWelfare" FROM hub.registered_organisation WHERE id = ANY($1::text[])`,
      [[...new Set(ids)]],
    );
    return new Map(rows.map((r) => [r.id, r]));
  }

  /** Every organisation's sectors: the figures group where cases were returned by the 主担当's sector. */
  async sectorsByOrganisation(): Promise<Map<string, string[]>> {
    const rows: { id: string; sectors: string[] }[] = await this.db.query(`SELECT id, sectors FROM hub.registered_organisation`);
    return new Map(rows.map((r) => [r.id, r.sectors]));
  }

  /** Registered staff among these ids, with their organisation. */
  async staff(ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows: { id: string; org_id: string }[] = await this.db.query(`SELECT id, org_id FROM hub.registered_staff WHERE id = ANY($1::text[])`, [
      [...new Set(ids)],
    ]);
    return new Map(rows.map((r) => [r.id, r.org_id]));
  }

  /** The ids among these that are residents (住民) today: a case or a referral is about a resident. */
  async residents(ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows: { atena_no: string }[] = await this.db.query(`SELECT atena_no FROM juki.current_resident WHERE atena_no = ANY($1::text[])`, [
      [...new Set(ids)],
    ]);
    return new Set(rows.map((r) => r.atena_no));
  }

  /** Each resident's current 世帯, to check that a 支援会議's subjects include a case's. */
  async households(ids: readonly string[], db: Db = this.db): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows: { atena_no: string; setai_no: string }[] = await db.query(
      `SELECT atena_no, setai_no FROM juki.current_resident WHERE atena_no = ANY($1::text[])`,
      [[...new Set(ids)]],
    );
    return new Map(rows.map((r) => [r.atena_no, r.setai_no]));
  }
}
