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
      `INSERT INTO kodomo.child (child_id, atena_no, name, name_kana, birth_date, sex, updated_at, guardians)
       SELECT c.child_id, c.atena_no, c.name, c.name_kana, c.birth_date, c.sex, c.updated_at, g.guardians
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::date[], $6::text[], $7::timestamptz[]) WITH ORDINALITY
         AS c(child_id, atena_no, name, name_kana, birth_date, sex, updated_at, n)
       JOIN (SELECT value AS guardians, ordinality AS n FROM jsonb_array_elements($8::jsonb) WITH ORDINALITY) g USING (n)
       ON CONFLICT (child_id) DO UPDATE SET atena_no = EXCLUDED.atena_no, name = EXCLUDED.name, name_kana = EXCLUDED.name_kana,
         birth_date = EXCLUDED.birth_date, sex = EXCLUDED.sex, updated_at = EXCLUDED.updated_at, guardians = EXCLUDED.guardians,
         in_source = true, removed_at = NULL`,
      [
        b.map((c) => c.childId),
        b.map((c) => c.atenaNo),
        b.map((c) => c.name),
        b.map((c) => c.nameKana),
        b.map((c) => c.birthDate),
        b.map((c) => c.sex),
        b.map((c) => c.updatedAt),
        JSON.stringify(b.map((c) => c.guardians)),
      ],
    );
  }
  for (let i = 0; i < cases.length; i += 1000) {
    const b = cases.slice(i, i + 1000);
    await tx.query(
      `INSERT INTO kodomo.case (case_id, subject_type, child_id, atena_no, name, name_kana, birth_date, category, category_known,
         status, opened_on, closed_on, young_carer_concern, updated_at, youtaikyo_registered)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::date[], $8::text[], $9::boolean[],
         $10::text[], $11::date[], $12::date[], $13::boolean[], $14::text[], $15::boolean[])
       ON CONFLICT (case_id) DO UPDATE SET subject_type = EXCLUDED.subject_type, child_id = EXCLUDED.child_id, atena_no = EXCLUDED.atena_no,
         name = EXCLUDED.name, name_kana = EXCLUDED.name_kana, birth_date = EXCLUDED.birth_date, category = EXCLUDED.category,
         category_known = EXCLUDED.category_known, status = EXCLUDED.status, opened_on = EXCLUDED.opened_on, closed_on = EXCLUDED.closed_on,
         young_carer_concern = EXCLUDED.young_carer_concern, updated_at = EXCLUDED.updated_at, youtaikyo_registered = EXCLUDED.youtaikyo_registered,
         in_source = true, removed_at = NULL`,
      [
        b.map((c) => c.caseId),
        b.map((c) => c.subjectType),
        b.map((c) => c.childId),
        b.map((c) => c.atenaNo),
        b.map((c) => c.name),
        b.map((c) => c.nameKana),
        b.map((c) => c.birthDate),
        b.map((c) => c.category),
        b.map((c) => c.categoryKnown),
        b.map((c) => c.status),
        b.map((c) => c.openedOn),
        b.map((c) => c.closedOn),
        b.map((c) => c.youngCarerConcern),
        b.map((c) => c.updatedAt),
        b.map((c) => c.youtaikyoRegistered),
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
  /** Null: the source did not say; withheld as if registered (packages/policy, youtaikyo.ts). */
  youtaikyoRegistered: boolean | null;
}

/** A guardian of the child as the kodomo system records it; personId when the system gives their 宛名番号. */
export interface ChildGuardian {
  name: string;
  relation: string;
  personId: string | null;
}

export interface KodomoProfile {
  cases: ChildCase[];
  guardians: ChildGuardian[];
}

/** Each person's cases, and their guardians where the person is a child the system holds, in two queries for any number of persons. */
export async function kodomoProfiles(db: DataSource, atenaNos: readonly string[]): Promise<Map<string, KodomoProfile>> {
  const profiles = new Map(atenaNos.map((a): [string, KodomoProfile] => [a, { cases: [], guardians: [] }]));
  const [rows, children]: [
    {
      atena_no: string;
      case_id: string;
      category: string;
      status: 'OPEN' | 'CLOSED';
      opened_on: string;
      closed_on: string | null;
      young_carer_concern: boolean;
      youtaikyo_registered: boolean | null;
    }[],
    { atena_no: string; guardians: { atenaNo: string | null; name: string; relation: string }[] }[],
  ] = await Promise.all([
    db.query(
      `SELECT l.atena_no, c.case_id, c.category, c.status, to_char(c.opened_on, 'YYYY-MM-DD') AS opened_on,
              to_char(c.closed_on, 'YYYY-MM-DD') AS closed_on, c.young_carer_concern, c.youtaikyo_registered
       FROM kodomo.case c JOIN linkage.linked_record l ON l.source = 'kodomo-case' AND l.source_key = c.case_id
       WHERE l.atena_no = ANY($1::text[]) ORDER BY c.opened_on DESC, c.case_id`,
      [atenaNos],
    ),
    db.query(
      `SELECT l.atena_no, c.guardians FROM kodomo.child c JOIN linkage.linked_record l ON l.source = 'kodomo-child' AND l.source_key = c.child_id
       WHERE l.atena_no = ANY($1::text[]) AND c.in_source ORDER BY c.child_id`,
      [atenaNos],
    ),
  ]);
  for (const r of rows) {
    profiles.get(r.atena_no)?.cases.push({
      id: r.case_id,
      category: r.category,
      status: r.status,
      openedOn: r.opened_on,
      closedOn: r.closed_on,
      youngCarerConcern: r.young_carer_concern,
      youtaikyoRegistered: r.youtaikyo_registered,
    });
  }
  for (const c of children)
    profiles.get(c.atena_no)?.guardians.push(...c.guardians.map((g) => ({ name: g.name, relation: g.relation, personId: g.atenaNo })));
  return profiles;
}

/** Children as stored, for linking a case whose child did not change in an incremental read. */
export async function storedChildren(db: DataSource, ids: readonly string[]): Promise<Child[]> {
  return db.query(
    `SELECT child_id AS "childId", atena_no AS "atenaNo", name, name_kana AS "nameKana", to_char(birth_date, 'YYYY-MM-DD') AS "birthDate",
       sex, guardians, updated_at::text AS "updatedAt" FROM kodomo.child WHERE child_id = ANY($1::text[])`,
    [ids],
  );
}
