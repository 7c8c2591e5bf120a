import type { DataSource } from 'typeorm';
import type { Sector } from '@welfare-hub/policy';

export interface Organisation {
  id: string;
  name: string;
  sectors: Sector[];
  /** 民生委員, a utility, a newspaper shop: its staff join a 支援会議 as submit-only unless a coordinator says otherwise. */
  outsideWelfare?: boolean;
  /** How to reach it: shown to case workers as the lead of a sector. */
  contact?: string | null;
}

export interface Staff {
  id: string;
  orgId: string;
  name: string;
}

/** The register of organisations and staff (the hub's own records). Registering an existing id updates it. */
export class Register {
  constructor(private readonly db: DataSource) {}

  async upsertOrganisation(org: Organisation): Promise<Organisation> {
    const [row] = await this.db.query(
      `INSERT INTO hub.organisation (id, name, sectors, outside_welfare, contact) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, sectors = EXCLUDED.sectors, outside_welfare = EXCLUDED.outside_welfare,
         contact = EXCLUDED.contact, updated_at = now()
       RETURNING ${ORGANISATION_COLUMNS}`,
      [org.id, org.name, [...new Set(org.sectors)].sort(), org.outsideWelfare ?? false, org.contact ?? null],
    );
    return row;
  }

  async upsertStaff(staff: Staff): Promise<Staff> {
    const [row] = await this.db.query(
      `INSERT INTO hub.staff (id, org_id, name) VALUES ($1, $2, $3)
       ON CONFLICT (id) DO UPDATE SET org_id = EXCLUDED.org_id, name = EXCLUDED.name, updated_at = now()
       RETURNING id, org_id AS "orgId", name`,
      [staff.id, staff.orgId, staff.name],
    );
    return row;
  }

  /** Inserts what is missing and leaves what exists as an admin last set it. */
  async seedOrganisation(org: Organisation): Promise<void> {
    await this.db.query(`INSERT INTO hub.organisation (id, name, sectors, outside_welfare, contact) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING`, [
      org.id,
      org.name,
      org.sectors,
      org.outsideWelfare ?? false,
      org.contact ?? null,
    ]);
  }

  async seedStaff(staff: Staff): Promise<void> {
    await this.db.query(`INSERT INTO hub.staff (id, org_id, name) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING`, [
      staff.id,
      staff.orgId,
      staff.name,
    ]);
  }

  async organisations(ids?: readonly string[]): Promise<Organisation[]> {
    return this.db.query(
      `SELECT ${ORGANISATION_COLUMNS} FROM hub.organisation WHERE $1::text[] IS NULL OR id = ANY($1) ORDER BY id`,
      [ids ?? null],
    );
  }

  async staff(filter: { ids?: readonly string[]; orgId?: string | null }): Promise<Staff[]> {
    return this.db.query(
      `SELECT id, org_id AS "orgId", name FROM hub.staff
       WHERE ($1::text[] IS NULL OR id = ANY($1)) AND ($2::text IS NULL OR org_id = $2) ORDER BY id`,
      [filter.ids ?? null, filter.orgId ?? null],
    );
  }
}

const ORGANISATION_COLUMNS = `id, name, sectors, outside_welfare AS "outsideWelfare", contact`;
