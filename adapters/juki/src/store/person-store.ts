import type { DataSource, EntityManager } from 'typeorm';
import { inTransaction } from '@welfare-hub/store';
import { normaliseKanaForMatch } from '@welfare-hub/codec';
import type { JukiRecord } from '../parse/index.js';
import { ADDRESS_WITHHELD, SOCHI_IN_FORCE, refreshWithheldPlaces } from './sochi-store.js';

/** A juki record as the hub keeps it, with where it was last read from. */
export interface StoredPerson extends JukiRecord {
  sourceFile: string;
  sourcePosition: number;
}

export interface PersonRow {
  atenaNo: string;
  setaiNo: string;
  relationshipCode: string;
  name: string;
  nameKana: string;
  birthDate: string;
  sex: 'MALE' | 'FEMALE';
  district: string;
  address: string;
  residentStatus: 1 | 2 | 3 | 4;
  updatedAt: Date;
  /**
   * 支援措置: the address and district are withheld from everyone without the role protection_officer, because this
   * person, or someone of their 世帯 or at their address, is under a measure in force today.
   */
  addressWithheld: boolean;
}

const SELECT_PERSON = `
  SELECT atena_no AS "atenaNo", setai_no AS "setaiNo", relationship_code AS "relationshipCode", name,
         name_kana AS "nameKana", to_char(birth_date, 'YYYY-MM-DD') AS "birthDate", sex, district, address,
         resident_status AS "residentStatus", updated_at AS "updatedAt", ${ADDRESS_WITHHELD} AS "addressWithheld"
  FROM juki.person p`;

type Db = DataSource | EntityManager;

/** The registry as read so far. Writes come only from the ingest; reads serve the juki subgraph. */
export class PersonStore {
  constructor(private readonly db: DataSource) {}

  /**
   * Upserts a batch. A row only replaces a stored one that is not newer (更新日時), so files can be applied
   * again, or late, without undoing a later change.
   */
  async upsert(people: readonly StoredPerson[], db?: EntityManager): Promise<void> {
    if (people.length === 0) return;
    // A move must never show before its mask: the places of the protected are refreshed in the same transaction.
    if (!db) return inTransaction(this.db, (tx) => this.upsert(people, tx));
    // Within one statement a key may appear once: keep the newest, the later one on a tie.
    const latest = new Map<string, StoredPerson>();
    for (const p of people) {
      const seen = latest.get(p.atenaNo);
      if (!seen || seen.updatedAt <= p.updatedAt) latest.set(p.atenaNo, p);
    }
    const rows = [...latest.values()];
    const col = <T>(f: (p: StoredPerson) => T): T[] => rows.map(f);
    await db.query(
      `INSERT INTO juki.person (atena_no, setai_no, relationship_code, name, name_kana, kana_key, birth_date, sex,
         district, address, resident_status, change_date, change_reason, updated_at, source_file, source_position)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::date[],
         $8::text[], $9::text[], $10::text[], $11::smallint[], $12::date[], $13::text[], $14::timestamptz[],
         $15::text[], $16::int[])
       ON CONFLICT (atena_no) DO UPDATE SET
         setai_no = EXCLUDED.setai_no, relationship_code = EXCLUDED.relationship_code, name = EXCLUDED.name,
         name_kana = EXCLUDED.name_kana, kana_key = EXCLUDED.kana_key, birth_date = EXCLUDED.birth_date,
         sex = EXCLUDED.sex, district = EXCLUDED.district, address = EXCLUDED.address,
         resident_status = EXCLUDED.resident_status, change_date = EXCLUDED.change_date,
         change_reason = EXCLUDED.change_reason, updated_at = EXCLUDED.updated_at,
         source_file = EXCLUDED.source_file, source_position = EXCLUDED.source_position
       WHERE juki.person.updated_at <= EXCLUDED.updated_at`,
      [
        col((p) => p.atenaNo),
        col((p) => p.setaiNo),
        col((p) => p.relationshipCode),
        col((p) => p.name),
        col((p) => p.nameKana),
        col((p) => normaliseKanaForMatch(p.nameKana)),
        col((p) => p.birthDate),
        col((p) => p.sex),
        col((p) => p.district),
        col((p) => p.address),
        col((p) => p.residentStatus),
        col((p) => p.changeDate),
        col((p) => p.changeReason),
        col((p) => p.updatedAt),
        col((p) => p.sourceFile),
        col((p) => p.sourcePosition),
      ],
    );
    await refreshWithheldPlaces(
      db,
      rows.map((p) => p.atenaNo),
    );
  }

