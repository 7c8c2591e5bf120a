import type { DataSource, MigrationInterface } from 'typeorm';
import type { SectorDemoWriter } from '@welfare-hub/citygen';
import type { IngestConfig, SourceGenerations, SourceIngest } from '@welfare-hub/ingest';
import type { Weights } from '@welfare-hub/linkage';
import type { Decision } from '@welfare-hub/policy';
import type { SectorInfo } from '@welfare-hub/sectors';
import type { SituationFacts } from '@welfare-hub/situations';
import type { SourceHealth } from '@welfare-hub/subgraph-host';

/** A sector's source as the hub runs it: read once at start and kept fresh, its state in the health answer. */
export interface SectorSource {
  start(): Promise<void>;
  health(): Promise<SourceHealth>;
  close(): Promise<void>;
}

/** The settings every sector's ingest reads from the hub's configuration. */
export interface IngestSettings {
  linkageWeights: Weights;
  ingest: IngestConfig;
}

/** What a sector's source is built from; `config` is the hub's configuration (the launcher's HubConfig). */
export interface SectorSourceDeps<C> {
  db: DataSource;
  config: C;
  /** The other processes' reads and the catch-up window (packages/ingest): what connectIngest needs. */
  generations: SourceGenerations;
  catchUpSeconds: number;
}

/**
 * A sector's part of the demo city (npm start without its source configured): its legacy source, written by the city
 * generator (tools/citygen) into the sector's folder of the city, and served from there to the hub's own ingest.
 */
export interface SectorDemo<C> {
  /** Writes the source for a generated city; loaded on first use (only a demo start writes a city). */
  write: SectorDemoWriter;
  /** Whether the configuration leaves this source to the demo city. */
  unconfigured(config: C): boolean;
  /**
   * Serves what `write` left in `dir`: the configuration with the source filled in (the whole of it, whatever more the
   * hub's configuration holds than C), and how to stop serving it.
   */
  serve<T extends C>(dir: string, deps: { db: DataSource; config: T }): Promise<{ config: T; close(): Promise<void> }>;
}

/**
 * A sector, whole: everything the hub needs to serve it, exported by the sector's own folder
 * (adapters/<sector>/src/sector.ts) and listed once in the launcher (launcher/src/sectors.ts). P is its profile.
 */
export interface SectorModule<P = unknown, C = never> {
  /** What the lower layers read (@welfare-hub/sectors): code, Person field, subgraph, source, linkage sources. */
  info: SectorInfo;
  /** The subgraph's SDL (the sector value types, sectorValueTypesSdl, are added to it when the subgraph is built). */
  sdl: string;
  /** Its tables. */
  migrations: readonly (new () => MigrationInterface)[];
  /** Every person's profile in one read; a person the sector holds nothing about gets an empty profile. */
  profiles(db: DataSource, atenaNos: readonly string[], today: string): Promise<Map<string, P>>;
  /** What Household.situations and the analysts' index need of every person, in one read. */
  facts(db: DataSource, atenaNos: readonly string[]): Promise<Map<string, SituationFacts>>;
  /** Its source: the adapter's ingest, connected and reading (connectIngest), or anything that reports its health. */
  source(deps: SectorSourceDeps<C>): Promise<SectorSource>;
  /**
   * The settings it reads beyond the hub's own, as HUB_SECTOR_<CODE>_<NAME> (the NAMEs, e.g. DIR): a sector given at start
   * (HUB_SECTOR_MODULES) finds them in its configuration's `sectorSettings[CODE]`; any other name stops the start.
   */
  settings?: readonly string[];
  /** Its part of the demo city; a sector without one has no demo source, and a demo hub needs its source configured. */
  demo?: SectorDemo<C>;
  /** What a basis releases where it does not release the whole sector (kodomo's 要対協 case, access rule 4). */
  release?: { profile(profile: P, decision: Decision): P; facts(facts: SituationFacts, decision: Decision): SituationFacts };
}

/**
 * An adapter's ingest as a sector source: told of the other processes' reads and following the registry, then its
 * first read and watching or polling; a failed read is the source's state, reported by its health.
 */
export async function connectIngest(
  ingest: SourceIngest<unknown> & { watch(): unknown },
  deps: SectorSourceDeps<unknown>,
  onReadFailed: () => void,
  afterClose: () => Promise<void> = async () => {},
): Promise<SectorSource> {
  await ingest.connect(deps.generations, { followRegistry: true, catchUpSeconds: deps.catchUpSeconds });
  return {
    async start() {
      await ingest.scan().catch(onReadFailed);
      await ingest.watch();
    },
    health: () => ingest.health(),
    async close() {
      await ingest.close();
      await afterClose();
    },
  };
}
