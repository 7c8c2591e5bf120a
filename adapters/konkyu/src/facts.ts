import type { DataSource } from 'typeorm';
import { noFacts, type SituationFacts } from '@welfare-hub/situations';

/** 困窮 facts for the situation rules: each consultation's date, whether it goes on (not 終結/中断), and its 主訴 and note. */
export async function konkyuFacts(db: DataSource, atenaNos: readonly string[]): Promise<Map<string, SituationFacts>> {
  const facts = new Map<string, SituationFacts>(atenaNos.map((a) => [a, noFacts()]));
  const rows: { atena_no: string; date: string; state: string; concerns: string[]; note: string | null }[] = await db.query(
    `SELECT l.atena_no, to_char(c.opened_on, 'YYYY-MM-DD') AS date, c.state, c.concerns, c.note
     FROM konkyu.consultation c JOIN linkage.linked_record l ON l.source = 'konkyu' AND l.source_key = c.source_key
     WHERE l.atena_no = ANY($1::text[])`,
    [atenaNos],
  );
  for (const r of rows) {
    facts
      .get(r.atena_no)
      ?.consultations.push({ date: r.date, open: r.state !== '終結' && r.state !== '中断', text: [r.concerns.join('、'), r.note ?? ''].join(' ') });
  }
  return facts;
}
