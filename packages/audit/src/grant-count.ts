import type { DataSource } from 'typeorm';

/**
 * How many reads the log records as granted on OWN_SECTOR to an organisation's staff, in these sectors, from `from`
 * until `until` (excluded; null: until now): the oversight's count of decisions a widening of the register made look
 * lawful (subgraphs/hub, register/history.ts). The log's table is read here, where it is kept.
 */
export async function ownSectorGrants(db: DataSource, orgId: string, sectors: readonly string[], from: Date, until: Date | null): Promise<number> {
  const [row]: { n: number }[] = await db.query(
    `SELECT count(*)::int AS n FROM audit.entry WHERE org_id = $1 AND sector = ANY($2::text[]) AND basis = 'OWN_SECTOR' AND status = 'GRANTED'
       AND at >= $3 AND ($4::timestamptz IS NULL OR at < $4)`,
    [orgId, sectors, from, until],
  );
  return row!.n;
}
