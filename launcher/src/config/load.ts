import { createPrivateKey, createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import {
  defaultConsoleDir,
  DEMO_JWT_SECRET,
  frontEndConfig,
  loadPersistedQueries,
  type AuthConfig,
  type FrontEndConfig,
  type QueryLimitsConfig,
} from '@welfare-hub/gateway/settings';
import type { SubgraphName } from '@welfare-hub/schema';
import { DEFAULT_THRESHOLDS, DEFAULT_WEIGHTS, SECTOR_SETTING_VARIABLE, SUBGRAPH_URL_VARIABLE, subgraphUrl, VARIABLES } from './variables.js';
import { fundingRule, issueCodes } from '@welfare-hub/subgraph-cases/settings';
import type { HubConfig, Role, Scope } from './types.js';

/** Every problem of a configuration at once, each naming its variable: an operator fixes them in one go. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The hub's configuration is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

const SCHEMA = z.object(VARIABLES);
type Parsed = z.output<typeof SCHEMA>;

/** The variable each source is configured by, and the subgraph that reads it. */
const SOURCE_VARIABLES: readonly { role: SubgraphName; variables: readonly (keyof Parsed)[] }[] = [
  { role: 'juki', variables: ['HUB_JUKI_DIR'] },
  { role: 'kaigo', variables: ['HUB_KAIGO_DB_URL'] },
  { role: 'shogai', variables: ['HUB_SHOGAI_DIR'] },
  { role: 'kodomo', variables: ['HUB_KODOMO_URL', 'HUB_KODOMO_API_KEY'] },
  { role: 'konkyu', variables: ['HUB_KONKYU_DIR'] },
];

/**
 * Secrets may be given as files (`<NAME>_FILE`, what compose and Docker secrets mount): the file's content, less one
 * trailing newline, is the value.
 */
export const FILE_VARIABLES = [
  'HUB_DATABASE_URL',
  'HUB_CONTEXT_PRIVATE_KEY',
  'HUB_CONTEXT_PUBLIC_KEY',
  'HUB_AUDIT_SIGNING_KEY',
  'HUB_ANALYTICS_KEY',
  'HUB_KODOMO_API_KEY',
  'HUB_KAIGO_DB_URL',
  'HUB_JWT_SECRET',
] as const;

/** The environment with every `<NAME>_FILE` read into `<NAME>`. */
function withFiles(env: NodeJS.ProcessEnv, problems: string[]): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...env };
  for (const name of FILE_VARIABLES) {
    const path = env[`${name}_FILE`]?.trim();
    delete out[`${name}_FILE`];
    if (!path) continue;
    if (env[name]?.trim()) {
      problems.push(`${name}_FILE: ${name} is set as well; give one of them`);
      continue;
    }
    try {
      out[name] = readFileSync(path, 'utf8').replace(/\r?\n$/, '');
    } catch {
      problems.push(`${name}_FILE: cannot read ${path}`);
    }
  }
  return out;
}

/** The database a one-shot step (the migration) works on: HUB_DATABASE_URL or its _FILE. */
export function databaseUrlOf(given: NodeJS.ProcessEnv): string {
  const problems: string[] = [];
  const url = withFiles(given, problems)['HUB_DATABASE_URL']?.trim();
  if (!url) problems.push('HUB_DATABASE_URL: required (the PostgreSQL server to migrate)');
  if (problems.length > 0) throw new ConfigError(problems);
  return url!;
}

/** The set variables of a form, with what the form captures; blank counts as unset and a NUL byte is refused, as for every variable. */
function byForm(env: NodeJS.ProcessEnv, form: RegExp, problems: string[]): { name: string; parts: string[]; value: string }[] {
  return Object.keys(env).flatMap((name) => {
    const match = form.exec(name);
    const value = env[name];
    if (!match || !value?.trim()) return [];
    if (value.includes('\u0000')) {
      problems.push(`${name}: contains a NUL character`);
      return [];
    }
    return [{ name, parts: match.slice(1), value }];
  });
}

const runs = (scope: Scope, role: Role): boolean => scope === 'embedded' || scope === 'supervisor' || scope === role;

/**
 * Parses and checks every HUB_* variable once, for the part of the hub this process runs, and reports all problems
 * together. Nothing else in the hub reads the environment (OTEL_* excepted: OpenTelemetry's own).
 */
