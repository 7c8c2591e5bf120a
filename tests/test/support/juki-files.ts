import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const RECORD = 200;
const LINE = RECORD + 2;

/** The records of a juki extract (200 bytes each, CRLF), without the trailer. */
function records(bytes: Buffer): Buffer[] {
  const out: Buffer[] = [];
  for (let at = 0; at + RECORD <= bytes.length; at += LINE) {
    const record = bytes.subarray(at, at + RECORD);
    if (record[0] === 0x31) out.push(record); // '1': a data record
  }
  return out;
}

/** An extract of these records with its trailer, as the registry writes one. */
function extract(rows: readonly Buffer[]): Buffer {
  const trailer = Buffer.from(`9${String(rows.length).padStart(10, '0')}`.padEnd(RECORD, ' '), 'latin1');
  return Buffer.concat([...rows, trailer].flatMap((r) => [r, Buffer.from('\r\n')]));
}

const atenaOf = (record: Buffer): string => record.subarray(1, 11).toString('latin1');

/**
 * Copies a registry drop folder without one resident (every file rewritten with a true trailer), and returns that
 * resident's latest record and the day after the last file, for a 異動 file that brings them in.
 */
export function copyRegistryWithout(from: string, to: string, atenaNo: string): { record: Buffer; nextDay: string } {
  let latest: Buffer | null = null;
  const names = readdirSync(from)
    .filter((n) => /^JUKI_(FULL|IDO)_\d{8}\.DAT$/.test(n))
    .sort((a, b) => a.slice(-12).localeCompare(b.slice(-12)));
  for (const name of names) {
    const rows = records(readFileSync(join(from, name)));
    latest = rows.find((r) => atenaOf(r) === atenaNo) ?? latest;
    writeFileSync(join(to, name), extract(rows.filter((r) => atenaOf(r) !== atenaNo)));
  }
  if (!latest) throw new Error(`${atenaNo} is in no registry file`);
  const last = names.at(-1)!.slice(-12, -4);
  const next = new Date(Date.UTC(Number(last.slice(0, 4)), Number(last.slice(4, 6)) - 1, Number(last.slice(6, 8)) + 1));
  return { record: Buffer.from(latest), nextDay: next.toISOString().slice(0, 10).replace(/-/g, '') };
}

/** A 異動 file holding these records. */
export function writeIdo(dir: string, day: string, rows: readonly Buffer[]): void {
  writeFileSync(join(dir, `JUKI_IDO_${day}.DAT`), extract(rows));
}
