import { useState } from 'react';
import { BarChart } from './BarChart.js';
import { cellText, toCsv, type LabelledTable } from './table-model.js';
import { download } from './download.js';

/** One table: the numbers, its chart, and CSV / Excel files of exactly what is shown. */
export function TableView({ table, fileName }: { table: LabelledTable; fileName: string }) {
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const excel = async (): Promise<void> => {
    setBusy(true);
    setFailed(false);
    try {
      const { toXlsx } = await import('./xlsx.js');
      download(`${fileName}.xlsx`, await toXlsx(table));
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-label={table.title} className="stat-table">
      <h2>{table.title}</h2>
      <p className="muted">{table.note}</p>
      <div className="actions">
        <button type="button" onClick={() => download(`${fileName}.csv`, new Blob([toCsv(table)], { type: 'text/csv;charset=utf-8' }))}>
          {table.title}をCSVでダウンロード
        </button>
        <button type="button" disabled={busy} onClick={() => void excel()}>
          {table.title}をExcelでダウンロード
        </button>
      </div>
      {failed && (
        <p role="alert" className="error">
          Excelファイルを作成できませんでした。CSVをお使いください。
        </p>
      )}
      <div className="scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{table.rowHeader}</th>
              {table.columns.map((c) => (
                <th scope="col" key={c}>
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((r) => (
              <tr key={r.label}>
                <th scope="row">{r.label}</th>
                {r.values.map((v, i) => (
                  <td key={i} className={v === null ? 'suppressed' : 'number'}>
                    {cellText(v)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <BarChart table={table} />
    </section>
  );
}