export function loadConfig(given: NodeJS.ProcessEnv, scope: Scope): HubConfig {
  const problems: string[] = [];
  const env = withFiles(given, problems);
  const known = new Set(Object.keys(SCHEMA.shape));
  // A subgraph's URL (a sector given by HUB_SECTOR_MODULES has one too) and a given sector's settings are named by the
  // parts and sectors of this start, which the schema cannot list: they are taken by their form and checked against
  // the registered subgraphs and each sector's own list at start (compose/index.ts).
  const forms = [SUBGRAPH_URL_VARIABLE, SECTOR_SETTING_VARIABLE];
  for (const name of Object.keys(env)) {
    if (name.startsWith('HUB_') && !known.has(name) && !forms.some((form) => form.test(name)))
      problems.push(`${name}: not a variable the hub knows (misspelt?)`);
  }
  const urls: Partial<Record<string, string>> = {};
  for (const { name, parts, value } of byForm(env, SUBGRAPH_URL_VARIABLE, problems)) {
    const checked = subgraphUrl.safeParse(value);
    if (checked.success) urls[parts[0]!.toLowerCase()] = checked.data!;
    else problems.push(`${name}: ${checked.error.issues[0]!.message}`);
  }
  const sectorSettings: Record<string, Record<string, string>> = {};
  for (const { parts, value } of byForm(env, SECTOR_SETTING_VARIABLE, problems)) (sectorSettings[parts[0]!] ??= {})[parts[1]!] = value;
  // Blank counts as unset, as in env files; a value with a NUL byte is never a setting.
  const values = Object.fromEntries([...known].map((name) => [name, env[name]?.trim() ? env[name] : undefined]));
  for (const [name, value] of Object.entries(values)) if (value?.includes('\u0000')) problems.push(`${name}: contains a NUL character`);
  const parsed = SCHEMA.safeParse(values);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(`${String(issue.path[0])}: ${issue.message}`);
    throw new ConfigError(problems);
  }
  const v = parsed.data;
  const production = v.HUB_MODE === 'production';

  const auth = authConfig(v, production, runs(scope, 'gateway'), problems);
  const limits = queryLimits(v, problems);
  const thresholds = { ...DEFAULT_THRESHOLDS, ...v.HUB_SITUATION_THRESHOLDS };
  if (thresholds.childFrom > thresholds.childTo) problems.push('HUB_SITUATION_THRESHOLDS: childFrom is above childTo');
  if (thresholds.adultFrom > thresholds.adultTo) problems.push('HUB_SITUATION_THRESHOLDS: adultFrom is above adultTo');

  // Where each part is needed: its source, its keys and its store.
  const role = scope === 'embedded' || scope === 'supervisor' ? null : scope;
  for (const { role: reader, variables } of SOURCE_VARIABLES) {
    // A part run on its own is handed its source (the launcher does so for the demo city); the whole hub in production
    // must be given every one, since only a demo may stand in for a city's system.
    if ((role === reader || (role === null && production)) && !variables.every((name) => v[name] !== undefined)) {
      problems.push(
        `${variables.find((name) => v[name] === undefined)}: required ${production ? 'in production' : `by the ${reader} process`} (where the ${reader} system is read)`,
      );
    }
  }
  if (role !== null && role !== 'gateway' && !v.HUB_DATABASE_URL)
    problems.push(`HUB_DATABASE_URL: required by the ${role} process (a subgraph of its own shares the hub's PostgreSQL)`);
  if (role !== null && role !== 'gateway' && !v.HUB_CONTEXT_PUBLIC_KEY)
    problems.push(`HUB_CONTEXT_PUBLIC_KEY: required by the ${role} process (it trusts only the gateway's key)`);
  if (role === 'gateway' && !v.HUB_CONTEXT_PRIVATE_KEY) problems.push('HUB_CONTEXT_PRIVATE_KEY: required by the gateway process');
  if (production && runs(scope, 'hub')) {
    if (!v.HUB_AUDIT_SIGNING_KEY)
      problems.push('HUB_AUDIT_SIGNING_KEY: required in production (the audit checkpoints are signed with a key kept apart from the database)');
    if (!v.HUB_ANALYTICS_KEY) problems.push("HUB_ANALYTICS_KEY: required in production (the key of the analysts' pseudonymised index)");
    if (!v.HUB_AUDIT_WITNESS_PATH)
      problems.push(
        "HUB_AUDIT_WITNESS_PATH: required in production (the audit log is checked against heads kept where the database's owner cannot rewrite them)",
      );
  }
  let frontEnd: FrontEndConfig = { corsOrigins: [], consoleDir: null, oidc: null };
  try {
    frontEnd = frontEndConfig(
      {
        HUB_CORS_ORIGINS: v.HUB_CORS_ORIGINS,
        HUB_OIDC_ISSUER: v.HUB_OIDC_ISSUER,
        HUB_OIDC_CLIENT_ID: v.HUB_OIDC_CLIENT_ID,
        HUB_OIDC_REDIRECT_URI: v.HUB_OIDC_REDIRECT_URI,
        HUB_OIDC_SCOPE: v.HUB_OIDC_SCOPE,
      },
      defaultConsoleDir(),
    );
  } catch (error) {
    problems.push((error as Error).message);
  }
  // The case subgraph's own rules for its settings, each naming its variable.
  const cases = { issues: new Map<string, string>(), fundingRule: fundingRule(undefined) };
  try {
    cases.issues = issueCodes(v.HUB_CASE_ISSUES);
  } catch (error) {
    problems.push((error as Error).message.replace(/^HUB_CASE_ISSUES:? ?/, 'HUB_CASE_ISSUES: '));
  }
  try {
    cases.fundingRule = fundingRule(v.HUB_CASE_FUNDING_RULE);
  } catch (error) {
    problems.push((error as Error).message.replace(/^HUB_CASE_FUNDING_RULE:? ?/, 'HUB_CASE_FUNDING_RULE: '));
  }
  const privatePem = pem(v.HUB_CONTEXT_PRIVATE_KEY);
  const publicPem = pem(v.HUB_CONTEXT_PUBLIC_KEY);
  const auditPem = pem(v.HUB_AUDIT_SIGNING_KEY);
  checkKey('HUB_CONTEXT_PRIVATE_KEY', privatePem, 'private', problems);
  checkKey('HUB_CONTEXT_PUBLIC_KEY', publicPem, 'public', problems);
  checkKey('HUB_AUDIT_SIGNING_KEY', auditPem, 'private', problems);
  if (problems.length > 0) throw new ConfigError(problems);

  const dir = (value: string | undefined): string | null => (value ? resolve(value) : null);
  return {
    scope,
    sectorModules: sectorModuleSpecifiers(v.HUB_SECTOR_MODULES),
    sectorSettings,
    mode: v.HUB_MODE,
    log: v.HUB_LOG,
    port: v.HUB_PORT,
    host: v.HUB_HOST,
    subgraphs: { host: v.HUB_SUBGRAPH_HOST, portFrom: v.HUB_SUBGRAPH_PORT_FROM, urls },
    databaseUrl: v.HUB_DATABASE_URL ?? null,
    dataDir: resolve(v.HUB_DATA_DIR),
    sources: {
      jukiDir: dir(v.HUB_JUKI_DIR),
      kaigoDbUrl: v.HUB_KAIGO_DB_URL ?? null,
      kaigoPollSeconds: v.HUB_KAIGO_POLL_SECONDS,
      shogaiDir: dir(v.HUB_SHOGAI_DIR),
      kodomoUrl: v.HUB_KODOMO_URL ?? null,
      kodomoApiKey: v.HUB_KODOMO_API_KEY ?? '',
      kodomoPollSeconds: v.HUB_KODOMO_POLL_SECONDS,
      konkyuDir: dir(v.HUB_KONKYU_DIR),
    },
    auth,
    contextKeys: { privatePem, publicPem },
    audit: {
      signingKeyPem: auditPem,
      checkpointSeconds: v.HUB_AUDIT_CHECKPOINT_SECONDS,
      retentionYears: v.HUB_AUDIT_RETENTION_YEARS,
      observeSeconds: v.HUB_AUDIT_OBSERVE_SECONDS,
      witnessFile: v.HUB_AUDIT_WITNESS_PATH ? resolve(v.HUB_AUDIT_WITNESS_PATH) : null,
    },
    analytics: { key: v.HUB_ANALYTICS_KEY ?? null, threshold: v.HUB_ANALYTICS_THRESHOLD, refreshSeconds: v.HUB_ANALYTICS_REFRESH_SECONDS },
    situations: thresholds,
    linkageWeights: { ...DEFAULT_WEIGHTS, ...v.HUB_LINKAGE_WEIGHTS },
    consentOwnAge: v.HUB_CONSENT_OWN_AGE,
    gateway: {
      subgraphTimeoutMs: v.HUB_SUBGRAPH_TIMEOUT_MS,
      circuit: { failures: v.HUB_CIRCUIT_FAILURES, coolDownMs: v.HUB_CIRCUIT_COOLDOWN_MS },
      limits,
      maxSubgraphResponseBytes: v.HUB_SUBGRAPH_MAX_RESPONSE_BYTES,
      frontEnd,
    },
    ingest: {
      minShareOfLast: v.HUB_SNAPSHOT_MIN_SHARE,
      maxRejectedShare: v.HUB_SNAPSHOT_MAX_REJECTED_SHARE,
      readTimeoutMs: v.HUB_SOURCE_READ_TIMEOUT_SECONDS * 1000,
    },
    eventsCatchUpSeconds: v.HUB_EVENTS_CATCH_UP_SECONDS,
    cases,
    demo: { residents: v.HUB_DEMO_RESIDENTS, seed: v.HUB_DEMO_SEED, caseHistory: v.HUB_DEMO_CASE_HISTORY },
  };
}

