import type { DataSource } from 'typeorm';

interface PgPool {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

/**
 * A statement the hub runs on every request, prepared once per connection under its name: PostgreSQL plans it
 * once instead of on every call (planning cost more than running the policy's read). On a server only: the embedded
 * PGlite kept answering "relation does not exist" for a prepared statement after its table was renamed and renamed
 * back, where the server re-plans; there it is an ordinary query.
 */
export async function preparedQuery<T>(db: DataSource, name: string, text: string, values: unknown[]): Promise<T[]> {
  const pool = (db.driver as unknown as { master?: PgPool }).master;
  const onServer = typeof (db.options as { url?: unknown }).url === 'string';
  if (!onServer || !pool || typeof pool.query !== 'function') return db.query(text, values);
  return (await pool.query({ name, text, values })).rows as T[];
}
