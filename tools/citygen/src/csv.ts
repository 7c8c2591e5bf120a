import { encodeCp932 } from '@welfare-hub/codec';

/** One CSV line as the old systems write it: quoted only where needed, quotes doubled, CRLF, CP932. */
export function csvLine(fields: readonly string[]): Buffer {
  const text = fields.map((f) => (/[",\r\n]/.test(f) ? `"${f.replaceAll('"', '""')}"` : f)).join(',');
  return encodeCp932(`${text}\r\n`);
}
