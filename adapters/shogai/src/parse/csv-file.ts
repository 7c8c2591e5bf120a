import { createReadStream } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { decodeCp932 } from '@welfare-hub/codec';
import { pastBound, readFrom } from '@welfare-hub/ingest';
import { RecordSplitter, type RawRecord } from './record-splitter.js';

export interface CsvRow {
  /** Data record number, 1-based (the header is not counted). */
  recordNo: number;
  /** The file line the record starts on. */
  line: number;
  fields: string[];
}

export interface CsvRejection {
  recordNo: number;
  line: number;
  reason: string;
  /** The record as text; only its head for a record past the bound. */
  raw: string;
  field?: string;
}

export interface CsvFile {
  rows: CsvRow[];
  rejected: CsvRejection[];
  /** False when the file ends inside a record or without its final CRLF: it was cut short. */
  complete: boolean;
  problem?: string;
}

/** Longer than any record of the three exports could be, when the caller names no bound (packages/ingest BOUNDS). */
const DEFAULT_MAX_RECORD_BYTES = 65_536;

/**
 * One record's fields, or null for a broken quote: a record without a quote is its text split at commas (what CSV
 * means by it, and twenty times faster than a parser per record); one with quotes goes to csv-parse alone, so one bad
 * quote costs one record.
 */
function fieldsOf(text: string): string[] | null {
  if (!text.includes('"')) return text.replace(/^\uFEFF/u, '').split(',');
  try {
    const [record] = parse(text, { relax_column_count: true, record_delimiter: '\r\n', bom: true }) as string[][];
    return record ?? [];
  } catch {
    return null;
  }
}

/**
 * Reads one of the nightly CP932 exports as a stream: header row checked against the spec, fields quoted where they
 * hold a comma, a quote or a line break. A record past `maxRecordBytes` is rejected with the bound named and never
 * held whole; a record with bytes that are not CP932, a broken quote or the wrong number of fields is rejected on
 * its own; a file that stops inside a record is reported as cut short. Memory stays flat whatever the file holds.
 */
export async function readCsvFile(file: string | FileHandle, header: readonly string[], maxRecordBytes = DEFAULT_MAX_RECORD_BYTES): Promise<CsvFile> {
  const splitter = new RecordSplitter(maxRecordBytes);
  const records: RawRecord[] = [];
  const rows: CsvRow[] = [];
  const rejected: CsvRejection[] = [];
  let headerSeen = false;
  let headerOk = false;
  let recordNo = 0;
  const take = (record: RawRecord): void => {
    if (record.length === 0) return; // an empty line, as before: not a record
    if (!headerSeen) {
      headerSeen = true;
      const text = record.overBound ? null : decodeCp932(record.bytes).text;
      headerOk = text !== null && fieldsOf(text)?.join(',') === header.join(',');
      return;
    }
    if (!headerOk) return;
    recordNo++;
    if (record.overBound) {
      rejected.push({
        recordNo,
        line: record.line,
        reason: pastBound('record', record.length, maxRecordBytes, 'bytes'),
        raw: decodeCp932(record.bytes).text,
      });
      return;
    }
    const text = decodeCp932(record.bytes).text;
    const fields = fieldsOf(text);
    if (fields === null) rejected.push({ recordNo, line: record.line, reason: 'a quote that does not close or open a field', raw: text });
    else if (fields.some((f) => /[\uFFFD\uE000-\uF8FF]/u.test(f)))
      rejected.push({ recordNo, line: record.line, reason: 'bytes that are not CP932 (or 外字)', raw: text });
    else if (fields.length !== header.length)
      rejected.push({ recordNo, line: record.line, reason: `${fields.length} fields, expected ${header.length}`, raw: text });
    else rows.push({ recordNo, line: record.line, fields });
  };
  const stream = typeof file === 'string' ? (createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) : readFrom(file);
  for await (const chunk of stream) {
    splitter.push(chunk, records);
    for (const record of records) take(record);
    records.length = 0;
    if (headerSeen && !headerOk) break;
  }
  if (headerSeen && !headerOk) return { rows: [], rejected: [], complete: false, problem: 'header row is not the specified one' };
  if (splitter.openQuote) return { rows: [], rejected: [], complete: false, problem: 'file ends inside a quoted field' };
  if (splitter.rest() !== null || !headerSeen)
    return { rows: [], rejected: [], complete: false, problem: 'file does not end with a complete record' };
  return { rows, rejected, complete: true };
}
