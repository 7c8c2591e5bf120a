import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { openStore, type Store, type StoreOptions } from './open-store.js';

export interface TestDatabase {
  /** A fresh database on the TEST_DATABASE_URL server, or undefined when tests run on the embedded PGlite. */
  url: string | undefined;
  drop(): Promise<void>;
}

/** A database of its own for one test file when a server is configured (TEST_DATABASE_URL), else nothing. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env['TEST_DATABASE_URL'];
  if (!serverUrl) return { url: undefined, drop: async () => {} };
  const name = `hub_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** A store for one test file: a fresh server database (dropped on close) or an in-memory PGlite. */
export async function openTestStore(options: Omit<StoreOptions, 'databaseUrl' | 'dataDir'>): Promise<Store> {
  const database = await createTestDatabase();
  const store = await openStore({ ...options, databaseUrl: database.url, dataDir: 'memory://' });
  return {
    dataSource: store.dataSource,
    kind: store.kind,
    events: store.events,
    async close() {
      await store.close();
      await database.drop();
    },
  };
}

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
