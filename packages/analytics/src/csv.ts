import { stringify } from 'csv-stringify/sync';

/** RFC 4180 CSV: CRLF line ends, a field quoted when it holds a comma, a quote or any line break; null is empty. */
export function csvText(records: readonly (readonly (string | number | null)[])[]): string {
  return stringify(records as (string | number | null)[][], { record_delimiter: 'windows', quoted_match: /[\r\n]/ });
}
