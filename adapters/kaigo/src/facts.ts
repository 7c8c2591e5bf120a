import type { DataSource } from 'typeorm';
import { noFacts, type SituationFacts } from '@welfare-hub/situations';

/**
 * 介護 facts for the situation rules: every certification period in the order of RIREKI_NO (the last covering a day is the
 * certification in force, kaigo.md) and every 地域包括 consultation, for any number of persons.
 */
export async function kaigoFacts(db: DataSource, atenaNos: readonly string[]): Promise<Map<string, SituationFacts>> {
  const facts = new Map<string, SituationFacts>(atenaNos.map((a) => [a, noFacts()]));
  const [periods, consultations] = await Promise.all([
    db.query(
      `SELECT l.atena_no, n.level, to_char(n.valid_from, 'YYYY-MM-DD') AS "from", to_char(n.valid_until, 'YYYY-MM-DD') AS "until"
       FROM kaigo.nintei n JOIN linkage.linked_record l ON l.source = 'kaigo-hihokensha' AND l.source_key = n.no
       WHERE l.atena_no = ANY($1::text[]) ORDER BY n.no, n.rireki`,
      [atenaNos],
    ) as Promise<{ atena_no: string; level: string; from: string | null; until: string | null }[]>,
    db.query(
      `SELECT l.atena_no, to_char(s.date, 'YYYY-MM-DD') AS date, s.status, concat_ws(' ', s.category, s.summary) AS text
       FROM kaigo.sodan s JOIN linkage.linked_record l ON l.source = 'kaigo-sodan' AND l.source_key = s.id
       WHERE l.atena_no = ANY($1::text[]) AND s.date IS NOT NULL`,
      [atenaNos],
    ) as Promise<{ atena_no: string; date: string; status: string; text: string }[]>,
  ]);
  for (const p of periods) facts.get(p.atena_no)?.periods.push({ kind: p.level, from: p.from, until: p.until });
  for (const c of consultations) facts.get(c.atena_no)?.consultations.push({ date: c.date, open: c.status === 'OPEN', text: c.text });
  return facts;
}
