import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { decodeCp932 } from '@welfare-hub/codec';

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
  raw: string;
}

export interface CsvFile {
  rows: CsvRow[];
  rejected: CsvRejection[];
  /** False when the file ends inside a record or without its final CRLF: it was cut short. */
  complete: boolean;
  problem?: string;
}

/**
 * Reads one of the nightly CP932 exports: header row checked against the spec, fields quoted where they hold
 * a comma, a quote or a line break. A record with bytes that are not CP932 or the wrong number of fields is
 * rejected on its own; a file that stops inside a record is reported as cut short.
 */
export async function readCsvFile(path: string, header: readonly string[]): Promise<CsvFile> {
  const bytes = await readFile(path);
  const { text } = decodeCp932(bytes);
  if (!text.endsWith('\r\n')) return { rows: [], rejected: [], complete: false, problem: 'file does not end with a complete record' };
  let records: { record: string[]; raw: string }[];
  try {
    records = parse(text, { relax_column_count: true, record_delimiter: '\r\n', info: true, raw: true, skip_empty_lines: true, bom: true }) as unknown as typeof records;
  } catch {
    return { rows: [], rejected: [], complete: false, problem: 'file ends inside a quoted field' };
  }
  const [first, ...data] = records;
  if (!first || first.record.join(',') !== header.join(',')) {
    return { rows: [], rejected: [], complete: false, problem: 'header row is not the specified one' };
  }
  const rows: CsvRow[] = [];
  const rejected: CsvRejection[] = [];
  // A record starts on the line after the records before it, counting the line breaks quoted inside them.
  const lines = (raw: string): number => 1 + (raw.match(/\r\n/g)?.length ?? 0);
  let line = 1 + lines(first.raw);
  data.forEach(({ record, raw }, i) => {
    const recordNo = i + 1;
    if (record.some((f) => /[\uFFFD\uE000-\uF8FF]/u.test(f))) {
      rejected.push({ recordNo, line, reason: 'bytes that are not CP932 (or 外字)', raw });
    } else if (record.length !== header.length) {
      rejected.push({ recordNo, line, reason: `${record.length} fields, expected ${header.length}`, raw });
    } else {
      rows.push({ recordNo, line, fields: record });
    }
    line += lines(raw);
  });
  return { rows, rejected, complete: true };
}
