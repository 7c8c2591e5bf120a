import { sectorCodes } from '@welfare-hub/sectors';
import type { DataSource } from 'typeorm';
import type { AuditLog } from './audit-log.js';
import { readablePurpose, restrictionPurpose, restrictionReason } from './purpose.js';

/** A privacy officer's 不開示 of an entry: itself an entry of the chain (action RESTRICT). */
export interface Restriction {
  at: Date;
  staffId: string;
  orgId: string;
  reason: string;
}

interface Recorded {
  id: string;
  at: Date;
  staffId: string;
  orgId: string;
  purpose: string;
  restricted: boolean;
  restriction: Restriction | null;
}

/** A sector decision about a person. */
export interface AccessRecord extends Recorded {
  sector: string;
  status: 'GRANTED' | 'DENIED';
  basis: string | null;
  reference: string | null;
}

/** A read of a person's identity (the registry's fields). */
export interface IdentityAccessRecord extends Recorded {
  personId: string;
  action: 'READ' | 'SEARCH';
  /** The person was under a 住民基本台帳 支援措置 when read. */
  protected: boolean;
}

/** What the person is shown on a 開示請求: the entries not restricted, and how many were withheld. */
export interface Disclosure {
  personId: string;
  entries: AccessRecord[];
  identityEntries: IdentityAccessRecord[];
  withheld: number;
}

export interface Period {
  from: Date | null;
  to: Date | null;
}

export interface Page {
  limit: number;
  offset: number;
}

/** Who restricts, and in which request: the restriction's own entry records them. */
export interface Restrictor {
  staffId: string;
  orgId: string;
  requestId: string;
}

export class NoSuchRecord extends Error {
  constructor() {
    super('no such record');
  }
}

const IDENTITY = `e.action IN ('READ', 'SEARCH')`;
// A sector decision: not an identity read, and not the chain's other entries (a case read, sector 'CASE', has its own log,
// case-log.ts; a change to the register, sector 'REGISTER', is about no person).
// Every registered sector's (@welfare-hub/sectors): a decision about a sector added later is in the person's log too.
// The codes are enum values (registerSector checks them), so they are written into the statement as they are.
const DECISION_OF = (codes: readonly string[]): string => `e.action IS NULL AND e.sector IN (${codes.map((c) => `'${c}'`).join(', ')})`;
const decision = (): string => DECISION_OF(sectorCodes());
// The restriction of each entry, if any: the earliest RESTRICT entry naming it.
const COLUMNS = `e.id::text, e.at, e.staff_id, e.org_id, e.person_id, e.sector, e.status, e.basis, e.reference, e.purpose, e.action, e.protected,
  r.at AS r_at, r.staff_id AS r_staff_id, r.org_id AS r_org_id, r.purpose AS r_purpose`;
const FROM = `FROM audit.entry e LEFT JOIN LATERAL (
    SELECT at, staff_id, org_id, purpose FROM audit.entry r WHERE r.action = 'RESTRICT' AND r.reference = e.id::text ORDER BY r.id LIMIT 1) r ON true`;
const PERIOD = (from: string, to: string): string =>
  `(${from}::timestamptz IS NULL OR e.at >= ${from}) AND (${to}::timestamptz IS NULL OR e.at <= ${to})`;

/**
 * The log read for a privacy officer and for 本人開示: sector decisions (accessLog), identity reads (identityLog,
 * protectedReads) and what a person is shown (disclosure), each entry with whether it was restricted; and
 * restricting an entry, which appends a RESTRICT entry to the same chain, so the entry stays and the chain verifies.
 */
export class AuditRecords {
  constructor(
    private readonly db: DataSource,
    private readonly log: AuditLog,
  ) {}

