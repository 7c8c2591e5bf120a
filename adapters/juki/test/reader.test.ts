import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readJukiFile, type JukiFileSummary, type JukiLine } from '../src/index.js';
import { record, trailer, writeJuki } from './support/records.js';

const dir = mkdtempSync(join(tmpdir(), 'juki-reader-'));
let n = 0;
const path = () => join(dir, `JUKI_FULL_2026112${n++ % 10}.DAT`);

async function readAll(file: string): Promise<{ lines: JukiLine[]; summary: JukiFileSummary }> {
  const lines: JukiLine[] = [];
  const reader = readJukiFile(file);
  for (;;) {
    const step = await reader.next();
    if (step.done) return { lines, summary: step.value };
    lines.push(step.value);
  }
}

const person = (i: number) => record({ atenaNo: String(i).padStart(10, '0') });

describe('reading a juki file', () => {
  it('reads every record of a complete file', async () => {
    const file = path();
    writeJuki(file, [person(1), person(2), person(3)]);
    const { lines, summary } = await readAll(file);
    expect(summary).toEqual({ dataRecords: 3, trailerCount: 3, complete: true });
    expect(lines.map((l) => ('record' in l ? l.record.atenaNo : null))).toEqual(['0000000001', '0000000002', '0000000003']);
    expect(lines.map((l) => l.recordNo)).toEqual([1, 2, 3]);
  });

  it('accepts a last line without CRLF', async () => {
    const file = path();
    writeJuki(file, [person(1)], { finalCrlf: false });
    expect((await readAll(file)).summary.complete).toBe(true);
  });

  it('reports a file with no trailer as cut short', async () => {
    const file = path();
    writeJuki(file, [person(1), person(2)], { trailerCount: null });
    const { summary } = await readAll(file);
    expect(summary).toMatchObject({ complete: false, trailerCount: null, problem: 'no trailer record' });
  });

  it('reports a trailer whose count differs', async () => {
    const file = path();
    writeJuki(file, [person(1), person(2)], { trailerCount: 3 });
    expect((await readAll(file)).summary).toMatchObject({ complete: false, trailerCount: 3, dataRecords: 2 });
  });

  it('reports a file cut in the middle of a record, rejecting the stump', async () => {
    const file = path();
    const whole = Buffer.concat([person(1), Buffer.from('\r\n'), person(2), Buffer.from('\r\n'), trailer(2), Buffer.from('\r\n')]);
    writeFileSync(file, whole.subarray(0, 202 + 120));
    const { lines, summary } = await readAll(file);
    expect(summary.complete).toBe(false);
    expect(lines[1]).toMatchObject({ recordNo: 2, rejected: { reason: 'record length 120, expected 200' } });
  });

  it('rejects records of the wrong length and keeps their bytes, counting them as data', async () => {
    const file = path();
    const short = person(2).subarray(0, 199);
    const long = Buffer.concat([person(3), Buffer.from('X')]);
    writeJuki(file, [person(1), short, long, person(4)]);
    const { lines, summary } = await readAll(file);
    expect(summary).toMatchObject({ complete: true, dataRecords: 4 });
    const refused = lines.filter((l) => 'rejected' in l);
    expect(refused.map((l) => l.recordNo)).toEqual([2, 3]);
    expect('rejected' in refused[0]! && refused[0].rejected.raw.length).toBe(199);
  });

  it('treats a bare LF inside a record as part of it, not as a record end', async () => {
    const file = path();
    const broken = Buffer.from(person(2));
    broken[150] = 0x0a;
    writeJuki(file, [person(1), broken, person(3)]);
    const { lines, summary } = await readAll(file);
    expect(summary.complete).toBe(true);
    expect(lines).toHaveLength(3);
    expect('rejected' in lines[1]!).toBe(true);
  });

  it('reports records after the trailer', async () => {
    const file = path();
    writeFileSync(file, Buffer.concat([person(1), Buffer.from('\r\n'), trailer(1), Buffer.from('\r\n'), person(2), Buffer.from('\r\n')]));
    const { lines, summary } = await readAll(file);
    expect(summary).toMatchObject({ complete: false, problem: '1 records after the trailer' });
    expect(lines.at(-1)).toMatchObject({ recordNo: 3, rejected: { reason: 'record after the trailer' } });
  });

  it('reads an empty file as cut short', async () => {
    const file = path();
    writeFileSync(file, Buffer.alloc(0));
    expect((await readAll(file)).summary).toEqual({ dataRecords: 0, trailerCount: null, complete: false, problem: 'no trailer record' });
  });
});
