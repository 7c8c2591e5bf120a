import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeCp932 } from '@welfare-hub/codec';
import { record, trailer, writeJuki } from '../support/records.js';
import { MAX_KEPT } from '../../src/parse/lines.js';
import { checkJukiFile, readJukiFile, type JukiFileSummary, type JukiLine } from '../../src/parse/reader.js';

const CRLF = Buffer.from('\r\n');
let dir: string;
let files = 0;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'juki-parse-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const fixture = (): string => join(dir, `JUKI_FULL_${20260101 + files++}.DAT`);

async function readAll(file: string): Promise<{ lines: JukiLine[]; summary: JukiFileSummary }> {
  const lines: JukiLine[] = [];
  const reader = readJukiFile(file);
  for (;;) {
    const step = await reader.next();
    if (step.done) {
      // The quick completeness check must always agree with the full read.
      expect(await checkJukiFile(file)).toEqual(step.value);
      return { lines, summary: step.value };
    }
    lines.push(step.value);
  }
}

const person = (i: number): Buffer => record({ atenaNo: String(i).padStart(10, '0') });
const atena = (line: JukiLine | undefined): string | null => (line && 'record' in line ? line.record.atenaNo : null);
const refusal = (line: JukiLine | undefined) => (line && 'rejected' in line ? line.rejected : null);

