import type { FileHandle } from 'node:fs/promises';
import { fileLines, type Line } from './lines.js';
import { RECORD_LENGTH } from './layout.js';
import { parseJukiRecord, parseTrailer, type JukiRecord, type RecordResult } from './record.js';

export type JukiLine =
  { recordNo: number; record: JukiRecord } | { recordNo: number; rejected: { reason: string; field?: string | undefined; raw: Buffer } };

export interface JukiFileSummary {
  /** Every line before the trailer, accepted or rejected. */
  dataRecords: number;
  trailerCount: number | null;
  /** False when the trailer is missing, its count differs, or anything follows it: the file was cut or mangled. */
  complete: boolean;
  problem?: string;
}

/** Counts lines as they pass and tells data from trailer from what follows it. */
class Tally {
  recordNo = 0;
  private dataRecords = 0;
  private trailerCount: number | null = null;
  private afterTrailer = 0;

  see(line: Line): 'data' | 'trailer' | 'after-trailer' {
    this.recordNo++;
    if (this.trailerCount !== null) {
      this.afterTrailer++;
      return 'after-trailer';
    }
    const trailer = line.length === RECORD_LENGTH ? parseTrailer(line.bytes) : null;
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

function parseLine(line: Line, recordNo: number): JukiLine {
  // A line too long to keep whole is refused by its true length; parseJukiRecord would only see the kept head.
  const result: RecordResult =
    line.length === line.bytes.length
      ? parseJukiRecord(line.bytes)
      : { ok: false, reason: `record length ${line.length}, expected ${RECORD_LENGTH}` };
  if (result.ok) return { recordNo, record: result.record };
  // Copied: the line is a view of a read buffer, and a rejected record is kept for re-processing.
  return { recordNo, rejected: { reason: result.reason, field: result.field, raw: Buffer.from(line.bytes) } };
}

/** Whether a file arrived whole, without parsing its records: the trailer and the count of lines. */
export async function checkJukiFile(path: string | FileHandle): Promise<JukiFileSummary> {
  const tally = new Tally();
  for await (const batch of fileLines(path)) for (const line of batch) tally.see(line);
  return tally.summary();
}

/**
 * Streams a juki file record by record (1-based record numbers, the trailer counted), each parsed or rejected
 * with its reason and raw bytes; returns the summary. Memory does not grow with the file.
 */
export async function* readJukiFile(path: string | FileHandle): AsyncGenerator<JukiLine, JukiFileSummary> {
  const tally = new Tally();
  for await (const batch of fileLines(path)) {
    for (const line of batch) {
      const kind = tally.see(line);
      if (kind === 'trailer') continue;
      if (kind === 'after-trailer') {
        yield { recordNo: tally.recordNo, rejected: { reason: 'record after the trailer', raw: Buffer.from(line.bytes) } };
        continue;
      }
      yield parseLine(line, tally.recordNo);
    }
  }
  return tally.summary();
}
