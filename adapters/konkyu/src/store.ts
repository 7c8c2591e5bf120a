import type { DataSource, EntityManager } from 'typeorm';
import type { KonkyuRow } from './ledger.js';

/** Upserts the ledger's rows and marks those it no longer holds; returns how many left it this time. */
export async function applyLedger(tx: EntityManager, workbook: string, rows: readonly KonkyuRow[]): Promise<number> {
  const unique = [...new Map(rows.map((r) => [r.sourceKey, r])).values()];
  for (let i = 0; i < unique.length; i += 1000) {
    const batch = unique.slice(i, i + 1000);
    const col = <T>(f: (r: KonkyuRow) => T): T[] => batch.map(f);
    await tx.query(
      `INSERT INTO konkyu.consultation (source_key, opened_on, name, name_kana, birth_date, sex, address, route, concerns, state,
         plan_date, benefits, staff, note, in_source, last_seen_in, left_source_at)
       SELECT *, true, $15, NULL FROM unnest($1::text[], $2::date[], $3::text[], $4::text[], $5::date[], $6::text[], $7::text[],
         $8::text[], $9::jsonb[], $10::text[], $11::date[], $12::jsonb[], $13::text[], $14::text[])
       ON CONFLICT (source_key) DO UPDATE SET opened_on = EXCLUDED.opened_on, name = EXCLUDED.name, name_kana = EXCLUDED.name_kana,
         birth_date = EXCLUDED.birth_date, sex = EXCLUDED.sex, address = EXCLUDED.address, route = EXCLUDED.route,
         concerns = EXCLUDED.concerns, state = EXCLUDED.state, plan_date = EXCLUDED.plan_date, benefits = EXCLUDED.benefits,
         staff = EXCLUDED.staff, note = EXCLUDED.note, in_source = true, last_seen_in = EXCLUDED.last_seen_in, left_source_at = NULL`,
      [
        col((r) => r.sourceKey),
        col((r) => r.openedOn),
        col((r) => r.name),
        col((r) => r.nameKana),
        col((r) => r.birthDate),
        col((r) => r.sex),
        col((r) => r.address),
        col((r) => r.route),
        col((r) => JSON.stringify(r.concerns)),
        col((r) => r.state),
        col((r) => r.planDate),
        col((r) => JSON.stringify(r.benefits)),
        col((r) => r.staff),
        col((r) => r.note),
        workbook,
      ],
    );
  }
  const left: unknown[] = await tx.query(
    `UPDATE konkyu.consultation SET in_source = false, left_source_at = now()
     WHERE in_source AND NOT (source_key = ANY($1::text[])) RETURNING source_key`,
    [unique.map((r) => r.sourceKey)],
  );
  return left.length;
}

export interface KonkyuConsultation {
  id: string;
  date: string;
  category: string;
  status: 'OPEN' | 'CLOSED';
  summary: string | null;
  inSource: boolean;
}

/** The consultations linked to each person, in one query for any number of persons. */
export async function konkyuProfiles(db: DataSource, atenaNos: readonly string[]): Promise<Map<string, { consultations: KonkyuConsultation[] }>> {
  const profiles = new Map(atenaNos.map((a) => [a, { consultations: [] as KonkyuConsultation[] }]));
  const rows: {
    atena_no: string;
    source_key: string;
    opened_on: string;
    concerns: string[];
    state: string;
    note: string | null;
    in_source: boolean;
  }[] = await db.query(
    `SELECT l.atena_no, c.source_key, to_char(c.opened_on, 'YYYY-MM-DD') AS opened_on, c.concerns, c.state, c.note, c.in_source
       FROM konkyu.consultation c JOIN linkage.linked_record l ON l.source = 'konkyu' AND l.source_key = c.source_key
       WHERE l.atena_no = ANY($1::text[]) ORDER BY c.opened_on DESC, c.source_key`,
    [atenaNos],
  );
  for (const r of rows) {
    profiles.get(r.atena_no)?.consultations.push({
      id: r.source_key,
      date: r.opened_on,
      // Several 主訴 are joined with 、 as the contract says.
      category: r.concerns.join('、'),
      status: r.state === '終結' || r.state === '中断' ? 'CLOSED' : 'OPEN',
      summary: r.note,
      inSource: r.in_source,
    });
  }
  return profiles;
}
