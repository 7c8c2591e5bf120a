import { decodeCp932, parseSeirekiCompact, parseTimestamp14, type IsoDate } from '@welfare-hub/codec';

/** 措置区分: 1 DV, 2 ストーカー行為等, 3 児童虐待等, 9 その他 (`shared/legacy/juki.md` § 支援措置). */
export const SOCHI_KUBUN: Readonly<Record<string, string>> = { '1': 'DV', '2': 'ストーカー行為等', '3': '児童虐待等', '9': 'その他' };

export const SOCHI_HEADER = ['宛名番号', '措置区分', '開始日', '終了日', '更新日時'] as const;

/** One row of the list: a resident under a 住民基本台帳 支援措置. */
export interface SochiRow {
  atenaNo: string;
  kubun: string;
  startDate: IsoDate;
  /** Null while the measure is open (it runs a year and is renewed). */
  endDate: IsoDate | null;
  /** 更新日時 as ISO 8601 with +09:00. */
  updatedAt: string;
}

/**
 * A list read whole, or why it could not be. A problem names the line and the field, never a value: the list is
 * who the municipality hides from whom, and the problem is shown to administrators in `sourceReads`.
 */
export type SochiList = { ok: true; rows: SochiRow[]; duplicates: number } | { ok: false; problem: string; cut: boolean };

const CR = 0x0d;
const LF = 0x0a;

/** A bare CR or LF inside a line is no line end: such a file went through a converter and may be missing lines. */
function splitCrlf(bytes: Uint8Array): Uint8Array[] {
  const lines: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i + 1 < bytes.length; i++) {
    if (bytes[i] === CR && bytes[i + 1] === LF) {
      lines.push(bytes.subarray(start, i));
      start = i + 2;
      i++;
    }
  }
  if (start < bytes.length) lines.push(bytes.subarray(start));
  return lines;
}

class Refused extends Error {}

const fault = (line: number, what: string): Refused => new Refused(`line ${line}: ${what}`);

/** One CSV field: surrounding spaces and one pair of double quotes allowed, nothing else that CSV would escape. */
function unquote(field: string): string {
  const trimmed = field.trim();
  return trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"') ? trimmed.slice(1, -1).trim() : trimmed;
}

function row(fields: string[], line: number): SochiRow {
  if (fields.length !== SOCHI_HEADER.length) throw fault(line, `expected ${SOCHI_HEADER.length} columns, found ${fields.length}`);
  const [atenaNo, kubun, start, end, updated] = fields.map(unquote) as [string, string, string, string, string];
  if (!/^[0-9]{10}$/.test(atenaNo)) throw fault(line, '宛名番号: expected 10 digits');
  if (!Object.hasOwn(SOCHI_KUBUN, kubun)) throw fault(line, '措置区分: code not in the specification');
  const startDate = parseSeirekiCompact(start);
  if (startDate === null) throw fault(line, '開始日: not a date');
  const endDate = end === '' ? null : parseSeirekiCompact(end);
  if (end !== '' && endDate === null) throw fault(line, '終了日: not a date');
  if (endDate !== null && endDate < startDate) throw fault(line, '終了日: before 開始日');
  const updatedAt = parseTimestamp14(updated);
  if (updatedAt === null) throw fault(line, '更新日時: not a timestamp');
  return { atenaNo, kubun, startDate, endDate, updatedAt };
}

/**
 * Parses a whole `JUKI_SOCHI_YYYYMMDD.csv` (CP932, CRLF, a header line, comma-separated). All or nothing: a list is
 * the full set of residents under protection, so a list applied in part would end the protection of whoever was
 * in the part that could not be read. Every line must end in CRLF (a last line without one was cut), decode as
 * CP932 and hold the spec's columns. Identical rows are kept once; several rows for one resident (a measure and
 * its renewal) are all kept. Empty lines carry no row and are skipped.
 */
export function parseSochiList(bytes: Uint8Array): SochiList {
  if (bytes.length === 0) return { ok: false, problem: 'empty file: no header', cut: true };
  if (bytes.length < 2 || bytes[bytes.length - 2] !== CR || bytes[bytes.length - 1] !== LF) {
    return { ok: false, problem: 'the last line does not end in CRLF: the file was cut short', cut: true };
  }
  try {
    const lines = splitCrlf(bytes);
    const rows: SochiRow[] = [];
    const seen = new Set<string>();
    let duplicates = 0;
    lines.forEach((bytesOfLine, index) => {
      const line = index + 1;
      if (bytesOfLine.includes(CR) || bytesOfLine.includes(LF)) throw fault(line, 'a CR or LF that is not a CRLF line end');
      const { text, valid } = decodeCp932(bytesOfLine);
      if (!valid) throw fault(line, 'not CP932 (a bad byte sequence, a cut double-byte character or 外字)');
      if (index === 0) {
        if (text.split(',').map(unquote).join(',') !== SOCHI_HEADER.join(',')) throw fault(line, `header is not ${SOCHI_HEADER.join(',')}`);
        return;
      }
      if (text.trim() === '') return;
      const parsed = row(text.split(','), line);
      const key = JSON.stringify(parsed);
      if (seen.has(key)) duplicates++;
      else {
        seen.add(key);
        rows.push(parsed);
      }
    });
    return { ok: true, rows, duplicates };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, problem: error.message, cut: false };
    throw error;
  }
}
