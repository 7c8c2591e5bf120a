/**
 * How strict a source is with what it reads: when a snapshot is held instead of applied, and how long a read may
 * run (HUB_SNAPSHOT_MIN_SHARE, HUB_SNAPSHOT_MAX_REJECTED_SHARE, HUB_SOURCE_READ_TIMEOUT_SECONDS in the launcher's
 * configuration).
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