/**
 * Demo and test: HS256 with HUB_JWT_SECRET (the demo default when unset). Production: the identity provider's JWKS
 * (or a strong secret of the municipality's own); a production hub refuses the published demo secret.
 */
function authConfig(v: Parsed, production: boolean, checked: boolean, problems: string[]): AuthConfig {
  const [jwksUrl, issuer, audience] = [v.HUB_JWKS_URL ?? null, v.HUB_JWT_ISSUER ?? null, v.HUB_JWT_AUDIENCE ?? null];
  if (!production) return { mode: 'demo', secret: v.HUB_JWT_SECRET ?? DEMO_JWT_SECRET, jwksUrl, issuer, audience };
  const secret = v.HUB_JWT_SECRET ?? null;
  if (checked) {
    if (secret === DEMO_JWT_SECRET) problems.push('HUB_JWT_SECRET: HUB_MODE=production refuses the demo secret');
    else if (secret !== null && Buffer.byteLength(secret, 'utf8') < 32) problems.push('HUB_JWT_SECRET: must be at least 32 bytes in production');
    if (!jwksUrl && !secret) problems.push('HUB_JWKS_URL: HUB_MODE=production needs the identity provider (or a strong HUB_JWT_SECRET)');
    if (jwksUrl && !issuer) problems.push('HUB_JWT_ISSUER: required with HUB_JWKS_URL');
    if (jwksUrl && !audience) problems.push('HUB_JWT_AUDIENCE: required with HUB_JWKS_URL');
  }
  return { mode: 'production', secret, jwksUrl, issuer, audience };
}

