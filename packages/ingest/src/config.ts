/**
 * How strict a source is with what it reads: when a snapshot is held instead of applied, and how long a read may
 * run. Parsed from the environment once per process (the lead's typed configuration will take these over).
 */
export interface IngestConfig {
  /** A full snapshot whose good records fall below this share of the last applied one is held (0..1). */
  minShareOfLast: number;
  /** A read with more than this share of its records rejected is held (0..1). */
  maxRejectedShare: number;
  /** A read still running after this long is abandoned, reported and the source degraded. */
  readTimeoutMs: number;
}

export const DEFAULT_INGEST_CONFIG: IngestConfig = { minShareOfLast: 0.5, maxRejectedShare: 0.2, readTimeoutMs: 900_000 };

export class IngestConfigError extends Error {}

function share(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!/^(0|1|0?\.\d+|1\.0*)$/.test(raw) || value < 0 || value > 1) throw new IngestConfigError(`${name} must be a share between 0 and 1`);
  return value;
}

function seconds(env: NodeJS.ProcessEnv, name: string, fallbackMs: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallbackMs;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value) || value < 1) throw new IngestConfigError(`${name} must be a positive integer`);
  return value * 1000;
}

/**
 * HUB_SNAPSHOT_MIN_SHARE (0.5), HUB_SNAPSHOT_MAX_REJECTED_SHARE (0.2) and HUB_SOURCE_READ_TIMEOUT_SECONDS (900).
 */
export function ingestConfig(env: NodeJS.ProcessEnv = process.env): IngestConfig {
  return {
    minShareOfLast: share(env, 'HUB_SNAPSHOT_MIN_SHARE', DEFAULT_INGEST_CONFIG.minShareOfLast),
    maxRejectedShare: share(env, 'HUB_SNAPSHOT_MAX_REJECTED_SHARE', DEFAULT_INGEST_CONFIG.maxRejectedShare),
    readTimeoutMs: seconds(env, 'HUB_SOURCE_READ_TIMEOUT_SECONDS', DEFAULT_INGEST_CONFIG.readTimeoutMs),
  };
}
