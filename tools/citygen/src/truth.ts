import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { City } from './city.js';
import type { PlantedInvalid } from './juki-writer.js';
import type { SourceTruth } from './sector-demo.js';

/** One person as the city really is: what linkage and ingest are scored against. */
export interface TruthPerson {
  atenaNo: string;
  setaiNo: string;
  relationship: string;
  name: string;
  nameKana: string;
  birthDate: string;
  sex: 'MALE' | 'FEMALE';
  district: string;
  address: string;
  status: number;
}

/** truth/juki.jsonl (a person a line, as of the last day) and truth/juki-invalid.json (the planted defects). */
export async function writeTruth(city: City, dir: string, invalid: PlantedInvalid[]): Promise<void> {
  const truthDir = join(dir, 'truth');
  mkdirSync(truthDir, { recursive: true });
  const out = createWriteStream(join(truthDir, 'juki.jsonl'));
  for (const p of city.persons) {
    const line: TruthPerson = {
      atenaNo: p.atenaNo,
      setaiNo: p.setaiNo,
      relationship: p.relationship,
      name: `${p.familyName}\u3000${p.givenName}`,
      nameKana: `${p.familyKana}\u3000${p.givenKana}`,
      birthDate: p.birthDate,
      sex: p.sex,
      district: p.district,
      address: p.address,
      status: p.status,
    };
    if (!out.write(`${JSON.stringify(line)}\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((resolve) => out.end(resolve));
  writeFileSync(join(truthDir, 'juki-invalid.json'), `${JSON.stringify({ asOf: city.asOf, invalid }, null, 1)}\n`);
}

/** truth/<source>.jsonl: which person each sector record really is, to score linkage against. */
export function writeSourceTruth(dir: string, source: string, records: readonly SourceTruth[]): void {
  mkdirSync(join(dir, 'truth'), { recursive: true });
  writeFileSync(join(dir, 'truth', `${source}.jsonl`), records.map((r) => JSON.stringify(r)).join('\n') + '\n');
}
