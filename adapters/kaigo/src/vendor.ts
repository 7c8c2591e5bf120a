import { DataSource, type DataSourceOptions } from 'typeorm';

/**
 * A connection to the vendor's database from HUB_KAIGO_DB_URL: postgres:// or mysql:// / mariadb:// (mysql2).
 * The hub's account is read-only at the vendor; on PostgreSQL the session is made read-only as well.
 */
export async function openVendorDb(url: string): Promise<DataSource> {
  const protocol = new URL(url).protocol.replace(':', '');
  const options: DataSourceOptions =
    protocol === 'mysql' || protocol === 'mariadb'
      ? { type: 'mysql', url: url.replace(/^mariadb:/, 'mysql:'), poolSize: 2, charset: 'utf8mb4', dateStrings: true, logging: false }
      : { type: 'postgres', url, poolSize: 2, logging: false, extra: { options: '-c default_transaction_read_only=on' } };
  const db = new DataSource(options);
  await db.initialize();
  return db;
}
