import type { DataSource } from 'typeorm';

/** One read of case work about a person, as the chain keeps it (sector column 'CASE', the case or referral as reference). */
export interface CaseAccessRecord {
  id: string;
  at: Date;
  staffId: string;
  orgId: string;
  status: 'GRANTED' | 'DENIED';
  basis: string | null;
  reference: string | null;
  purpose: string;
}

/** 本人開示 of case work: who read (or was refused) a case or referral about this person, newest first. */
export async function caseReadsOf(db: DataSource, personId: string, limit: number, offset: number): Promise<CaseAccessRecord[]> {
  const rows: Record<string, unknown>[] = await db.query(
    `SELECT id::text, at, staff_id, org_id, status, basis, reference, purpose FROM audit.entry entry
     WHERE person_id = $1 AND sector = 'CASE' ORDER BY entry.id DESC LIMIT $2 OFFSET $3`,
    [personId, limit, offset],
  );
  return rows.map((r) => ({
    id: r['id'] as string,
    at: r['at'] as Date,
    staffId: r['staff_id'] as string,
    orgId: r['org_id'] as string,
    status: r['status'] as 'GRANTED' | 'DENIED',
    basis: (r['basis'] as string | null) ?? null,
    reference: (r['reference'] as string | null) ?? null,
    purpose: r['purpose'] as string,
  }));
}
