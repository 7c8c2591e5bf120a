import { createHash } from 'node:crypto';

/** One access decision as the log keeps it. */
export interface AuditEntry {
  at: Date;
  requestId: string;
  staffId: string;
  orgId: string;
  personId: string;
  sector: string;
  status: 'GRANTED' | 'DENIED';
  basis: string | null;
  reference: string | null;
  /** Why the decision was asked for (the field it guards). */
  purpose: string;
}

/** The hash of an entry: its id, its fields in a fixed order, and the hash of the entry before it. */
export function entryHash(id: string, entry: AuditEntry, prevHash: string): string {
  const fields = [id, entry.at.toISOString(), entry.requestId, entry.staffId, entry.orgId, entry.personId, entry.sector, entry.status, entry.basis ?? '', entry.reference ?? '', entry.purpose];
  return createHash('sha256').update(prevHash).update('\n').update(JSON.stringify(fields)).digest('hex');
}
