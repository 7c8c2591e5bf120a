import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { encodeCp932 } from '@welfare-hub/codec';
import { RecordSplitter, type RawRecord } from '../src/parse/record-splitter.js';
import { SODAN_HEADER, readCsvFile } from '../src/index.js';

const split = (bytes: Buffer, cuts: number[], max: number): { records: RawRecord[]; rest: RawRecord | null; openQuote: boolean } => {
  const splitter = new RecordSplitter(max, 16);
  const records: RawRecord[] = [];
  let at = 0;
  for (const cut of [...cuts.map((c) => c % (bytes.length + 1)).sort((a, b) => a - b), bytes.length]) {
    splitter.push(bytes.subarray(at, cut), records);
    at = cut;
  }
  return { records, rest: splitter.rest(), openQuote: splitter.openQuote };
};

describe('splitting a CSV export into records by its bytes', () => {
  const byte = fc.constantFrom(0x22, 0x0d, 0x0a, 0x2c, 0x41, 0x82, 0xa0);
  it('finds the same records however the bytes are cut into chunks, a record past the bound counted in full (property)', () => {
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 200 }), fc.array(fc.nat(), { maxLength: 6 }), fc.integer({ min: 1, max: 40 }), (values, cuts, max) => {
        const bytes = Buffer.from(values);
        const whole = split(bytes, [], max);
        const chunked = split(bytes, cuts, max);
        expect(chunked).toEqual(whole);
        // Every byte is in a record, its CRLF, or the rest: nothing lost, nothing held past the bound.
        const total = whole.records.reduce((n, r) => n + r.length + 2, 0) + (whole.rest?.length ?? 0);
        expect(total).toBe(bytes.length);
        for (const r of [...whole.records, ...(whole.rest ? [whole.rest] : [])]) {
          expect(r.overBound).toBe(r.length > max);
          expect(r.bytes.length).toBeLessThanOrEqual(r.overBound ? 16 : max);
          if (!r.overBound) expect(r.bytes.length).toBe(r.length);
        }
      }),
      { seed: 0x73706c74, numRuns: 3000 },
    );
  });

  it('rejects a 相談 record whose 概要 is past the bound with the bound named, and reads the records around it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'splitter-'));
    try {
      const row = (id: string, summary: string): string => `${id},,,,R6.4.1,就労,"${summary}",事業所,対応中\r\n`;
      const path = join(dir, 'SHOGAI_SODAN_20261120.csv');
      writeFileSync(
        path,
        encodeCp932(`${SODAN_HEADER.join(',')}\r\n${row('1', '短い')}${row('2', 'あ'.repeat(100_000))}${row('3', '改行\r\nと""引用""')}`),
      );
      const file = await readCsvFile(path, SODAN_HEADER, 65_536);
      expect(file.complete).toBe(true);
      expect(file.rows.map((r) => [r.recordNo, r.line, r.fields[6]])).toEqual([
        [1, 2, '短い'],
        [3, 4, '改行\r\nと"引用"'],
      ]);
      expect(file.rejected).toEqual([
        { recordNo: 2, line: 3, reason: 'record: 200,033 bytes, past the bound of 65,536 bytes', raw: expect.any(String) },
      ]);
      expect(file.rejected[0]!.raw.length).toBeLessThanOrEqual(4096);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
