import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSource, type DataSourceOptions, type EntitySchema, type MigrationInterface } from 'typeorm';
import { EmbeddedEvents, notifyVia, ServerEvents, type StoreEvents } from './events.js';

type MigrationClass = new () => MigrationInterface;

export interface StoreOptions {
  /** A PostgreSQL server (postgres://…). Without it the store is an embedded PGlite. */
  databaseUrl?: string | undefined;
  /** Where the embedded PGlite keeps its files; `memory://` keeps nothing. */
  dataDir?: string | undefined;
  entities?: EntitySchema[];
  migrations?: MigrationClass[];
  /** Run pending migrations on open. Off for processes that only read what another process migrated. */
  migrate?: boolean;
  poolSize?: number;
}

export interface Store {
  readonly dataSource: DataSource;
  readonly kind: 'server' | 'embedded';
  /** LISTEN/NOTIFY between the processes sharing this store (within the process, embedded). */
  readonly events: StoreEvents;
  close(): Promise<void>;
}

const common = {
  type: 'postgres',
  synchronize: false,
  migrationsRun: false,
  logging: false,
  uuidExtension: 'pgcrypto',
  installExtensions: false,
  // A checkout that waits longer than this is a bug (a query issued outside an open transaction on the
  // single embedded connection): fail loudly rather than hang.
  connectTimeoutMS: 30_000,
} as const;

/**
 * Opens the hub's relational store. With a server each process gets its own pool. Embedded, PGlite is one
 * session: the pool is held to one connection so that a transaction owns the session until it ends and no
 * other caller's statement can slip into it (no dirty reads, no foreign rollbacks).
 */
export async function openStore(options: StoreOptions): Promise<Store> {
  const entities = options.entities ?? [];
  const migrations = options.migrations ?? [];
  let dataSource: DataSource;
  let closeEngine = async (): Promise<void> => {};
  let events: StoreEvents;
  const notify = notifyVia((sql, params) => dataSource.query(sql, params));
  if (options.databaseUrl) {
    dataSource = new DataSource({
      ...common,
      url: options.databaseUrl,
      poolSize: options.poolSize ?? 10,
      // Short statements only: JIT compiling them (triggered by the audit append's recursive CTE estimates) costs
      // hundreds of milliseconds and saves nothing.
      extra: { options: '-c jit=off' },
      entities,
      migrations,
    } as DataSourceOptions);
    events = new ServerEvents(options.databaseUrl, notify);
  } else {
    const { PGlite } = await import('@electric-sql/pglite');
    const { createPgConfig } = await import('@electric-sql/pglite/node-postgres');
    // PGlite makes its own folder but not the ones above it: a fresh machine has none.
    if (options.dataDir && !options.dataDir.includes('://')) mkdirSync(dirname(options.dataDir), { recursive: true });
    const pglite = await PGlite.create(options.dataDir ?? 'memory://');
    const pgConfig = createPgConfig(pglite);
    dataSource = new DataSource({
      ...common,
      poolSize: 1,
      extra: { connection: pgConfig.connection, max: 1, idleTimeoutMillis: 0 },
      entities,
      migrations,
    } as DataSourceOptions);
    closeEngine = () => pglite.close();
    events = new EmbeddedEvents(pglite, notify);
  }
  await dataSource.initialize();
  if (options.migrate ?? true) await dataSource.runMigrations({ transaction: 'each' });
  return {
    dataSource,
    kind: options.databaseUrl ? 'server' : 'embedded',
    events,
    async close() {
      await events.close();
      await dataSource.destroy();
      await closeEngine();
    },
  };
}