function queryLimits(v: Parsed, problems: string[]): QueryLimitsConfig {
  let persistedQueries: ReadonlyMap<string, string> | null = null;
  if (v.HUB_PERSISTED_ONLY && !v.HUB_PERSISTED_QUERIES) problems.push('HUB_PERSISTED_ONLY: true needs HUB_PERSISTED_QUERIES');
  if (v.HUB_PERSISTED_QUERIES) {
    try {
      persistedQueries = loadPersistedQueries(v.HUB_PERSISTED_QUERIES);
    } catch (error) {
      problems.push(`HUB_PERSISTED_QUERIES: ${error instanceof Error ? error.message : 'cannot be read'}`);
    }
  }
  return {
    maxDepth: v.HUB_QUERY_MAX_DEPTH,
    maxAliases: v.HUB_QUERY_MAX_ALIASES,
    maxCost: v.HUB_QUERY_MAX_COST,
    maxTokens: v.HUB_QUERY_MAX_TOKENS,
    maxDirectives: v.HUB_QUERY_MAX_DIRECTIVES,
    maxBatch: v.HUB_QUERY_MAX_BATCH,
    persistedQueries,
    persistedOnly: v.HUB_PERSISTED_ONLY,
  };
}

/** Env files often carry a PEM on one line with literal \n. */
function pem(value: string | undefined): string | null {
  return value ? value.replace(/\\n/g, '\n').trim() : null;
}

/** Every key of the hub is Ed25519: a key of another kind, or not a key, is named at boot rather than at first use. */
function checkKey(name: string, value: string | null, kind: 'private' | 'public', problems: string[]): void {
  if (value === null) return;
  try {
    const key = kind === 'private' ? createPrivateKey(value) : createPublicKey(value);
    if (key.asymmetricKeyType !== 'ed25519') problems.push(`${name}: must be an Ed25519 ${kind} key (PEM)`);
  } catch {
    problems.push(`${name}: not a ${kind} key in PEM`);
  }
}

/** HUB_SECTOR_MODULES as a list: each entry a module path or URL. */
export function sectorModuleSpecifiers(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}
