import type { DataSource } from 'typeorm';
import type { Sector } from '@welfare-hub/policy';
import { inTransaction } from '@welfare-hub/store';
import { recordRegisterChange, type RegisterActor, type RegisterState } from './history.js';

/** Who the token names, and whether the register knows them (Query.me). */
export interface ViewerRecord {
  staffId: string;
  orgId: string;
  roles: readonly string[];
  registered: boolean;
}

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

  /** Registers or updates an organisation; the change, if it is one, goes into the register's history in the same transaction. */
  async upsertOrganisation(org: Organisation, actor: RegisterActor): Promise<Organisation> {
    return inTransaction(this.db, async (tx) => {
      const [before]: Organisation[] = await tx.query(`SELECT ${ORGANISATION_COLUMNS} FROM hub.organisation WHERE id = $1 FOR UPDATE`, [org.id]);
      const [row]: Organisation[] = await tx.query(
        `INSERT INTO hub.organisation (id, name, sectors, outside_welfare, contact) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, sectors = EXCLUDED.sectors, outside_welfare = EXCLUDED.outside_welfare,
           contact = EXCLUDED.contact, updated_at = now()
         RETURNING ${ORGANISATION_COLUMNS}`,
        [org.id, org.name, [...new Set(org.sectors)].sort(), org.outsideWelfare ?? false, org.contact ?? null],
      );
      await recordRegisterChange(tx, actor, 'ORGANISATION', org.id, before ? organisationState(before) : null, organisationState(row!));
      return row!;
    });
  }

  /** Registers or updates a staff member (moving them is changing their organisation); the change goes into the history. */
  async upsertStaff(staff: Staff, actor: RegisterActor): Promise<Staff> {
    return inTransaction(this.db, async (tx) => {
      const [before]: Staff[] = await tx.query(`SELECT id, org_id AS "orgId", name FROM hub.staff WHERE id = $1 FOR UPDATE`, [staff.id]);
      const [row]: Staff[] = await tx.query(
        `INSERT INTO hub.staff (id, org_id, name) VALUES ($1, $2, $3)
         ON CONFLICT (id) DO UPDATE SET org_id = EXCLUDED.org_id, name = EXCLUDED.name, updated_at = now()
         RETURNING id, org_id AS "orgId", name`,
        [staff.id, staff.orgId, staff.name],
      );
      await recordRegisterChange(tx, actor, 'STAFF', staff.id, before ? staffState(before) : null, staffState(row!));
      return row!;
    });
  }

  /** Inserts what is missing and leaves what exists as an admin last set it. */
  async seedOrganisation(org: Organisation): Promise<void> {
    await this.db.query(
      `INSERT INTO hub.organisation (id, name, sectors, outside_welfare, contact) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING`,
      [org.id, org.name, org.sectors, org.outsideWelfare ?? false, org.contact ?? null],
    );
  }

  async seedStaff(staff: Staff): Promise<void> {
    await this.db.query(`INSERT INTO hub.staff (id, org_id, name) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING`, [
      staff.id,
      staff.orgId,
      staff.name,
    ]);
  }

  async organisations(ids?: readonly string[]): Promise<Organisation[]> {
    return this.db.query(`SELECT ${ORGANISATION_COLUMNS} FROM hub.organisation WHERE $1::text[] IS NULL OR id = ANY($1) ORDER BY id`, [ids ?? null]);
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

// The history's states, with their keys in one order, so that equal states compare equal.
const organisationState = (o: Organisation): RegisterState => ({
  name: o.name,
  sectors: [...o.sectors].sort(),
  outsideWelfare: o.outsideWelfare ?? false,
  contact: o.contact ?? null,
});
const staffState = (s: Staff): RegisterState => ({ name: s.name, orgId: s.orgId });
