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
 * Streams a juki file record by record; memory stays flat whatever the file's size. Lines end in CRLF
 * (safe to split on: no CP932 trail byte is 0x0D or 0x0A); the last may lack it. Returns the summary.
 */
export async function* readJukiFile(path: string): AsyncGenerator<JukiLine, JukiFileSummary> {
  let recordNo = 0;
  let dataRecords = 0;
  let trailerCount: number | null = null;
  let afterTrailer = 0;
  let carry: Buffer = Buffer.alloc(0);

  function* lines(chunk: Buffer, final: boolean): Generator<Buffer> {
    const buffer = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
    let start = 0;
    // A bare CR or LF is no record end: it stays inside the record, whose length then tells it is broken.
    for (let end = buffer.indexOf(CRLF, start); end !== -1; end = buffer.indexOf(CRLF, start)) {
      yield buffer.subarray(start, end);
      start = end + 2;
    }
    carry = Buffer.from(buffer.subarray(start));
    if (final && carry.length > 0) {
      yield carry;
      carry = Buffer.alloc(0);
    }
  }

  function classify(line: Buffer): JukiLine | null {
    recordNo++;
    if (trailerCount !== null) {
      afterTrailer++;
      return { recordNo, rejected: { reason: 'record after the trailer', raw: Buffer.from(line) } };
    }
    const trailer = parseTrailer(line);
    if (trailer !== null) {
      trailerCount = trailer;
      return null;
    }
    dataRecords++;
    const result = parseJukiRecord(line);
    if (result.ok) return { recordNo, record: result.record };
    return { recordNo, rejected: { reason: result.reason, field: result.field, raw: Buffer.from(line) } };
  }

  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    for (const line of lines(chunk, false)) {
      const out = classify(line);
      if (out) yield out;
    }
  }
  for (const line of lines(Buffer.alloc(0), true)) {
    const out = classify(line);
    if (out) yield out;
  }

  const summary: JukiFileSummary = { dataRecords, trailerCount, complete: false };
  if (trailerCount === null) summary.problem = 'no trailer record';
  else if (trailerCount !== dataRecords) summary.problem = `trailer counts ${trailerCount} records, the file has ${dataRecords}`;
  else if (afterTrailer > 0) summary.problem = `${afterTrailer} records after the trailer`;
  else summary.complete = true;
  return summary;
}
