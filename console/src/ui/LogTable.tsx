import type { ReactNode } from 'react';

/** One column of a log: its heading and what a row shows in it. */
export interface LogColumn<Row> {
  header: string;
  cell: (row: Row) => ReactNode;
}

/**
 * A log as a table, one row per entry: the privacy officer's access, case-access and disclosure logs share it, each
 * giving its own columns (they differ in what the last columns mean: 参照, 内容, 目的 …).
 */
export function LogTable<Row>({
  rows,
  columns,
  rowKey,
  caption,
}: {
  rows: readonly Row[];
  columns: readonly LogColumn<Row>[];
  rowKey: (row: Row, index: number) => string;
  caption?: string;
}) {
  return (
    <table>
      {caption && <caption>{caption}</caption>}
      <thead>
        <tr>
          {columns.map((c) => (
            <th scope="col" key={c.header}>
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr key={rowKey(row, i)}>
            {columns.map((c) => (
              <td key={c.header}>{c.cell(row)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
