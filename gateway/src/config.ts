import { DEFAULT_QUERY_LIMITS, LIMIT_ENV, loadPersistedQueries, PersistedQueriesError, type QueryLimits, type QueryLimitsConfig } from './limits/index.js';

/** The demo secret: fine for a laptop, refused by a hub started in production mode. */
export const DEMO_JWT_SECRET = 'welfare-hub-demo-secret-change-me-0000000000';

export interface AuthConfig {
  mode: 'demo' | 'production';
  /** HS256 secret, used as the raw UTF-8 bytes of the string. */
  secret: string | null;
  jwksUrl: string | null;
  issuer: string | null;
  audience: string | null;
}

export class ConfigError extends Error {}

/**
 * Reads how tokens are verified. Demo and test: HS256 with HUB_JWT_SECRET (the demo default when unset).
 * Production: the identity provider's JWKS; a production hub refuses to start with the demo secret.
 */
export function authConfig(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  const mode = env['HUB_MODE'] === 'production' ? 'production' : 'demo';
  const jwksUrl = env['HUB_JWKS_URL'] || null;
  const issuer = env['HUB_JWT_ISSUER'] || null;
  const audience = env['HUB_JWT_AUDIENCE'] || null;
  if (mode === 'demo') {
    return { mode, secret: env['HUB_JWT_SECRET'] || DEMO_JWT_SECRET, jwksUrl, issuer, audience };
  }
  const secret = env['HUB_JWT_SECRET'] || null;
  if (secret === DEMO_JWT_SECRET) throw new ConfigError('HUB_MODE=production refuses the demo HUB_JWT_SECRET');
  if (secret !== null && Buffer.byteLength(secret, 'utf8') < 32) {
    throw new ConfigError('HUB_JWT_SECRET must be at least 32 bytes in production');
  }
  if (!jwksUrl && !secret) throw new ConfigError('HUB_MODE=production needs HUB_JWKS_URL (or a strong HUB_JWT_SECRET)');
  if (jwksUrl && (!issuer || !audience)) {
    throw new ConfigError('HUB_JWKS_URL needs HUB_JWT_ISSUER and HUB_JWT_AUDIENCE');
  }
  return { mode, secret, jwksUrl, issuer, audience };
}

/**
 * Reads the query limits: HUB_QUERY_MAX_DEPTH, _ALIASES, _COST, _TOKENS, _DIRECTIVES and _BATCH (each a
 * positive integer; the defaults fit the household view with headroom), and the persisted-query allowlist
 * (HUB_PERSISTED_QUERIES, a JSON file of sha256 hex → query text; HUB_PERSISTED_ONLY=true accepts nothing else).
 */
export function queryLimitsConfig(env: NodeJS.ProcessEnv = process.env): QueryLimitsConfig {
  const limits = { ...DEFAULT_QUERY_LIMITS };
  for (const key of Object.keys(LIMIT_ENV) as (keyof QueryLimits)[]) limits[key] = positiveInteger(env, LIMIT_ENV[key], limits[key]);
  const path = env['HUB_PERSISTED_QUERIES'] || null;
  const only = env['HUB_PERSISTED_ONLY'] ?? '';
  if (only !== '' && only !== 'true' && only !== 'false') throw new ConfigError('HUB_PERSISTED_ONLY must be true or false');
  const persistedOnly = only === 'true';
  if (persistedOnly && !path) throw new ConfigError('HUB_PERSISTED_ONLY=true needs HUB_PERSISTED_QUERIES');
  let persistedQueries: ReadonlyMap<string, string> | null = null;
  if (path) {
    try {
      persistedQueries = loadPersistedQueries(path);
    } catch (error) {
      if (error instanceof PersistedQueriesError) throw new ConfigError(`HUB_PERSISTED_QUERIES: ${error.message}`);
      throw error;
    }
  }
  return { ...limits, persistedQueries, persistedOnly };
}

/** HUB_CIRCUIT_FAILURES (5) failed calls in a row open a sector's circuit for HUB_CIRCUIT_COOLDOWN_MS (10000). */
export function circuitConfig(env: NodeJS.ProcessEnv = process.env): { failures: number; coolDownMs: number } {
  return { failures: positiveInteger(env, 'HUB_CIRCUIT_FAILURES', 5), coolDownMs: positiveInteger(env, 'HUB_CIRCUIT_COOLDOWN_MS', 10_000) };
}

/**
 * HUB_SUBGRAPH_MAX_RESPONSE_BYTES (16 MiB): the most the gateway buffers of one subgraph's answer. The sources' own
 * bounds keep answers far below it; this is the last line, so no stored record can make the gateway hold gigabytes.
 */
export function subgraphResponseLimit(env: NodeJS.ProcessEnv = process.env): number {
  return positiveInteger(env, 'HUB_SUBGRAPH_MAX_RESPONSE_BYTES', 16 * 1024 * 1024);
}

/** A positive integer written in decimal digits, or the fallback when the variable is unset or blank. */
function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value) || value < 1) throw new ConfigError(`${name} must be a positive integer`);
  return value;
}
