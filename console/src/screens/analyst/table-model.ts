/**
 * A table as the analyst sees and downloads it: labels, not codes; a suppressed cell is null and reads 「秘匿」.
 */
export interface LabelledTable {
  title: string;
  rowHeader: string;
  columns: string[];
  rows: { label: string; values: (number | null)[] }[];
  note: string;
}

export const SUPPRESSED = '秘匿';

export function cellText(value: number | null): string {
  return value === null ? SUPPRESSED : value.toLocaleString('ja-JP');
}

/** RFC 4180 CSV with a BOM (Excel opens UTF-8 with one), labels in the header, 秘匿 in a suppressed cell. */
export function toCsv(table: LabelledTable): string {
  const quote = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = [
    [table.rowHeader, ...table.columns],
    ...table.rows.map((r) => [r.label, ...r.values.map((v) => (v === null ? SUPPRESSED : String(v)))]),
  ];
  return '\uFEFF' + lines.map((line) => line.map(quote).join(',')).join('\r\n') + '\r\n';
}
