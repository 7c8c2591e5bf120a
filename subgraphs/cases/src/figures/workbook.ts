/**
 * The 実績報告 as an .xlsx workbook a 所管課 can file: one sheet with the month, the table (suppressed cells written as
 * ＊, as statistical tables in Japan mark withheld figures), the rule the rows were attributed by and the threshold.
 * Returned as base64 for the GraphQL field.
 */
export async function activityWorkbook(month: string, grid: (string | number | null)[][], rule: string, threshold: number): Promise<string> {
  // Loaded when a workbook is asked for: exceljs is a few hundred files every process would otherwise load at start.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'welfare-hub';
  // A fixed date: the same month and figures give the same bytes.
  workbook.created = new Date(`${month}-01T00:00:00Z`);
  workbook.modified = workbook.created;
  const sheet = workbook.addWorksheet(`実績報告 ${month}`);
  sheet.addRow([`重層的支援体制整備事業 実績報告 (${month})`]);
  sheet.addRow([]);
  for (const line of grid) sheet.addRow(line.map((v) => (v === null ? '＊' : v)));
  sheet.addRow([]);
  sheet.addRow(['按分の規則', rule]);
  sheet.addRow(['秘匿', `1〜${threshold - 1} の人数に関わる件数と、それを逆算できる件数は ＊`]);
  sheet.getColumn(1).width = 30;
  for (let c = 2; c <= 6; c++) sheet.getColumn(c).width = 14;
  sheet.getRow(3).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}
