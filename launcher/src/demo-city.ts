import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateDemoCity } from '@welfare-hub/citygen';
import { isDemo, type HubConfig } from './config.js';

export interface SourceDirs {
  jukiDir: string;
  shogaiDir: string;
  konkyuDir: string;
  /** The demo city's kodomo data, which the simulator serves. */
  kodomoFile: string;
  /** The demo city's 介護 vendor rows, loaded into a simulated vendor database. */
  kaigoFile: string;
}

/**
 * The demo city's source files, generated once per (size, seed) under the data folder and reused after,
 * so a restart reads the same city.
 */
export async function ensureDemoCity(dataDir: string, residents: number, seed: number, asOf: string): Promise<SourceDirs> {
  const root = join(dataDir, 'demo-city');
  const marker = join(root, 'city.json');
  const wanted = JSON.stringify({ residents, seed });
  const dirs = { jukiDir: join(root, 'juki'), shogaiDir: join(root, 'shogai'), konkyuDir: join(root, 'konkyu'), kodomoFile: join(root, 'kodomo', 'kodomo.json'), kaigoFile: join(root, 'kaigo', 'kaigo.json') };
  // A city written before the generator wrote case work is written again, with its year of cases.
  const cases = join(root, 'cases', 'cases.json');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === wanted && [...Object.values(dirs), cases].every((d) => existsSync(d))) return dirs;
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  await generateDemoCity({ dir: root, residents, seed, asOf });
  writeFileSync(marker, wanted);
  return dirs;
}

/** Each source from its configured place, the demo city standing in for any that is not configured. */
export async function sourceDirs(config: HubConfig, asOf: string): Promise<SourceDirs> {
  const demo = isDemo(config) ? await ensureDemoCity(config.dataDir, config.demoResidents, config.demoSeed, asOf) : null;
  return {
    jukiDir: config.jukiDir ?? demo!.jukiDir,
    shogaiDir: config.shogaiDir ?? demo!.shogaiDir,
    konkyuDir: config.konkyuDir ?? demo!.konkyuDir,
    kodomoFile: demo?.kodomoFile ?? '',
    kaigoFile: demo?.kaigoFile ?? '',
  };
}
