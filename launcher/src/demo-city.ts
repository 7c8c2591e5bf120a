import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateDemoCity } from '@welfare-hub/citygen';

/**
 * The demo city's source files, generated once per (size, seed) under the data folder and reused after,
 * so a restart reads the same city.
 */
export async function ensureDemoCity(dataDir: string, residents: number, seed: number, asOf: string): Promise<{ jukiDir: string }> {
  const root = join(dataDir, 'demo-city');
  const marker = join(root, 'city.json');
  const wanted = JSON.stringify({ residents, seed });
  const jukiDir = join(root, 'juki');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === wanted && existsSync(jukiDir)) return { jukiDir };
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  await generateDemoCity({ dir: root, residents, seed, asOf });
  writeFileSync(marker, wanted);
  return { jukiDir };
}
