import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { encodeCp932, toHalfwidthKatakana, toWarekiCode } from '@welfare-hub/codec';
import type { City, Person } from './city.js';
import { simulateDay } from './events.js';
import type { Random } from './random.js';

const FULL_SPACE = encodeCp932('\u3000');
const CRLF = Buffer.from('\r\n');

function field(text: string, bytes: number, fullwidth: boolean): Buffer {
  // Digits and codes are ASCII: no encoder needed for most of a record.
  const encoded = /^[\x20-\x7e]*$/.test(text) ? Buffer.from(text, 'latin1') : encodeCp932(text);
  if (encoded.length > bytes) throw new Error(`a value does not fit its ${bytes}-byte field`);
  const out = Buffer.alloc(bytes, 0x20);
  encoded.copy(out);
  if (fullwidth) for (let i = encoded.length; i + 1 < bytes; i += 2) FULL_SPACE.copy(out, i);
  return out;
}

/** Fields that a planted invalid record spoils, and how. */
export type Defect = 'era-overflow' | 'unknown-relationship' | 'unknown-sex' | 'impossible-change-date' | 'not-cp932';

export function encodeJukiRecord(p: Person, defect?: Defect): Buffer {
  const record = Buffer.concat([
    Buffer.from('1'),
    field(p.atenaNo, 10, false),
    field(p.setaiNo, 10, false),
    field(defect === 'unknown-relationship' ? '14' : p.relationship, 2, false),
    field(`${p.familyName}\u3000${p.givenName}`, 40, true),
    field(toHalfwidthKatakana(`${p.familyKana} ${p.givenKana}`), 40, false),
    field(defect === 'era-overflow' ? '4310501' : toWarekiCode(p.birthDate), 7, false),
    field(defect === 'unknown-sex' ? '3' : p.sex === 'MALE' ? '1' : '2', 1, false),
    field(p.district, 4, false),
    field(p.address, 60, true),
    field(String(p.status), 1, false),
    field(defect === 'impossible-change-date' ? '20230229' : p.changeDate, 8, false),
    field(p.changeReason, 2, false),
    field(p.updatedAt, 14, false),
  ]);
  if (defect === 'not-cp932') record.set([0x85, 0x40], 23);
  return record;
}

function trailer(count: number): Buffer {
  return Buffer.from(`9${String(count).padStart(10, '0')}`.padEnd(200, ' '), 'latin1');
}

/** Writes records with bounded buffering: the stream's back-pressure is honoured. */
class RecordFile {
  private readonly stream: WriteStream;
  private count = 0;
  bytes = 0;

  constructor(readonly path: string) {
    this.stream = createWriteStream(path);
  }

  async write(record: Buffer): Promise<number> {
    this.count++;
    this.bytes += record.length + 2;
    if (!this.stream.write(Buffer.concat([record, CRLF]))) await new Promise<void>((r) => this.stream.once('drain', () => r()));
    return this.count;
  }

  async close(): Promise<void> {
    this.bytes += 202;
    this.stream.write(Buffer.concat([trailer(this.count), CRLF]));
    await new Promise<void>((resolve, reject) => this.stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
  }
}

export interface PlantedInvalid {
  file: string;
  recordNo: number;
  defect: Defect;
}

export interface JukiWriteResult {
  files: string[];
  bytes: number;
  invalid: PlantedInvalid[];
}

const DEFECTS: Defect[] = ['era-overflow', 'unknown-relationship', 'unknown-sex', 'impossible-change-date', 'not-cp932'];

function dayAfter(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

const fileDate = (iso: string): string => iso.replaceAll('-', '');

/**
 * Writes the registry as the 基幹系 delivers it: the full extract of the city's day, then one 異動 file per
 * following day as the city lives on (the city is advanced: afterwards it is the state as of the last day).
 * A few extra records with a planted defect go into the full extract; the result lists them.
 */
export async function writeJukiFiles(city: City, dir: string, options: { idoDays: number; invalidRate?: number }): Promise<JukiWriteResult> {
  mkdirSync(dir, { recursive: true });
  const random: Random = city.random;
  const invalid: PlantedInvalid[] = [];
  const files: string[] = [];
  let bytes = 0;
  const full = new RecordFile(join(dir, `JUKI_FULL_${fileDate(city.asOf)}.DAT`));
  const name = `JUKI_FULL_${fileDate(city.asOf)}.DAT`;
  const invalidRate = options.invalidRate ?? 0.001;
  for (const person of city.persons) {
    await full.write(encodeJukiRecord(person));
    if (random.chance(invalidRate)) {
      const defect = random.pick(DEFECTS);
      const recordNo = await full.write(encodeJukiRecord({ ...person, atenaNo: city.nextAtena() }, defect));
      invalid.push({ file: name, recordNo, defect });
    }
  }
  await full.close();
  files.push(name);
  bytes += full.bytes;

  let day = city.asOf;
  for (let i = 0; i < options.idoDays; i++) {
    day = dayAfter(day);
    const changes = simulateDay(city, day);
    const ido = new RecordFile(join(dir, `JUKI_IDO_${fileDate(day)}.DAT`));
    for (const person of changes) await ido.write(encodeJukiRecord(person));
    await ido.close();
    files.push(`JUKI_IDO_${fileDate(day)}.DAT`);
    bytes += ido.bytes;
  }
  city.asOf = day;
  return { files, bytes, invalid };
}
