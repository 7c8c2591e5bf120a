import type { DataSource, EntityManager } from 'typeorm';
import type { Case, Child } from './records.js';

/**
 * Upserts what a read brought. After a full read, records it no longer lists are marked removed (kept);
 * an incremental read removes nothing. Returns how many were marked removed.
 */
export async function applyRead(tx: EntityManager, full: boolean, children: readonly Child[], cases: readonly Case[]): Promise<number> {
  for (let i = 0; i < children.length; i += 1000) {
    const b = children.slice(i, i + 1000);
    await tx.query(
      `INSERT INTO kodomo.child (child_id, atena_no, name, name_kana, birth_date, sex, updated_at)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::date[], $6::text[], $7::timestamptz[])
       ON CONFLICT (child_id) DO UPDATE SET atena_no = EXCLUDED.atena_no, name = EXCLUDED.name, name_kana = EXCLUDED.name_kana,
         birth_date = EXCLUDED.birth_date, sex = EXCLUDED.sex, updated_at = EXCLUDED.updated_at, in_source = true, removed_at = NULL`,
      [b.map((c) => c.childId), b.map((c) => c.atenaNo), b.map((c) => c.name), b.map((c) => c.nameKana), b.map((c) => c.birthDate), b.map((c) => c.sex), b.map((c) => c.updatedAt)],
    );
  }
  for (let i = 0; i < cases.length; i += 1000) {
    const b = cases.slice(i, i + 1000);
    await tx.query(
      `INSERT INTO kodomo.case (case_id, subject_type, child_id, atena_no, name, name_kana, birth_date, category, category_known,
         status, opened_on, closed_on, young_carer_concern, updated_at)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::date[], $8::text[], $9::boolean[],
         $10::text[], $11::date[], $12::date[], $13::boolean[], $14::text[])
       ON CONFLICT (case_id) DO UPDATE SET subject_type = EXCLUDED.subject_type, child_id = EXCLUDED.child_id, atena_no = EXCLUDED.atena_no,
         name = EXCLUDED.name, name_kana = EXCLUDED.name_kana, birth_date = EXCLUDED.birth_date, category = EXCLUDED.category,
         category_known = EXCLUDED.category_known, status = EXCLUDED.status, opened_on = EXCLUDED.opened_on, closed_on = EXCLUDED.closed_on,
         young_carer_concern = EXCLUDED.young_carer_concern, updated_at = EXCLUDED.updated_at, in_source = true, removed_at = NULL`,
      [
        b.map((c) => c.caseId), b.map((c) => c.subjectType), b.map((c) => c.childId), b.map((c) => c.atenaNo), b.map((c) => c.name),
        b.map((c) => c.nameKana), b.map((c) => c.birthDate), b.map((c) => c.category), b.map((c) => c.categoryKnown), b.map((c) => c.status),
        b.map((c) => c.openedOn), b.map((c) => c.closedOn), b.map((c) => c.youngCarerConcern), b.map((c) => c.updatedAt),
      ],
    );
  }
  if (!full) return 0;
  const goneChildren: unknown[] = await tx.query(
    `UPDATE kodomo.child SET in_source = false, removed_at = now() WHERE in_source AND NOT (child_id = ANY($1::text[])) RETURNING child_id`,
    [children.map((c) => c.childId)],
  );
  const goneCases: unknown[] = await tx.query(
    `UPDATE kodomo.case SET in_source = false, removed_at = now() WHERE in_source AND NOT (case_id = ANY($1::text[])) RETURNING case_id`,
    [cases.map((c) => c.caseId)],
  );
  return goneChildren.length + goneCases.length;
}

export interface ChildCase {
  id: string;
  category: string;
  status: 'OPEN' | 'CLOSED';
  openedOn: string;
  closedOn: string | null;
  youngCarerConcern: boolean;
}

/** Each person's cases, in one query for any number of persons. */
export async function kodomoProfiles(db: DataSource, atenaNos: readonly string[]): Promise<Map<string, { cases: ChildCase[] }>> {
  const profiles = new Map(atenaNos.map((a) => [a, { cases: [] as ChildCase[] }]));
  const rows: { atena_no: string; case_id: string; category: string; status: 'OPEN' | 'CLOSED'; opened_on: string; closed_on: string | null; young_carer_concern: boolean }[] =
    await db.query(
      `SELECT l.atena_no, c.case_id, c.category, c.status, to_char(c.opened_on, 'YYYY-MM-DD') AS opened_on,
              to_char(c.closed_on, 'YYYY-MM-DD') AS closed_on, c.young_carer_concern
       FROM kodomo.case c JOIN linkage.link l ON l.source = 'kodomo-case' AND l.source_key = c.case_id AND l.state = 'linked'
       WHERE l.atena_no = ANY($1::text[]) ORDER BY c.opened_on DESC, c.case_id`,
      [atenaNos],
    );
  for (const r of rows) {
    profiles.get(r.atena_no)?.cases.push({ id: r.case_id, category: r.category, status: r.status, openedOn: r.opened_on, closedOn: r.closed_on, youngCarerConcern: r.young_carer_concern });
  }
  return profiles;
}

/** Children as stored, for linking a case whose child did not change in an incremental read. */
export async function storedChildren(db: DataSource, ids: readonly string[]): Promise<Child[]> {
  return db.query(
    `SELECT child_id AS "childId", atena_no AS "atenaNo", name, name_kana AS "nameKana", to_char(birth_date, 'YYYY-MM-DD') AS "birthDate",
       sex, updated_at::text AS "updatedAt" FROM kodomo.child WHERE child_id = ANY($1::text[])`,
    [ids],
  );
}
