import type { DataSource, EntityManager } from 'typeorm';
import { ownSectorGrants, type AuditEntry } from '@welfare-hub/audit';

/** Who changed the register, as the token named them; admins need only the role, so they may be unregistered. */
export interface RegisterActor {
  staffId: string;
  orgId: string;
  registered: boolean;
  requestId: string;
}

export type RegisterEntity = 'ORGANISATION' | 'STAFF';

/** What the privacy officer is asked to look at in a change to the register. */
export type RegisterChangeFlag =
  'SECTORS_WIDENED' | 'BROUGHT_INSIDE_WELFARE' | 'STAFF_MOVED' | 'OWN_REGISTRATION' | 'UNREGISTERED_ACTOR' | 'REVERTS_PREVIOUS' | 'REVERTED';

export interface RegisterState {
  name: string;
  sectors?: string[];
  outsideWelfare?: boolean;
  contact?: string | null;
  orgId?: string;
}

export interface RegisterChange {
  id: string;
  at: Date;
  changedBy: string;
  changedByOrg: string;
  changedByRegistered: boolean;
  entity: RegisterEntity;
  entityId: string;
  before: RegisterState | null;
  after: RegisterState;
  flags: RegisterChangeFlag[];
  /** When the entity next changed (null: still as this change left it): the window a widening was in force. */
  until: Date | null;
}

type Db = DataSource | EntityManager;

/** A state with its keys sorted: jsonb keeps its own key order, and equal states must compare equal. */
const canonical = (state: RegisterState | null): string | null =>
  state === null ? null : JSON.stringify(Object.fromEntries(Object.entries(state).sort(([a], [b]) => (a < b ? -1 : 1))));

/**
 * The audit entry of a change to the register, written before the change (fail closed: no change without its
 * entry). It names the entity and the state asked for, never a person: the chain alone then shows an
 * organisation's sectors widened and put back, whatever becomes of the history table. personId is empty and the
 * sector REGISTER: it is no one's 本人開示 and no access decision.
 */
export function registerAuditEntry(actor: RegisterActor, entity: RegisterEntity, entityId: string, requested: RegisterState): AuditEntry {
  const state =
    entity === 'ORGANISATION'
      ? `sectors=${(requested.sectors ?? []).join(',')} outsideWelfare=${requested.outsideWelfare === true}`
      : `org=${requested.orgId ?? ''}`;
  return {
    at: new Date(),
    requestId: actor.requestId,
    staffId: actor.staffId,
    orgId: actor.orgId,
    personId: '',
    sector: 'REGISTER',
    status: 'GRANTED',
    basis: null,
    reference: `${entity}:${entityId}`,
    purpose: `${entity === 'ORGANISATION' ? 'registerOrganisation' : 'registerStaff'} ${state}`,
  };
}

/** Appends the change in the caller's transaction, when there is one: re-registering an entity as it is changes nothing. */
export async function recordRegisterChange(
  tx: Db,
  actor: RegisterActor,
  entity: RegisterEntity,
  entityId: string,
  before: RegisterState | null,
  after: RegisterState,
): Promise<void> {
  if (canonical(before) === canonical(after)) return;
  await tx.query(
    `INSERT INTO hub.register_change (changed_by, changed_by_org, changed_by_registered, entity, entity_id, before, after)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [actor.staffId, actor.orgId, actor.registered, entity, entityId, before === null ? null : JSON.stringify(before), JSON.stringify(after)],
  );
}

interface Row {
  id: string;
  at: Date;
  changed_by: string;
  changed_by_org: string;
  changed_by_registered: boolean;
  entity: RegisterEntity;
  entity_id: string;
  before: RegisterState | null;
  after: RegisterState;
  previous_before: RegisterState | null;
  has_previous: boolean;
  next_after: RegisterState | null;
  until: Date | null;
}

function flagsOf(r: Row): RegisterChangeFlag[] {
  const flags: RegisterChangeFlag[] = [];
  const added = (r.after.sectors ?? []).filter((s) => !(r.before?.sectors ?? []).includes(s));
  if (added.length > 0) flags.push('SECTORS_WIDENED');
  if (r.before?.outsideWelfare === true && r.after.outsideWelfare === false) flags.push('BROUGHT_INSIDE_WELFARE');
  if (r.entity === 'STAFF' && r.before !== null && r.before.orgId !== r.after.orgId) flags.push('STAFF_MOVED');
  if ((r.entity === 'ORGANISATION' && r.entity_id === r.changed_by_org) || (r.entity === 'STAFF' && r.entity_id === r.changed_by))
    flags.push('OWN_REGISTRATION');
  if (!r.changed_by_registered) flags.push('UNREGISTERED_ACTOR');
  const same = (a: RegisterState | null, b: RegisterState | null): boolean => a !== null && b !== null && canonical(a) === canonical(b);
  if (r.has_previous && same(r.after, r.previous_before)) flags.push('REVERTS_PREVIOUS');
  if (same(r.next_after, r.before)) flags.push('REVERTED');
  return flags;
}

/** The register's history, for the privacy officer. */
export class RegisterHistory {
  constructor(private readonly db: DataSource) {}

  /** Changes in a period, newest first, each with its flags, read against the entity's changes before and after it. */
  async list(filter: { from: Date | null; to: Date | null; limit: number; offset: number }): Promise<RegisterChange[]> {
    const rows: Row[] = await this.db.query(
      `SELECT * FROM (
         SELECT id::text, at, changed_by, changed_by_org, changed_by_registered, entity, entity_id, before, after,
           lag(before) OVER w AS previous_before, lag(id) OVER w IS NOT NULL AS has_previous, lead(after) OVER w AS next_after, lead(at) OVER w AS until
         FROM hub.register_change WINDOW w AS (PARTITION BY entity, entity_id ORDER BY id)) c
       WHERE ($1::timestamptz IS NULL OR at >= $1) AND ($2::timestamptz IS NULL OR at <= $2)
       ORDER BY id DESC LIMIT $3 OFFSET $4`,
      [filter.from, filter.to, filter.limit, filter.offset],
    );
    return rows.map((r) => ({
      id: r.id,
      at: r.at,
      changedBy: r.changed_by,
      changedByOrg: r.changed_by_org,
      changedByRegistered: r.changed_by_registered,
      entity: r.entity,
      entityId: r.entity_id,
      before: r.before,
      after: r.after,
      flags: flagsOf(r),
      until: r.until,
    }));
  }

  /**
   * Access granted on OWN_SECTOR to the organisation's staff, for the sectors a change added, while the change was in
   * force: the decisions that look lawful in the log only because of the widening.
   */
  async grantsWhileInForce(change: RegisterChange): Promise<number> {
    const added = (change.after.sectors ?? []).filter((s) => !(change.before?.sectors ?? []).includes(s));
    if (change.entity !== 'ORGANISATION' || added.length === 0) return 0;
    return ownSectorGrants(this.db, change.entityId, added, change.at, change.until);
  }
}
