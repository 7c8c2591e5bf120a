import { createHash } from 'node:crypto';

/**
 * What an entry records beyond an access decision: null for a sector decision (the log's first kind of entry);
 * READ or SEARCH for a read of a resident's identity (the registry's fields: the contract's identityLog);
 * RESTRICT for a privacy officer's 不開示 of the entry named by `reference` (個人情報保護法78条).
 */
export type EntryAction = 'READ' | 'SEARCH' | 'RESTRICT';

/** One access decision, identity read or restriction as the log keeps it. */
export interface AuditEntry {
  at: Date;
  requestId: string;
  staffId: string;
  orgId: string;
  personId: string;
  /** The sector a decision was about; null for an identity read and a restriction. */
  sector: string | null;
  status: 'GRANTED' | 'DENIED';
  basis: string | null;
  /** The consent or meeting a decision rests on; for a restriction, the id of the entry restricted. */
  reference: string | null;
  /** Why, readable by a privacy officer and by the person (purpose.ts); never personal data. */
  purpose: string;
  action?: EntryAction | null;
  /** Identity reads: whether the person was under a 住民基本台帳 支援措置 at the time. */
  protected?: boolean | null;
}

/**
 * The hash of an entry: its id, its fields in a fixed order, and the hash of the entry before it. A decision hashes
 * exactly as it did before identity reads joined the log, so chains written then still verify.
 */
export function entryHash(id: string, entry: AuditEntry, prevHash: string): string {
  const fields = [
    id,
    entry.at.toISOString(),
    entry.requestId,
    entry.staffId,
    entry.orgId,
    entry.personId,
    entry.sector ?? '',
    entry.status,
    entry.basis ?? '',
    entry.reference ?? '',
    entry.purpose,
  ];
  if (entry.action) fields.push(entry.action, entry.protected == null ? '' : String(entry.protected));
  return createHash('sha256').update(prevHash).update('\n').update(JSON.stringify(fields)).digest('hex');
}

/** An entry as a row of audit.entry reads back. */
export function entryFromRow(r: Record<string, unknown>): AuditEntry {
  return {
    at: r['at'] as Date,
    requestId: r['request_id'] as string,
    staffId: r['staff_id'] as string,
    orgId: r['org_id'] as string,
    personId: r['person_id'] as string,
    sector: (r['sector'] as string | null) ?? null,
    status: r['status'] as 'GRANTED' | 'DENIED',
    basis: (r['basis'] as string | null) ?? null,
    reference: (r['reference'] as string | null) ?? null,
    purpose: r['purpose'] as string,
    action: (r['action'] as EntryAction | null) ?? null,
    protected: (r['protected'] as boolean | null) ?? null,
  };
}

/** The columns entryFromRow needs, with the chain's own. */
export const ENTRY_COLUMNS =
  'id::text, at, request_id, staff_id, org_id, person_id, sector, status, basis, reference, purpose, action, protected, prev_hash, hash';
