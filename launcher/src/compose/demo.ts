import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { CITY_FORMAT, generateDemoCity } from '@welfare-hub/citygen';
import { todayInTokyo } from '@welfare-hub/codec';
import { loadKaigoVendorDb } from '@welfare-hub/kaigo-sim';
import { startKodomoSimulator } from '@welfare-hub/kodomo-sim';
import { loadCaseHistory } from '@welfare-hub/subgraph-cases';
import { writeDemoRecords } from '@welfare-hub/subgraph-hub/demo';
import { logEvent } from '@welfare-hub/telemetry';
import type { HubConfig } from '../config/index.js';
import { seedDemoRegister } from '../seed.js';

export interface DemoSources {
  /** The configuration with every source the demo city serves filled in. */
  config: HubConfig;
  /** The sources served by the demo city (none in a hub whose sources are all configured). */
  served: string[];
  close(): Promise<void>;
}

/** The sources a configuration leaves to the demo city. */
export function demoServed(config: HubConfig): string[] {
  const s = config.sources;
  return [
    ['juki', s.jukiDir],
    ['kaigo', s.kaigoDbUrl],
    ['shogai', s.shogaiDir],
    ['kodomo', s.kodomoUrl],
    ['konkyu', s.konkyuDir],
  ].flatMap(([name, place]) => (place === null ? [name as string] : []));
}

/**
 * In demo mode, a source that is not configured is served from a generated demo city (generated once per size and
 * seed under the data folder, so a restart reads the same city): its files in folders, the kodomo API by a simulator
 * run by this process, the 介護 vendor tables in the hub's own store. A hub with any demo source gets the demo
 * register. Production never gets here with a source missing (config/load.ts refuses it).
 */
export async function prepareDemo(config: HubConfig, db: DataSource): Promise<DemoSources> {
  const served = demoServed(config);
  if (served.length === 0 || config.mode === 'production') return { config, served: [], close: async () => {} };
  const city = await ensureDemoCity(config.dataDir, config.demo.residents, config.demo.seed, todayInTokyo());
  await seedDemoRegister(db);
  // The city's year of case work into an empty case store, so that a demo shows a municipality in mid-year: its
  // meetings and consents written by the hub's own writer, in the case loader's transaction.
  if (config.demo.caseHistory) {
    const loaded = await loadCaseHistory(db, city.casesFile, writeDemoRecords);
    if (loaded > 0) logEvent('cases.demo_history_loaded', { cases: loaded });
  }
  const sources = { ...config.sources };
  sources.jukiDir ??= city.jukiDir;
  sources.shogaiDir ??= city.shogaiDir;
  sources.konkyuDir ??= city.konkyuDir;
  let closeKodomo = async (): Promise<void> => {};
  if (sources.kodomoUrl === null) {
    const apiKey = randomBytes(16).toString('hex');
    const sim = await startKodomoSimulator({ dataFile: city.kodomoFile, apiKey });
    Object.assign(sources, { kodomoUrl: sim.url, kodomoApiKey: apiKey });
    closeKodomo = () => sim.close();
  }
  if (sources.kaigoDbUrl === null) {
    const [{ present }] = await db.query(`SELECT to_regclass('public.t_hihokensha') IS NOT NULL AS present`);
    if (!present) await loadKaigoVendorDb(db, city.kaigoFile);
    // On a server the kaigo process reads the simulated vendor tables over its own connection; embedded, it shares the store.
    sources.kaigoDbUrl = config.databaseUrl;
  }
  return { config: { ...config, sources }, served, close: closeKodomo };
}

interface CityDirs {
  casesFile: string;
  jukiDir: string;
  shogaiDir: string;
  konkyuDir: string;
  kodomoFile: string;
  kaigoFile: string;
}

async function ensureDemoCity(dataDir: string, residents: number, seed: number, asOf: string): Promise<CityDirs> {
  const root = join(dataDir, 'demo-city');
  const marker = join(root, 'city.json');
  // The generator's format too: a city cached by an older generator (without what is new) is written again.
  const wanted = JSON.stringify({ residents, seed, format: CITY_FORMAT });
  const dirs = {
    casesFile: join(root, 'cases', 'cases.json'),
    jukiDir: join(root, 'juki'),
    shogaiDir: join(root, 'shogai'),
    konkyuDir: join(root, 'konkyu'),
    kodomoFile: join(root, 'kodomo', 'kodomo.json'),
    kaigoFile: join(root, 'kaigo', 'kaigo.json'),
  };
  if (existsSync(marker) && readFileSync(marker, 'utf8') === wanted && Object.values(dirs).every((d) => existsSync(d))) return dirs;
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  await generateDemoCity({ dir: root, residents, seed, asOf });
  writeFileSync(marker, wanted);
  return dirs;
}
