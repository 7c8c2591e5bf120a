import { join } from 'node:path';
import { generateCity } from './city.js';
import { writeJukiFiles } from './juki-writer.js';
import { writeTruth, writeSourceTruth } from './truth.js';
import { writeShogaiFiles } from './shogai-writer.js';
import { writeKonkyuLedger } from './konkyu-writer.js';
import { writeKodomoData } from './kodomo-writer.js';
import { writeKaigoData } from './kaigo-writer.js';
import { involvementOf, plantedCases, plantSituations, plantYoutaikyo } from './planted.js';
import { writeSochiLists } from './sochi-writer.js';
import { writeFileSync } from 'node:fs';
import { writeCaseHistory } from './case-history.js';

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
  const consultations = new Map(
    planted
      .filter((p) => p.parentConsultation)
      .map((p) => [
        p.parentConsultation!,
        {
          kbn: '05',
          text: '長男（51）が十数年ひきこもり、就労なし。父が自身の入院を前に今後を心配して来所。ケアマネより情報提供。',
        },
      ]),
  );
  const firstDay = city.asOf;
  const juki = await writeJukiFiles(city, join(options.dir, 'juki'), { idoDays, invalidRate: options.invalidRate });
  await writeTruth(city, options.dir, juki.invalid);
  const sochi = writeSochiLists(city, join(options.dir, 'juki'), { seed: options.seed, firstDay });
  writeFileSync(join(options.dir, 'truth', 'sochi.json'), `${JSON.stringify(sochi, null, 1)}\n`);
  writeFileSync(join(options.dir, 'truth', 'situations.json'), `${JSON.stringify(planted, null, 1)}\n`);
  writeFileSync(join(options.dir, 'truth', 'youtaikyo.json'), `${JSON.stringify(youtaikyo, null, 1)}\n`);
  const shogai = writeShogaiFiles(city, join(options.dir, 'shogai'), { asOf: city.asOf, seed: options.seed, must: must('SHOGAI'), quiet });
  writeSourceTruth(options.dir, 'shogai', shogai);
  const konkyu = await writeKonkyuLedger(city, join(options.dir, 'konkyu'), { asOf: city.asOf, seed: options.seed, must: must('KONKYU'), quiet });
  writeSourceTruth(options.dir, 'konkyu', konkyu);
  const kodomo = writeKodomoData(city, join(options.dir, 'kodomo'), {
    asOf: city.asOf,
    seed: options.seed,
    carers: youngCarers(city, shogai),
    must: must('KODOMO'),
    quiet,
    cases: plantedCases(youtaikyo),
  });
  writeSourceTruth(options.dir, 'kodomo', kodomo);
  const kaigo = writeKaigoData(city, join(options.dir, 'kaigo'), { asOf: city.asOf, seed: options.seed, must: must('KAIGO'), quiet, consultations });
  writeSourceTruth(options.dir, 'kaigo', kaigo);
  // A year of case work over the same residents: referrals come from the sector that holds the person.
  const held = (records: readonly { atenaNo: string | null }[]) => new Set(records.flatMap((r) => (r.atenaNo ? [r.atenaNo] : [])));
  writeCaseHistory(city, planted, options.dir, {
    asOf: options.asOf,
    seed: options.seed,
    held: { KAIGO: held(kaigo), SHOGAI: held(shogai), KODOMO: held(kodomo), KONKYU: held(konkyu) },
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

/** Children under 18 living with a parent the 障害 sector knows: who the young-carer cases are planted on. */
function youngCarers(city: ReturnType<typeof generateCity>, shogai: readonly { source: string; atenaNo: string }[]): Set<string> {
  const withDisability = new Set(shogai.filter((s) => s.source === 'shogai-techo').map((s) => s.atenaNo));
  const setaiOfDisabled = new Set(
    city.persons.filter((p) => p.status === 1 && withDisability.has(p.atenaNo) && p.relationship !== '04').map((p) => p.setaiNo),
  );
  const year = Number(city.asOf.slice(0, 4));
  return new Set(
    city.persons
      .filter((p) => p.status === 1 && p.relationship === '04' && setaiOfDisabled.has(p.setaiNo) && year - Number(p.birthDate.slice(0, 4)) < 18)
      .map((p) => p.atenaNo),
  );
}
