import { createReadStream } from 'node:fs';
import { parseJukiRecord, parseTrailer, type JukiRecord } from './record.js';

export type JukiLine =
  | { recordNo: number; record: JukiRecord }
  | { recordNo: number; rejected: { reason: string; field?: string | undefined; raw: Buffer } };

export interface JukiFileSummary {
  /** Every line before the trailer, accepted or rejected. */
  dataRecords: number;
  trailerCount: number | null;
  /** False when the trailer is missing, its count differs, or anything follows it: the file was cut or mangled. */
  complete: boolean;
  problem?: string;
}

const CRLF = Buffer.from('\r\n');

/**
 * The file's lines, chunk by chunk; memory stays flat whatever the file's size. Lines end in CRLF (safe to
 * split on: no CP932 trail byte is 0x0D or 0x0A); the last may lack it. A bare CR or LF is no line end: it
 * stays inside the record, whose length then tells it is broken.
 */
async function* lines(path: string): AsyncGenerator<Buffer[]> {
  let carry = Buffer.alloc(0);
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    const buffer = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
    const out: Buffer[] = [];
    let start = 0;
    for (let end = buffer.indexOf(CRLF, start); end !== -1; end = buffer.indexOf(CRLF, start)) {
      out.push(buffer.subarray(start, end));
      start = end + 2;
    }
    carry = Buffer.from(buffer.subarray(start));
    yield out;
  }
  if (carry.length > 0) yield [carry];
}

/** Counts lines as they pass and tells data from trailer from what follows it. */
class Tally {
  recordNo = 0;
  private dataRecords = 0;
  private trailerCount: number | null = null;
  private afterTrailer = 0;

  see(line: Buffer): 'data' | 'trailer' | 'after-trailer' {
    this.recordNo++;
    if (this.trailerCount !== null) {
      this.afterTrailer++;
      return 'after-trailer';
    }
    const trailer = parseTrailer(line);
    if (trailer !== null) {
      this.trailerCount = trailer;
      return 'trailer';
    }
    this.dataRecords++;
    return 'data';
  }

  summary(): JukiFileSummary {
    const summary: JukiFileSummary = { dataRecords: this.dataRecords, trailerCount: this.trailerCount, complete: false };
    if (this.trailerCount === null) summary.problem = 'no trailer record';
    else if (this.trailerCount !== this.dataRecords) {
      summary.problem = `trailer counts ${this.trailerCount} records, the file has ${this.dataRecords}`;
    } else if (this.afterTrailer > 0) summary.problem = `${this.afterTrailer} records after the trailer`;
    else summary.complete = true;
    return summary;
  }
}

/** Whether a file arrived whole, without parsing its records: the trailer and the count of lines. */
export async function checkJukiFile(path: string): Promise<JukiFileSummary> {
  const tally = new Tally();
  for await (const batch of lines(path)) for (const line of batch) tally.see(line);
  return tally.summary();
}

/** Streams a juki file record by record, each parsed or rejected with its reason; returns the summary. */
export async function* readJukiFile(path: string): AsyncGenerator<JukiLine, JukiFileSummary> {
  const tally = new Tally();
  for await (const batch of lines(path)) {
    for (const line of batch) {
      const kind = tally.see(line);
      const recordNo = tally.recordNo;
      if (kind === 'trailer') continue;
      if (kind === 'after-trailer') {
        yield { recordNo, rejected: { reason: 'record after the trailer', raw: Buffer.from(line) } };
        continue;
      }
      const result = parseJukiRecord(line);
      yield result.ok ? { recordNo, record: result.record } : { recordNo, rejected: { reason: result.reason, field: result.field, raw: Buffer.from(line) } };
    }
  }
  return tally.summary();
}
