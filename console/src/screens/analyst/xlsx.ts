import writeXlsxFile from 'write-excel-file/browser';
import { SUPPRESSED, type LabelledTable } from './table-model.js';

/** The table as an .xlsx workbook (loaded only when an analyst asks for one: the library stays out of the first load). */
export function toXlsx(table: LabelledTable): Promise<Blob> {
  const header = [table.rowHeader, ...table.columns].map((value) => ({ value, fontWeight: 'bold' as const }));
  const rows = table.rows.map((r) => [{ value: r.label }, ...r.values.map((v) => (v === null ? { value: SUPPRESSED } : { value: v, type: Number }))]);
  return writeXlsxFile([[{ value: table.title, fontWeight: 'bold' as const }], [{ value: table.note }], header, ...rows], { sheet: '集計' }).toBlob();
}