  /** 本人開示: who saw (or was refused) what about this person, newest first. */
  async accessLog(personId: string, period: Period, page: Page): Promise<AccessRecord[]> {
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT ${COLUMNS} ${FROM} WHERE e.person_id = $1 AND ${decision()} AND ${PERIOD('$2', '$3')} ORDER BY e.id DESC LIMIT $4 OFFSET $5`,
      [personId, period.from, period.to, page.limit, page.offset],
    );
    return rows.map(accessRecord);
  }

  /** Who read this person's identity, newest first. */
  async identityLog(personId: string, period: Period, page: Page): Promise<IdentityAccessRecord[]> {
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT ${COLUMNS} ${FROM} WHERE e.person_id = $1 AND ${IDENTITY} AND ${PERIOD('$2', '$3')} ORDER BY e.id DESC LIMIT $4 OFFSET $5`,
      [personId, period.from, period.to, page.limit, page.offset],
    );
    return rows.map(identityRecord);
  }

  /** Every read of a resident under a 支援措置, newest first. */
  async protectedReads(period: Period, page: Page): Promise<IdentityAccessRecord[]> {
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT ${COLUMNS} ${FROM} WHERE e.protected AND ${PERIOD('$1', '$2')} ORDER BY e.id DESC LIMIT $3 OFFSET $4`,
      [period.from, period.to, page.limit, page.offset],
    );
    return rows.map(identityRecord);
  }

  /**
   * What the person is shown: every decision and identity read about them within retention, oldest first, the
   * restricted ones left out and counted (番号法23条2項 records a 不開示 the same way).
   */
  async disclosure(personId: string, period: Period): Promise<Disclosure> {
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT ${COLUMNS} ${FROM} WHERE e.person_id = $1 AND (${decision()} OR ${IDENTITY}) AND ${PERIOD('$2', '$3')} ORDER BY e.id`,
      [personId, period.from, period.to],
    );
    const shown = rows.filter((r) => r['r_at'] == null);
    return {
      personId,
      entries: shown.filter((r) => r['action'] == null).map(accessRecord),
      identityEntries: shown.filter((r) => r['action'] != null).map(identityRecord),
      withheld: rows.length - shown.length,
    };
  }

  /**
   * 不開示 (個人情報保護法78条): marks an entry of the given kind restricted by appending a RESTRICT entry that names it,
   * committed before the answer. Restricting an entry already restricted changes nothing and returns it.
   */
  async restrict(kind: 'decision' | 'identity', entryId: string, reason: string, by: Restrictor): Promise<AccessRecord | IdentityAccessRecord> {
    const found = await this.entry(kind, entryId);
    if (!found) throw new NoSuchRecord();
    if (found['r_at'] == null) {
      await this.log.append([
        {
          at: new Date(),
          requestId: by.requestId,
          staffId: by.staffId,
          orgId: by.orgId,
          personId: found['person_id'] as string,
          sector: null,
          status: 'GRANTED',
          basis: null,
          reference: entryId,
          purpose: restrictionPurpose(reason),
          action: 'RESTRICT',
          protected: null,
        },
      ]);
    }
    const restricted = (await this.entry(kind, entryId))!;
    return kind === 'decision' ? accessRecord(restricted) : identityRecord(restricted);
  }

  private async entry(kind: 'decision' | 'identity', entryId: string): Promise<Record<string, unknown> | undefined> {
    if (!/^\d{1,18}$/.test(entryId)) return undefined;
    const [row]: Record<string, unknown>[] = await this.db.query(
      `SELECT ${COLUMNS} ${FROM} WHERE e.id = $1 AND ${kind === 'decision' ? decision() : IDENTITY}`,
      [entryId],
    );
    return row;
  }
}

function recorded(r: Record<string, unknown>): Recorded {
  const restriction: Restriction | null =
    r['r_at'] == null
      ? null
      : {
          at: r['r_at'] as Date,
          staffId: r['r_staff_id'] as string,
          orgId: r['r_org_id'] as string,
          reason: restrictionReason(r['r_purpose'] as string),
        };
  return {
    id: r['id'] as string,
    at: r['at'] as Date,
    staffId: r['staff_id'] as string,
    orgId: r['org_id'] as string,
    purpose: readablePurpose(
      r['purpose'] as string,
      (r['sector'] as string | null) ?? null,
      r['status'] as string,
      (r['basis'] as string | null) ?? null,
    ),
    restricted: restriction !== null,
    restriction,
  };
}

function accessRecord(r: Record<string, unknown>): AccessRecord {
  return {
    ...recorded(r),
    sector: r['sector'] as string,
    status: r['status'] as 'GRANTED' | 'DENIED',
    basis: (r['basis'] as string | null) ?? null,
    reference: (r['reference'] as string | null) ?? null,
  };
}

function identityRecord(r: Record<string, unknown>): IdentityAccessRecord {
  return { ...recorded(r), personId: r['person_id'] as string, action: r['action'] as 'READ' | 'SEARCH', protected: r['protected'] === true };
}
