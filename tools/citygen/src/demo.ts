import { join } from 'node:path';
import { generateCity } from './city.js';
import { writeJukiFiles } from './juki-writer.js';
import { writeTruth, writeSourceTruth } from './truth.js';
import { writeShogaiFiles } from './shogai-writer.js';
import { writeKonkyuLedger } from './konkyu-writer.js';

export interface DemoCityOptions {
  dir: string;
  residents: number;
  seed: number;
  /** The last day the city's files cover. */
  asOf: string;
  idoDays?: number;
  invalidRate?: number;
}

export interface DemoCity {
  persons: number;
  households: number;
  files: string[];
  bytes: number;
  invalidRecords: number;
}

/** Writes a whole demo city: a folder per source system (`juki/`, `shogai/`, `konkyu/`) and `truth/` with what they should mean. */
export async function generateDemoCity(options: DemoCityOptions): Promise<DemoCity> {
  const idoDays = options.idoDays ?? 3;
  const start = new Date(`${options.asOf}T00:00:00Z`);
  start.setUTCDate(start.getUTCDate() - idoDays);
  const city = generateCity({ residents: options.residents, seed: options.seed, asOf: start.toISOString().slice(0, 10) });
  const juki = await writeJukiFiles(city, join(options.dir, 'juki'), { idoDays, invalidRate: options.invalidRate });
  await writeTruth(city, options.dir, juki.invalid);
  const shogai = writeShogaiFiles(city, join(options.dir, 'shogai'), { asOf: city.asOf, seed: options.seed });
  writeSourceTruth(options.dir, 'shogai', shogai);
  const konkyu = await writeKonkyuLedger(city, join(options.dir, 'konkyu'), { asOf: city.asOf, seed: options.seed });
  writeSourceTruth(options.dir, 'konkyu', konkyu);
  return { persons: city.persons.length, households: city.households.length, files: juki.files, bytes: juki.bytes, invalidRecords: juki.invalid.length };
}
