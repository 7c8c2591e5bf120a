import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { CITY_FORMAT, generateDemoCity } from '@welfare-hub/citygen';
import { todayInTokyo } from '@welfare-hub/codec';
import { loadCaseHistory } from '@welfare-hub/subgraph-cases';
import { writeDemoRecords } from '@welfare-hub/subgraph-hub/demo';
import { logEvent } from '@welfare-hub/telemetry';
import type { HubConfig } from '../config/index.js';
import { seedDemoRegister } from '../seed.js';
import { demoCitySectors, type HubSectorModule } from '../sectors.js';

export interface DemoSources {
  /** The configuration with every source the demo city serves filled in. */
  config: HubConfig;
  /** The sources served by the demo city (none in a hub whose sources are all configured). */
  served: string[];
  close(): Promise<void>;
}

/** The sources a configuration leaves to the demo city: the 住基 files and each sector's that has a demo part. */
export function demoServed(config: HubConfig, sectors: readonly HubSectorModule[]): string[] {
  return [...(config.sources.jukiDir === null ? ['juki'] : []), ...sectors.filter((m) => m.demo?.unconfigured(config)).map((m) => m.info.subgraph)];
}

/**
 * In demo mode, a source that is not configured is served from a generated demo city (generated once per size, seed
 * and sectors under the data folder, so a restart reads the same city): each sector serves its own folder of it
 * (SectorDemo.serve: files in folders, the kodomo API by a simulator run by this process, the 介護 vendor tables in the
 * hub's own store). A hub with any demo source gets the demo register. Production never gets here with a source
 * missing (config/load.ts refuses it).
 */
export async function prepareDemo(config: HubConfig, db: DataSource, sectors: readonly HubSectorModule[]): Promise<DemoSources> {
  const served = demoServed(config, sectors);
  if (served.length === 0 || config.mode === 'production') return { config, served: [], close: async () => {} };
  const city = await ensureDemoCity(config.dataDir, config.demo.residents, config.demo.seed, todayInTokyo(), sectors);
  await seedDemoRegister(db);
  // The city's year of case work into an empty case store, so that a demo shows a municipality in mid-year: its
  // meetings and consents written by the hub's own writer, in the case loader's transaction.
  if (config.demo.caseHistory) {
    const loaded = await loadCaseHistory(db, join(city, 'cases', 'cases.json'), writeDemoRecords);
    if (loaded > 0) logEvent('cases.demo_history_loaded', { cases: loaded });
  }
  let serving: HubConfig = { ...config, sources: { ...config.sources, jukiDir: config.sources.jukiDir ?? join(city, 'juki') } };
  const closers: (() => Promise<void>)[] = [];
  const close = async (): Promise<void> => {
    await Promise.all(closers.map((stop) => stop()));
  };
  try {
    for (const sector of sectors) {
      if (!sector.demo?.unconfigured(serving)) continue;
      const demo = await sector.demo.serve(join(city, sector.info.subgraph), { db, config: serving });
      serving = demo.config;
      closers.push(demo.close);
    }
  } catch (error) {
    // A sector that cannot serve its part stops the start: what the others started (a simulator's port) is stopped too.
    await close();
    throw error;
  }
  return { config: serving, served, close };
}

/** The demo city's folder, written anew when its size, seed, sectors or the generator's format differ from the cached one. */
async function ensureDemoCity(dataDir: string, residents: number, seed: number, asOf: string, modules: readonly HubSectorModule[]): Promise<string> {
  const root = join(dataDir, 'demo-city');
  const marker = join(root, 'city.json');
  const sectors = demoCitySectors(modules);
  // The generator's format too: a city cached by an older generator (without what is new) is written again.
  const wanted = JSON.stringify({ residents, seed, format: CITY_FORMAT, sectors: sectors.map((s) => s.code) });
  const folders = ['juki', 'cases', ...sectors.map((s) => s.folder)].map((folder) => join(root, folder));
  if (existsSync(marker) && readFileSync(marker, 'utf8') === wanted && folders.every((d) => existsSync(d))) return root;
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  await generateDemoCity({ dir: root, residents, seed, asOf, sectors });
  writeFileSync(marker, wanted);
  return root;
}
