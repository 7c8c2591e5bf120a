import type { AuthConfig, FrontEndConfig, QueryLimitsConfig } from '@welfare-hub/gateway/settings';
import type { IngestConfig } from '@welfare-hub/ingest';
import type { Weights } from '@welfare-hub/linkage';
import type { SubgraphName } from '@welfare-hub/schema';
import type { SituationThresholds } from '@welfare-hub/situations';
import type { FundingRule } from '@welfare-hub/subgraph-cases/settings';

/** One part of the hub a process can run: the gateway or one subgraph. */
export type Role = 'gateway' | SubgraphName;

/**
 * What a process was started to be: the whole hub in one process (embedded), the launcher that runs one process per
 * part (supervisor), or one part.
 */
export type Scope = 'embedded' | 'supervisor' | Role;

/** Where each legacy system is read; null: not configured (served by the demo city in demo mode). */
export interface SourcesConfig {
  jukiDir: string | null;
  kaigoDbUrl: string | null;
  kaigoPollSeconds: number;
  shogaiDir: string | null;
  kodomoUrl: string | null;
  kodomoApiKey: string;
  kodomoPollSeconds: number;
  konkyuDir: string | null;
}

/** The whole configuration of a hub process, parsed and checked once at boot (config/load.ts). */
export interface HubConfig {
  /** Modules of sectors beyond the built-in ones (HUB_SECTOR_MODULES: paths or URLs, comma-separated), each exporting `sector`. */
  sectorModules: string[];
  /** Their settings, HUB_SECTOR_<CODE>_<NAME>, by sector code and name (each sector lists the names it reads). */
  sectorSettings: Readonly<Record<string, Readonly<Record<string, string>>>>;
  scope: Scope;
  mode: 'demo' | 'production';
  log: 'json' | 'silent';
  /** The gateway's address. */
  port: number;
  host: string;
  /** urls: by subgraph name, those of the built-in parts and of any sector given by HUB_SECTOR_MODULES. */
  subgraphs: { host: string; portFrom: number; urls: Partial<Record<string, string>> };
  /** A PostgreSQL server; null for the embedded PGlite in dataDir. */
  databaseUrl: string | null;
  dataDir: string;
  sources: SourcesConfig;
  auth: AuthConfig;
  /** The gateway's context-signing pair as PEM (multi-process); null: generated for this start. */
  contextKeys: { privatePem: string | null; publicPem: string | null };
  /** witnessFile: the append-only file of signed heads (demo: in dataDir when unset; production: required). */
  audit: { signingKeyPem: string | null; checkpointSeconds: number; retentionYears: number; observeSeconds: number; witnessFile: string | null };
  analytics: { key: string | null; threshold: number; refreshSeconds: number };
  situations: SituationThresholds;
  linkageWeights: Weights;
  /** Below this age a consent is given by a representative. */
  consentOwnAge: number;
  gateway: {
    subgraphTimeoutMs: number;
    circuit: { failures: number; coolDownMs: number };
    limits: QueryLimitsConfig;
    maxSubgraphResponseBytes: number;
    /** CORS, the console (served at /) and its OpenID Connect sign-in. */
    frontEnd: FrontEndConfig;
  };
  /** When a snapshot is held instead of applied, and how long a read may run. */
  ingest: IngestConfig;
  /** How often a process checks the durable generations for a change it was not told of. */
  eventsCatchUpSeconds: number;
  /** Case work: the 課題 codes (HUB_CASE_ISSUES) and the 按分 rule of the 実績報告 (HUB_CASE_FUNDING_RULE). */
  cases: { issues: ReadonlyMap<string, string>; fundingRule: FundingRule };
  /** history: the demo city's year of case work is loaded (HUB_DEMO_CASE_HISTORY). */
  demo: { residents: number; seed: number; caseHistory: boolean };
}
