import type { DataSource } from 'typeorm';

export interface KodomoCasePeriod {
  category: string;
  openedOn: string;
  closedOn: string | null;
}

/**
 * Each linked こども case's category and dates, for aggregates that attribute work by it (the 実績報告's 按分: a
 * pregnancy or child-rearing case counts under こども). Aggregate use only: nothing here is shown about a person.
 */
export async function kodomoCasePeriods(db: DataSource, atenaNos: readonly string[]): Promise<Map<string, KodomoCasePeriod[]>> {
  const periods = new Map<string, KodomoCasePeriod[]>(atenaNos.map((a) => [a, []]));
  if (atenaNos.length === 0) return periods;
  const rows: { atena_no: string; category: string; opened_on: string; closed_on: string | null }[] = await db.query(
    `SELECT l.atena_no, c.category, to_char(c.opened_on, 'YYYY-MM-DD') AS opened_on, to_char(c.closed_on, 'YYYY-MM-DD') AS closed_on
     FROM kodomo.case c JOIN linkage.linked_record l ON l.source = 'kodomo-case' AND l.source_key = c.case_id
     WHERE l.atena_no = ANY($1::text[])`,
    [[...atenaNos]],
  );
  for (const r of rows) periods.get(r.atena_no)?.push({ category: r.category, openedOn: r.opened_on, closedOn: r.closed_on });
  return periods;
}
