import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateCity } from './city.js';
import { writeJukiFiles } from './juki-writer.js';
import { writeTruth, writeSourceTruth } from './truth.js';
import { involvementOf, plantSituations, plantYoutaikyo } from './planted.js';
import { writeSochiLists } from './sochi-writer.js';
import { writeCaseHistory } from './case-history.js';
import type { DemoCitySector, SourceTruth } from './sector-demo.js';

export interface DemoCityOptions {
  dir: string;
  residents: number;
  seed: number;
  /** The last day the city's files cover. */
  asOf: string;
  /**
   * The sectors whose legacy sources the city holds, in the registry's order, each with its writer (adapters/<sector>,
   * through the launcher's demoCitySectors()). None: the 住基 files, the 支援措置 lists and the plants alone.
   */
  sectors: readonly DemoCitySector[];
  idoDays?: number;
  invalidRate?: number;
}
export interface DemoCity {
  persons: number;
  households: number;
  files: string[];
  bytes: number;
  invalidRecords: number;
  /** Residents on the newest 支援措置 list whose measure is in force. */
  protectedResidents: number;
}

/**
 * What a demo city folder holds, for a cache to tell an old city from a current one: 2 added the 支援措置 lists, 3 the
 * year of case work.
 */
export const CITY_FORMAT = 3;

/**
 * Writes a whole demo city: a folder per source system (`juki/`, `shogai/`, `konkyu/`, `kodomo/`, `kaigo/`), a year of
 * case work (`cases/`) and `truth/` with what they should mean.
 */
export async function generateDemoCity(options: DemoCityOptions): Promise<DemoCity> {
  const idoDays = options.idoDays ?? 3;
  const start = new Date(`${options.asOf}T00:00:00Z`);
  start.setUTCDate(start.getUTCDate() - idoDays);
  const city = generateCity({ residents: options.residents, seed: options.seed, asOf: start.toISOString().slice(0, 10) });
  const planted = plantSituations(city);
  const youtaikyo = plantYoutaikyo(city);
  const involvement = involvementOf(planted);
  const must = (sector: string): Set<string> => new Set([...involvement].filter(([, s]) => s.has(sector)).map(([a]) => a));
  // Planted households hold exactly what they list, so that what a test expects of them is all there is.
  const quiet = new Set([...involvement.keys(), ...youtaikyo.flatMap((y) => [y.parent, y.child])]);
  const firstDay = city.asOf;
  const juki = await writeJukiFiles(city, join(options.dir, 'juki'), { idoDays, invalidRate: options.invalidRate });
  await writeTruth(city, options.dir, juki.invalid);
  const sochi = writeSochiLists(city, join(options.dir, 'juki'), { seed: options.seed, firstDay });
  writeFileSync(join(options.dir, 'truth', 'sochi.json'), `${JSON.stringify(sochi, null, 1)}\n`);
  writeFileSync(join(options.dir, 'truth', 'situations.json'), `${JSON.stringify(planted, null, 1)}\n`);
  writeFileSync(join(options.dir, 'truth', 'youtaikyo.json'), `${JSON.stringify(youtaikyo, null, 1)}\n`);
  // Each sector's source in its own folder, in the registry's order: a later writer may read what an earlier one holds.
  const written = new Map<string, readonly SourceTruth[]>();
  for (const sector of options.sectors) {
    const context = { asOf: city.asOf, seed: options.seed, must: must(sector.code), quiet, planted, youtaikyo, written };
    const truth = await sector.write(city, join(options.dir, sector.folder), context);
    writeSourceTruth(options.dir, sector.folder, truth);
    written.set(sector.code, truth);
  }
  // A year of case work over the same residents: referrals come from the sector that holds the person.
  const held = (records: readonly SourceTruth[]) => new Set(records.flatMap((r) => (r.atenaNo ? [r.atenaNo] : [])));
  writeCaseHistory(city, planted, options.dir, {
    asOf: options.asOf,
    seed: options.seed,
    held: Object.fromEntries([...written].map(([code, records]) => [code, held(records)])),
  });
  return {
    persons: city.persons.length,
    households: city.households.length,
    files: juki.files,
    bytes: juki.bytes,
    invalidRecords: juki.invalid.length,
    protectedResidents: sochi.filter((s) => s.protectedNow).length,
  };
}
