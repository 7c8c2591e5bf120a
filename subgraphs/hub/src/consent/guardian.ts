import type { DataSource } from 'typeorm';

/** The contract's representatives: 親権者, 未成年後見人, 成年後見人等 (成年後見人・保佐人・補助人), any other. */
export const GUARDIAN_RELATIONSHIPS = ['PARENT', 'LEGAL_GUARDIAN', 'ADULT_GUARDIAN', 'OTHER_REPRESENTATIVE'] as const;
export type GuardianRelationship = (typeof GUARDIAN_RELATIONSHIPS)[number];

export interface Guardian {
  name: string;
  relationship: GuardianRelationship;
  personId: string | null;
  /** The registry shows the relationship: both current residents of one 世帯, with 続柄 that make the guardian a parent. */
  verified: boolean;
}

/**
 * 続柄 (relative to the 世帯主) of a child → 続柄 a parent of theirs has in the same 世帯. The registry shows no more:
 * a 妻's parents or a 子の配偶者's are not coded, and guardianship (後見) is in the 後見登記, not the 住民票.
 */
const PARENT_OF: Readonly<Record<string, readonly string[]>> = {
  '04': ['01', '02', '03'], // 子 → 世帯主 or their 妻/夫
  '07': ['04', '13'], // 孫 → 子 or 子の配偶者
  '01': ['05', '06'], // 世帯主 → 父, 母
  '10': ['05', '06'], // 兄弟姉妹 (of the 世帯主) → 父, 母
};

export function registryShowsParent(
  child: { setaiNo: string; relationshipCode: string },
  parent: { setaiNo: string; relationshipCode: string },
): boolean {
  return child.setaiNo === parent.setaiNo && (PARENT_OF[child.relationshipCode] ?? []).includes(parent.relationshipCode);
}

interface Resident {
  atenaNo: string;
  setaiNo: string;
  relationshipCode: string;
  name: string;
}

/** Current residents (住民状態 1) among these ids, with what the parent check needs. */
export async function residents(db: DataSource, ids: readonly string[]): Promise<Map<string, Resident>> {
  const rows: Resident[] = await db.query(
    `SELECT atena_no AS "atenaNo", setai_no AS "setaiNo", relationship_code AS "relationshipCode", name FROM juki.current_resident
     WHERE atena_no = ANY($1::text[])`,
    [[...new Set(ids)]],
  );
  return new Map(rows.map((r) => [r.atenaNo, r]));
}

/**
 * The representative as recorded. Only a parent can be checked, and only against the registry (same 世帯, 続柄); a
 * 後見人, another representative, or a parent who lives elsewhere stands unverified and is flagged for review.
 * A resident named in `givenBy` alone is recorded as a parent when the registry shows it, else as another
 * representative, unverified.
 */
export function representative(
  person: { setaiNo: string; relationshipCode: string } | undefined,
  named: { name: string; relationship: GuardianRelationship | null; personId: string | null; resident: Resident | undefined },
): Guardian {
  const parentShown = !!person && !!named.resident && registryShowsParent(person, named.resident);
  const relationship = named.relationship ?? (parentShown ? 'PARENT' : 'OTHER_REPRESENTATIVE');
  return { name: named.name, relationship, personId: named.personId, verified: relationship === 'PARENT' && parentShown };
}

/** Whether the registry has ever delivered the person (a consent may be about a resident who has since moved away). */
export async function isRegistered(db: DataSource, atenaNo: string): Promise<boolean> {
  return (await db.query(`SELECT 1 FROM juki.registered_person WHERE atena_no = $1`, [atenaNo])).length > 0;
}

/**
 * Below ownAge (HUB_CONSENT_OWN_AGE, 15 by default) a consent is given by a representative (givenBy or guardian). 15 is
 * the age from which Japanese practice treats a child's own will as decisive in comparable matters (養子縁組の同意,
 * 遺言能力); a municipality may set another.
 */
export async function isMinor(db: DataSource, atenaNo: string, today: string, ownAge: number): Promise<boolean> {
  const [row] = await db.query(`SELECT date_part('year', age($2::date, birth_date)) < $3 AS minor FROM juki.registered_person WHERE atena_no = $1`, [
    atenaNo,
    today,
    ownAge,
  ]);
  return row?.minor === true;
}
