import type { DataSource } from 'typeorm';

/** What an analyst asked, and who: written before anything is answered, like any access. */
export async function logAnalystQuery(db: DataSource, viewer: { staffId: string; orgId: string }, query: string, args: object): Promise<void> {
  await db.query(`INSERT INTO analytics.query_log (staff_id, org_id, query, arguments) VALUES ($1, $2, $3, $4)`, [
    viewer.staffId,
    viewer.orgId,
    query,
    JSON.stringify(args),
  ]);
}