  async byIds(atenaNos: readonly string[]): Promise<PersonRow[]> {
    return this.db.query(`${SELECT_PERSON} WHERE atena_no = ANY($1::text[])`, [atenaNos]);
  }

  /** Every record of these 世帯, current and removed; callers pick what they need. */
  async bySetai(setaiNos: readonly string[]): Promise<PersonRow[]> {
    return this.db.query(`${SELECT_PERSON} WHERE setai_no = ANY($1::text[]) ORDER BY setai_no, relationship_code, atena_no`, [setaiNos]);
  }

  /** By the start of the reading (a family name finds the family) and/or the birth date. */
  async search(filter: { kanaKey: string | null; birthDate: string | null; limit: number }): Promise<PersonRow[]> {
    // The key is katakana only (normalised), so it holds no LIKE wildcard.
    return this.db.query(
      `${SELECT_PERSON} WHERE ($1::text IS NULL OR kana_key LIKE $1 || '%') AND ($2::date IS NULL OR birth_date = $2::date)
       ORDER BY resident_status, atena_no LIMIT $3`,
      [filter.kanaKey, filter.birthDate, filter.limit],
    );
  }

  /**
   * Which of these persons are themselves under a 支援措置 in force today: every identity read of them is a protected
   * read for the privacy officer. (Their 世帯 and address-mates are masked too, see PersonRow.addressWithheld, but
   * only the protected person is flagged.)
   */
  async protectedIds(atenaNos: readonly string[]): Promise<Set<string>> {
    if (atenaNos.length === 0) return new Set();
    const rows: { atena_no: string }[] = await this.db.query(
      `SELECT DISTINCT s.atena_no FROM juki.sochi s WHERE s.atena_no = ANY($1::text[]) AND ${SOCHI_IN_FORCE}`,
      [[...new Set(atenaNos)]],
    );
    return new Set(rows.map((r) => r.atena_no));
  }

  /**
   * The same search, one page at a time in the same order (resident status, then 宛名番号), after a given position: keyset
   * paging, so a page costs the same however deep it is. One row past the page tells whether another follows.
   */
  async searchPage(filter: {
    kanaKey: string | null;
    birthDate: string | null;
    after: { residentStatus: number; atenaNo: string } | null;
    first: number;
  }): Promise<{ rows: PersonRow[]; hasNextPage: boolean }> {
    const rows: PersonRow[] = await this.db.query(
      `${SELECT_PERSON} WHERE ($1::text IS NULL OR kana_key LIKE $1 || '%') AND ($2::date IS NULL OR birth_date = $2::date)
         AND ($3::smallint IS NULL OR (resident_status, atena_no) > ($3::smallint, $4::text))
       ORDER BY resident_status, atena_no LIMIT $5`,
      [filter.kanaKey, filter.birthDate, filter.after?.residentStatus ?? null, filter.after?.atenaNo ?? null, filter.first + 1],
    );
    return { rows: rows.slice(0, filter.first), hasNextPage: rows.length > filter.first };
  }

  async count(): Promise<number> {
    const [row] = await this.db.query(`SELECT count(*)::int AS n FROM juki.person`);
    return row.n;
  }
}

/**
 * Which of these persons have their address withheld (PersonRow.addressWithheld), for code outside the juki subgraph
 * that shows something derived from an address, such as the linkage queue's field agreements.
 */
export async function addressWithheldIds(db: Db, atenaNos: readonly string[]): Promise<Set<string>> {
  if (atenaNos.length === 0) return new Set();
  const rows: { atena_no: string }[] = await db.query(
    `SELECT p.atena_no FROM juki.person p WHERE p.atena_no = ANY($1::text[]) AND ${ADDRESS_WITHHELD}`,
    [[...new Set(atenaNos)]],
  );
  return new Set(rows.map((r) => r.atena_no));
}