describe('readJukiFile', () => {
  it("reads the spec's example file", async () => {
    const file = fixture();
    const ichiro = record({ atenaNo: '0000012346', relationship: '04', name: '山田\u3000一郎', nameKana: 'ﾔﾏﾀﾞ ｲﾁﾛｳ', birthDate: '3470220' });
    writeJuki(file, [record(), ichiro]);
    const { lines, summary } = await readAll(file);
    expect(summary).toEqual({ dataRecords: 2, trailerCount: 2, complete: true });
    expect(lines.map((l) => [l.recordNo, atena(l)])).toEqual([
      [1, '0000012345'],
      [2, '0000012346'],
    ]);
  });

  it('reads a file whose last line has no CRLF', async () => {
    const file = fixture();
    writeJuki(file, [person(1), person(2)], { finalCrlf: false });
    const { lines, summary } = await readAll(file);
    expect(summary).toEqual({ dataRecords: 2, trailerCount: 2, complete: true });
    expect(lines).toHaveLength(2);
  });

  it('reads a file of only a trailer counting nothing as complete, and an empty file as cut short', async () => {
    const onlyTrailer = fixture();
    writeJuki(onlyTrailer, []);
    expect(await readAll(onlyTrailer)).toEqual({ lines: [], summary: { dataRecords: 0, trailerCount: 0, complete: true } });
    const empty = fixture();
    writeFileSync(empty, Buffer.alloc(0));
    expect(await readAll(empty)).toEqual({
      lines: [],
      summary: { dataRecords: 0, trailerCount: null, complete: false, problem: 'no trailer record' },
    });
  });

  it('reports a truncated file: no trailer, the stump of the last record rejected by its length', async () => {
    const file = fixture();
    const whole = Buffer.concat([person(1), CRLF, person(2), CRLF, trailer(2), CRLF]);
    writeFileSync(file, whole.subarray(0, 202 + 150));
    const { lines, summary } = await readAll(file);
    expect(summary).toEqual({ dataRecords: 2, trailerCount: null, complete: false, problem: 'no trailer record' });
    expect(atena(lines[0])).toBe('0000000001');
    expect(lines[1]).toMatchObject({ recordNo: 2, rejected: { reason: 'record length 150, expected 200' } });
  });

  it('reports a file whose records are whole but whose trailer is missing', async () => {
    const file = fixture();
    writeJuki(file, [person(1), person(2)], { trailerCount: null });
    const { lines, summary } = await readAll(file);
    expect(summary).toEqual({ dataRecords: 2, trailerCount: null, complete: false, problem: 'no trailer record' });
    expect(lines.map(atena)).toEqual(['0000000001', '0000000002']);
  });

  it.each([
    [3, 'trailer counts 3 records, the file has 2'],
    [1, 'trailer counts 1 records, the file has 2'],
  ])('reports a trailer whose count differs: %i records counted for 2', async (count, problem) => {
    const file = fixture();
    writeJuki(file, [person(1), person(2)], { trailerCount: count });
    const { lines, summary } = await readAll(file);
    expect(summary).toEqual({ dataRecords: 2, trailerCount: count, complete: false, problem });
    expect(lines.every((l) => 'record' in l)).toBe(true);
  });

  it('rejects lines of 199 and 201 bytes, keeping their bytes and counting them as data', async () => {
    const file = fixture();
    const short = person(2).subarray(0, 199);
    const long = Buffer.concat([person(3), Buffer.from('X')]);
    writeJuki(file, [person(1), short, long, person(4)]);
    const { lines, summary } = await readAll(file);
    expect(summary).toEqual({ dataRecords: 4, trailerCount: 4, complete: true });
    expect(refusal(lines[1])).toEqual({ reason: 'record length 199, expected 200', raw: short });
    expect(refusal(lines[2])).toEqual({ reason: 'record length 201, expected 200', raw: long });
    expect(lines.map(atena)).toEqual(['0000000001', null, null, '0000000004']);
  });

  it('rejects a record with bytes in 氏名 that are not CP932, and reads the others', async () => {
    const file = fixture();
    const broken = record({ atenaNo: '0000000002' }, { name: Buffer.from([0x8e, 0x52, 0x81, 0x20]) });
    writeJuki(file, [person(1), broken, person(3)]);
    const { lines, summary } = await readAll(file);
    expect(summary.complete).toBe(true);
    expect(lines.map(atena)).toEqual(['0000000001', null, '0000000003']);
    expect(lines[1]).toMatchObject({ recordNo: 2, rejected: { field: '氏名' } });
    expect(refusal(lines[1])!.raw).toEqual(broken);
  });

  it('keeps rejected bytes whole after the read has moved on', async () => {
    const file = fixture();
    const bad = Array.from({ length: 30 }, (_, i) => record({ atenaNo: String(i).padStart(10, '0'), sex: '3' }));
    writeJuki(file, bad);
    const { lines } = await readAll(file);
    expect(lines.map((l) => refusal(l)?.raw)).toEqual(bad);
  });

  it('rejects 異体字 nowhere: 髙 﨑 邊 and ① ㈱ survive the read', async () => {
    const file = fixture();
    writeJuki(file, [record({ name: '髙﨑\u3000邊', address: '①丁目㈱ビル' })]);
    const { lines } = await readAll(file);
    expect(lines[0]).toMatchObject({ record: { name: '髙﨑\u3000邊', address: '①丁目㈱ビル' } });
  });

  it('treats a bare LF inside a record as part of it, not as a record end', async () => {
    const file = fixture();
    const broken = Buffer.from(person(2));
    broken[150] = 0x0a;
    writeJuki(file, [person(1), broken, person(3)]);
    const { lines, summary } = await readAll(file);
    expect(summary).toEqual({ dataRecords: 3, trailerCount: 3, complete: true });
    expect(lines.map(atena)).toEqual(['0000000001', null, '0000000003']);
    expect(lines[1]).toMatchObject({ recordNo: 2, rejected: { raw: broken } });
  });

  it('reports data after the trailer, and rejects it', async () => {
    const file = fixture();
    writeFileSync(file, Buffer.concat([person(1), CRLF, trailer(1), CRLF, person(2), CRLF]));
    const { lines, summary } = await readAll(file);
    expect(summary).toEqual({ dataRecords: 1, trailerCount: 1, complete: false, problem: '1 records after the trailer' });
    expect(lines.at(-1)).toMatchObject({ recordNo: 3, rejected: { reason: 'record after the trailer', raw: person(2) } });
  });

  it('rejects empty lines as records of length 0, so the count no longer matches', async () => {
    const file = fixture();
    writeFileSync(file, Buffer.concat([person(1), CRLF, CRLF, trailer(1), CRLF]));
    const { lines, summary } = await readAll(file);
    expect(lines[1]).toMatchObject({ recordNo: 2, rejected: { reason: 'record length 0, expected 200' } });
    expect(summary).toMatchObject({ dataRecords: 2, trailerCount: 1, complete: false });
  });

  it('does not take a trailer of the wrong length for one', async () => {
    const file = fixture();
    writeFileSync(file, Buffer.concat([person(1), CRLF, trailer(1).subarray(0, 199), CRLF]));
    const { lines, summary } = await readAll(file);
    expect(summary).toMatchObject({ dataRecords: 2, trailerCount: null, complete: false });
    expect(refusal(lines[1])?.reason).toBe('record length 199, expected 200');
  });

  it('reads a file with LF instead of CRLF as one over-long line, holding only its head', async () => {
    const file = fixture();
    const lines = Array.from({ length: 500 }, (_, i) => person(i));
    writeFileSync(file, Buffer.concat([...lines.flatMap((l) => [l, Buffer.from('\n')]), trailer(500), Buffer.from('\n')]));
    const read = await readAll(file);
    expect(read.summary).toEqual({ dataRecords: 1, trailerCount: null, complete: false, problem: 'no trailer record' });
    expect(read.lines).toHaveLength(1);
    expect(refusal(read.lines[0])!.reason).toBe(`record length ${501 * 201}, expected 200`);
    expect(refusal(read.lines[0])!.raw).toHaveLength(MAX_KEPT);
  });

  it('streams a file larger than its read buffer, records cut by chunk boundaries included', async () => {
    const file = fixture();
    const count = 12_000; // about 2.4 MB against 1 MiB chunks
    const people = Array.from({ length: count }, (_, i) =>
      record({ atenaNo: String(i + 1).padStart(10, '0'), name: i % 2 ? '髙橋\u3000一' : '渡邊\u3000花子' }),
    );
    writeJuki(file, people);
    let n = 0;
    const reader = readJukiFile(file);
    for (;;) {
      const step = await reader.next();
      if (step.done) {
        expect(step.value).toEqual({ dataRecords: count, trailerCount: count, complete: true });
        break;
      }
      n++;
      if (step.value.recordNo !== n || atena(step.value) !== String(n).padStart(10, '0')) throw new Error(`line ${n} is wrong`);
    }
    expect(n).toBe(count);
  });

  it('can be left part-way', async () => {
    const file = fixture();
    writeJuki(file, [person(1), person(2), person(3)]);
    const seen: number[] = [];
    for await (const line of readJukiFile(file)) {
      seen.push(line.recordNo);
      if (seen.length === 2) break;
    }
    expect(seen).toEqual([1, 2]);
  });

  it('fails on a file that is not there', async () => {
    await expect(readAll(join(dir, 'missing.DAT'))).rejects.toThrow(/ENOENT/);
  });

  it('keeps the U+3000 between family and given name when the name field is full', async () => {
    const file = fixture();
    const name = `${'長'.repeat(10)}\u3000${'名'.repeat(9)}`;
    expect(encodeCp932(name)).toHaveLength(40);
    writeJuki(file, [record({ name })]);
    expect((await readAll(file)).lines[0]).toMatchObject({ record: { name } });
  });
});
