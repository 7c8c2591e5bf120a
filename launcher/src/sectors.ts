import { kaigoSector } from '@welfare-hub/adapter-kaigo';
import { kodomoSector } from '@welfare-hub/adapter-kodomo';
import { konkyuSector } from '@welfare-hub/adapter-konkyu';
import { shogaiSector } from '@welfare-hub/adapter-shogai';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DemoCitySector } from '@welfare-hub/citygen';
import type { SectorModule } from '@welfare-hub/sector-subgraph';
import { subgraphNames } from '@welfare-hub/schema';
import { registerSector } from '@welfare-hub/sectors';
import type { HubConfig, Role } from './config/index.js';

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

/** The sectors with a part in the demo city, as the city generator takes them: in the registry's order, each in its folder. */
export function demoCitySectors(modules: readonly HubSectorModule[] = SECTOR_MODULES): DemoCitySector[] {
  return modules.flatMap((m) => (m.demo ? [{ code: m.info.code, folder: m.info.subgraph, write: m.demo.write }] : []));
}

/**
 * What the configuration took by form (config/load.ts) and names nothing this hub has, once its sectors are registered:
 * a HUB_SUBGRAPH_URL_<NAME> of no part, a HUB_SECTOR_<CODE>_<NAME> of no sector or that its sector does not read. A
 * misspelt name stops the start instead of being ignored.
 */
export function namedByForm(config: Pick<HubConfig, 'subgraphs' | 'sectorSettings'>, modules: readonly HubSectorModule[]): string[] {
  const parts = subgraphNames();
  const urls = Object.keys(config.subgraphs.urls)
    .filter((name) => !parts.includes(name))
    .map((name) => `HUB_SUBGRAPH_URL_${name.toUpperCase()}: names no part of this hub (${parts.join(', ')})`);
  const settings = Object.entries(config.sectorSettings).flatMap(([code, given]) => {
    const module = modules.find((m) => m.info.code === code);
    const reads = module?.settings ?? [];
    const why = module ? `not a setting the ${code} sector reads (${reads.join(', ') || 'none'})` : 'names no sector of this hub';
    return Object.keys(given)
      .filter((name) => !reads.includes(name))
      .map((name) => `HUB_SECTOR_${code}_${name}: ${why}`);
  });
  return [...urls, ...settings];
}

/**
 * The sectors a deployment adds without changing the hub's tree (HUB_SECTOR_MODULES): each module is imported and its
 * `sector` export registered, in every process, so that every part and the gateway agree on the list.
 */
export async function loadSectorModules(specifiers: readonly string[]): Promise<HubSectorModule[]> {
  const loaded: HubSectorModule[] = [];
  for (const specifier of specifiers) {
    const url = /^[a-z]+:/.test(specifier) ? specifier : pathToFileURL(resolve(specifier)).href;
    const module = ((await import(url)) as { sector?: HubSectorModule }).sector;
    if (!module?.info) throw new Error(`${specifier} exports no sector`);
    registerSector(module.info);
    loaded.push(module);
  }
  return loaded;
}

/** Every part of the hub as registered now: each subgraph in port order, then the gateway. */
export const allRoles = (): Role[] => [...subgraphNames(), 'gateway'];
