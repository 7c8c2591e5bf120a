import type { DataSource } from 'typeorm';
import { noFacts, type SituationFacts } from '@welfare-hub/situations';

/**
 * こども facts for the situation rules: each case's dates, whether open, whether it is about a young carer, and whether it
 * is registered with the 要対協 (unknown counts as registered): the kodomo subgraph drops those the decision does not release.
 */
export async function kodomoFacts(db: DataSource, atenaNos: readonly string[]): Promise<Map<string, SituationFacts>> {
  const facts = new Map<string, SituationFacts>(atenaNos.map((a) => [a, noFacts()]));
  const rows: { atena_no: string; opened_on: string; closed_on: string | null; status: string; young_carer: boolean; youtaikyo: boolean }[] =
    await db.query(
      `SELECT l.atena_no, to_char(c.opened_on, 'YYYY-MM-DD') AS opened_on, to_char(c.closed_on, 'YYYY-MM-DD') AS closed_on, c.status,
            (c.young_carer_concern OR c.category = 'ヤングケアラー支援') AS young_carer, c.youtaikyo_registered IS NOT FALSE AS youtaikyo
     FROM kodomo.case c JOIN linkage.linked_record l ON l.source = 'kodomo-case' AND l.source_key = c.case_id
     WHERE l.atena_no = ANY($1::text[])`,
      [atenaNos],
    );
  for (const r of rows)
    facts
      .get(r.atena_no)
      ?.cases.push({ openedOn: r.opened_on, closedOn: r.closed_on, open: r.status === 'OPEN', youngCarer: r.young_carer, youtaikyo: r.youtaikyo });
  return facts;
}
