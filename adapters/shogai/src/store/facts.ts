import type { DataSource } from 'typeorm';
import { noFacts, type SituationFacts } from '@welfare-hub/situations';

/**
 * 障害 facts for the situation rules: 手帳 and 受給者証 periods, consultations, and each 受給者証's 障害支援区分 as the source
 * writes it (非該当 included: whether it is a care need is the rules' to say, packages/situations), oldest first.
 */
export async function shogaiFacts(db: DataSource, atenaNos: readonly string[]): Promise<Map<string, SituationFacts>> {
  const facts = new Map<string, SituationFacts>(atenaNos.map((a) => [a, noFacts()]));
  const linked = (source: string, table: string, columns: string, order = ''): Promise<Record<string, string | null>[]> =>
    db.query(
      `SELECT l.atena_no, ${columns} FROM ${table} t
       JOIN linkage.linked_record l ON l.source = '${source}' AND l.source_key = t.source_key WHERE l.atena_no = ANY($1::text[]) ${order}`,
      [atenaNos],
    );
  const [techo, jukyusha, sodan] = await Promise.all([
    linked('shogai-techo', 'shogai.techo', `to_char(t.issued_on, 'YYYY-MM-DD') AS "from", to_char(t.valid_until, 'YYYY-MM-DD') AS "until"`),
    linked(
      'shogai-jukyusha',
      'shogai.jukyusha',
      `to_char(t.valid_from, 'YYYY-MM-DD') AS "from", to_char(t.valid_until, 'YYYY-MM-DD') AS "until", t.support_level`,
      'ORDER BY t.valid_from, t.source_key',
    ),
    linked('shogai-sodan', 'shogai.sodan', `to_char(t.date, 'YYYY-MM-DD') AS date, t.status, concat_ws(' ', t.category, t.summary) AS text`),
  ]);
  for (const r of techo) facts.get(r['atena_no']!)?.periods.push({ kind: 'TECHO', from: r['from'] ?? null, until: r['until'] ?? null });
  for (const r of jukyusha) {
    const f = facts.get(r['atena_no']!);
    f?.periods.push({ kind: 'JUKYUSHA', from: r['from'] ?? null, until: r['until'] ?? null });
    if (r['support_level']) f?.periods.push({ kind: r['support_level'], from: r['from'] ?? null, until: r['until'] ?? null });
  }
  for (const r of sodan) facts.get(r['atena_no']!)?.consultations.push({ date: r['date']!, open: r['status'] === 'OPEN', text: r['text'] ?? '' });
  return facts;
}
