import { kaigoSector } from '@welfare-hub/adapter-kaigo';
import { kodomoSector } from '@welfare-hub/adapter-kodomo';
import { konkyuSector } from '@welfare-hub/adapter-konkyu';
import { shogaiSector } from '@welfare-hub/adapter-shogai';
import type { SectorModule } from '@welfare-hub/sector-subgraph';
import { registerSector } from '@welfare-hub/sectors';
import type { HubConfig } from './config/index.js';

/** A sector module the hub can run: its source reads what it needs of the hub's configuration. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each sector has its own profile type
export type HubSectorModule = SectorModule<any, HubConfig>;

/**
 * Every sector the hub serves, each exported by its own folder (adapters/<sector>/src/sector.ts). Adding a sector is
 * one line here (README, "Adding a sector"); its subgraph, tables, source, facts, breaker and health follow from it.
 */
export const SECTOR_MODULES: readonly HubSectorModule[] = [kaigoSector, shogaiSector, kodomoSector, konkyuSector];
// Registered as this module loads, before the roles (compose/index.ts) and ports (subgraphNames) are listed from it.
for (const module of SECTOR_MODULES) registerSector(module.info);

/**
 * The built-in sectors and the given ones, the given ones registered (@welfare-hub/sectors) so that every layer of
 * this process (policy, situations, ingest, the gateway, composition) knows them before anything is built.
 */
export function sectorModules(extra: readonly HubSectorModule[] = []): HubSectorModule[] {
  for (const module of [...SECTOR_MODULES, ...extra]) registerSector(module.info);
  return [...SECTOR_MODULES, ...extra];
}

/** Each sector's facts reader by its code, in the registry's order: what the analysts' index reads through. */
export function sectorFacts(modules: readonly HubSectorModule[] = sectorModules()): Record<string, HubSectorModule['facts']> {
  return Object.fromEntries(modules.map((m) => [m.info.code, m.facts]));
}
