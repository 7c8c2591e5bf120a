import { resolve } from 'node:path';

export interface HubConfig {
  port: number;
  host: string;
  /** A PostgreSQL server; null for the embedded PGlite. */
  databaseUrl: string | null;
  dataDir: string;
  /** The juki drop folder; null for the generated demo city. */
  jukiDir: string | null;
  /** The shogai export folder; null for the generated demo city. */
  shogaiDir: string | null;
  /** The konkyu ledger folder; null for the generated demo city. */
  konkyuDir: string | null;
  /** The kodomo API's base URL (without /v1); null for the simulator over the demo city. */
  kodomoUrl: string | null;
  kodomoApiKey: string;
  kodomoPollSeconds: number;
  /** The 介護 vendor database; null for the demo city's tables in the hub's own store. */
  kaigoDbUrl: string | null;
  /** Deadline of every subgraph call the gateway makes. */
  subgraphTimeoutMs: number;
  demoResidents: number;
  demoSeed: number;
}

function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
  return value;
}

export function hubConfig(env: NodeJS.ProcessEnv = process.env): HubConfig {
  return {
    port: positiveInt(env, 'HUB_PORT', 4000),
    host: env['HUB_HOST'] || '0.0.0.0',
    databaseUrl: env['HUB_DATABASE_URL'] || null,
    dataDir: resolve(env['HUB_DATA_DIR'] || '.hub-data'),
    jukiDir: env['HUB_JUKI_DIR'] ? resolve(env['HUB_JUKI_DIR']) : null,
    shogaiDir: env['HUB_SHOGAI_DIR'] ? resolve(env['HUB_SHOGAI_DIR']) : null,
    konkyuDir: env['HUB_KONKYU_DIR'] ? resolve(env['HUB_KONKYU_DIR']) : null,
    kodomoUrl: env['HUB_KODOMO_URL'] || null,
    kodomoApiKey: env['HUB_KODOMO_API_KEY'] ?? '',
    kodomoPollSeconds: positiveInt(env, 'HUB_KODOMO_POLL_SECONDS', 300),
    kaigoDbUrl: env['HUB_KAIGO_DB_URL'] || null,
    subgraphTimeoutMs: positiveInt(env, 'HUB_SUBGRAPH_TIMEOUT_MS', 5_000),
    demoResidents: positiveInt(env, 'HUB_DEMO_RESIDENTS', 10_000),
    demoSeed: positiveInt(env, 'HUB_DEMO_SEED', 20261122),
  };
}

/** A hub whose sources are all configured is a real deployment: it seeds no demo register. */
export function isDemo(config: HubConfig): boolean {
  return config.jukiDir === null || config.shogaiDir === null || config.konkyuDir === null || config.kodomoUrl === null || config.kaigoDbUrl === null;
}
