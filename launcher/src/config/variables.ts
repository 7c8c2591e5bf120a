import { z } from 'zod';
import { DEFAULT_QUERY_LIMITS, DEFAULT_SUBGRAPH_RESPONSE_BYTES } from '@welfare-hub/gateway/settings';
import { DEFAULT_INGEST_CONFIG } from '@welfare-hub/ingest';
import { DEFAULT_THRESHOLDS } from '@welfare-hub/situations';
import { DEFAULT_WEIGHTS, MATCH_FIELDS } from '@welfare-hub/linkage';
import { DEFAULT_SUPPRESSION_THRESHOLD, MIN_SUPPRESSION_THRESHOLD } from '@welfare-hub/analytics';
import { SUBGRAPH_NAMES } from '@welfare-hub/schema';

/**
 * Every HUB_* variable the hub reads, each with its own schema: the one list of what a deployment can set. A value
 * the hub does not know is an error at boot, never a silent default (HUB_MODE=PRODUCTION must not start a demo).
 * Blank counts as unset, as it does in env files.
 */
const text = z.string().trim().min(1);
const whole = (min: number, fallback: number, max = Number.MAX_SAFE_INTEGER) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, `must be a whole number of at least ${min}`)
    .transform(Number)
    .pipe(z.number().int().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`))
    .default(fallback);
const url = (protocols: readonly string[]) =>
  text.refine(
    (value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    `must be a URL (${protocols.join(' or ')})`,
  );
const json = <T extends z.ZodType>(schema: T) =>
  text
    .transform((raw, ctx) => {
      try {
        return JSON.parse(raw) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be JSON' });
        return z.NEVER;
      }
    })
    .pipe(schema);
const bool = z.enum(['true', 'false'], { error: 'must be true or false' }).transform((v) => v === 'true');
const age = z.number().int().min(0).max(150);
const share = (fallback: number) =>
  z
    .string()
    .trim()
    .regex(/^(0|1|0?\.\d+|1\.0*)$/, 'must be a share between 0 and 1 (e.g. 0.5)')
    .transform(Number)
    .default(fallback);
const probability = z.number().gt(0).lt(1);

export const VARIABLES = {
  HUB_MODE: z.enum(['demo', 'production'], { error: 'must be demo or production (lower case)' }).default('demo'),
  HUB_LOG: z.enum(['json', 'silent'], { error: 'must be json or silent' }).default('json'),
  HUB_PORT: whole(0, 4000, 65535),
  HUB_HOST: text.default('0.0.0.0'),
  HUB_SUBGRAPH_HOST: text.default('127.0.0.1'),
  HUB_SUBGRAPH_PORT_FROM: whole(1, 4101, 65535 - SUBGRAPH_NAMES.length),
  HUB_DATABASE_URL: url(['postgres:', 'postgresql:']).optional(),
  HUB_DATA_DIR: text.default('.hub-data'),
  HUB_JUKI_DIR: text.optional(),
  HUB_KAIGO_DB_URL: url(['postgres:', 'postgresql:', 'mysql:', 'mariadb:']).optional(),
  HUB_KAIGO_POLL_SECONDS: whole(1, 600),
  HUB_SHOGAI_DIR: text.optional(),
  HUB_KODOMO_URL: url(['http:', 'https:']).optional(),
  HUB_KODOMO_API_KEY: text.optional(),
  HUB_KODOMO_POLL_SECONDS: whole(1, 300),
  HUB_KONKYU_DIR: text.optional(),
  HUB_SECTOR_MODULES: text.optional(),
  HUB_LINKAGE_WEIGHTS: json(
    z.strictObject(Object.fromEntries(MATCH_FIELDS.map((f) => [f, z.strictObject({ m: probability, u: probability }).optional()]))),
  ).optional(),
  HUB_CONSENT_OWN_AGE: whole(1, 15, 150),
  HUB_SUBGRAPH_TIMEOUT_MS: whole(1, 5_000),
  HUB_CIRCUIT_FAILURES: whole(1, 5),
  HUB_CIRCUIT_COOLDOWN_MS: whole(1, 10_000),
  HUB_QUERY_MAX_DEPTH: whole(1, DEFAULT_QUERY_LIMITS.maxDepth),
  HUB_QUERY_MAX_ALIASES: whole(1, DEFAULT_QUERY_LIMITS.maxAliases),
  HUB_QUERY_MAX_COST: whole(1, DEFAULT_QUERY_LIMITS.maxCost),
  HUB_QUERY_MAX_TOKENS: whole(1, DEFAULT_QUERY_LIMITS.maxTokens),
  HUB_QUERY_MAX_DIRECTIVES: whole(1, DEFAULT_QUERY_LIMITS.maxDirectives),
  HUB_QUERY_MAX_BATCH: whole(1, DEFAULT_QUERY_LIMITS.maxBatch),
  HUB_PERSISTED_QUERIES: text.optional(),
  HUB_PERSISTED_ONLY: bool.default(false),
  HUB_JWT_SECRET: text.optional(),
  HUB_JWKS_URL: url(['http:', 'https:']).optional(),
  HUB_JWT_ISSUER: text.optional(),
  HUB_JWT_AUDIENCE: text.optional(),
  HUB_CONTEXT_PRIVATE_KEY: text.optional(),
  HUB_CONTEXT_PUBLIC_KEY: text.optional(),
  HUB_AUDIT_SIGNING_KEY: text.optional(),
  HUB_AUDIT_CHECKPOINT_SECONDS: whole(1, 60),
  HUB_AUDIT_RETENTION_YEARS: whole(1, 7),
  HUB_AUDIT_WITNESS_PATH: text.optional(),
  HUB_AUDIT_OBSERVE_SECONDS: whole(1, 5),
  HUB_SITUATION_THRESHOLDS: json(
    z
      .strictObject({
        elderFrom: age,
        childFrom: age,
        childTo: age,
        youngChildUnder: age,
        minorUnder: age,
        adultFrom: age,
        adultTo: age,
        hikikomoriWords: z.array(z.string().trim().min(1)).min(1),
      })
      .partial(),
  ).optional(),
  HUB_ANALYTICS_KEY: text.refine((key) => Buffer.byteLength(key, 'utf8') >= 32, 'must be at least 32 bytes').optional(),
  HUB_ANALYTICS_THRESHOLD: whole(MIN_SUPPRESSION_THRESHOLD, DEFAULT_SUPPRESSION_THRESHOLD),
  HUB_ANALYTICS_REFRESH_SECONDS: whole(1, 900),
  HUB_EVENTS_CATCH_UP_SECONDS: whole(1, 5),
  HUB_SNAPSHOT_MIN_SHARE: share(DEFAULT_INGEST_CONFIG.minShareOfLast),
  HUB_SNAPSHOT_MAX_REJECTED_SHARE: share(DEFAULT_INGEST_CONFIG.maxRejectedShare),
  HUB_SOURCE_READ_TIMEOUT_SECONDS: whole(1, DEFAULT_INGEST_CONFIG.readTimeoutMs / 1000),
  HUB_SUBGRAPH_MAX_RESPONSE_BYTES: whole(1, DEFAULT_SUBGRAPH_RESPONSE_BYTES),
  HUB_CORS_ORIGINS: text.optional(),
  HUB_OIDC_ISSUER: text.optional(),
  HUB_OIDC_CLIENT_ID: text.optional(),
  HUB_OIDC_REDIRECT_URI: text.optional(),
  HUB_OIDC_SCOPE: text.optional(),
  HUB_CASE_ISSUES: text.optional(),
  HUB_CASE_FUNDING_RULE: text.optional(),
  HUB_DEMO_CASE_HISTORY: bool.default(true),
  HUB_DEMO_RESIDENTS: whole(1, 10_000),
  HUB_DEMO_SEED: whole(1, 20261122),
} as const;

/** HUB_SUBGRAPH_URL_<NAME>: where the gateway reaches a subgraph on another host. */
export const subgraphUrl = url(['http:', 'https:']);
/**
 * HUB_SECTOR_<CODE>_<NAME>: a setting of a sector given at start (HUB_SECTOR_MODULES), its drop folder or its URL, which
 * the configuration cannot list: taken by its form, handed to the sector as `sectorSettings[CODE][NAME]`, and refused at
 * start unless the sector names it in its descriptor's `settings`.
 */
export const SECTOR_SETTING_VARIABLE = /^HUB_SECTOR_([A-Z][A-Z0-9]*)_([A-Z][A-Z0-9_]*)$/;
/** Its form: NAME is a subgraph's (a sector's given by HUB_SECTOR_MODULES too), known only at start. */
export const SUBGRAPH_URL_VARIABLE = /^HUB_SUBGRAPH_URL_([A-Z][A-Z0-9_]*)$/;

export { DEFAULT_THRESHOLDS, DEFAULT_WEIGHTS };
