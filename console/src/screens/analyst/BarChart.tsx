import { SUPPRESSED, type LabelledTable } from './table-model.js';

const PALETTE = ['#1f5fa8', '#b5541c', '#2e7d32', '#6a3d9a', '#8c6d1f', '#00796b'];

/**
 * A grouped bar chart of a table, drawn as SVG (no chart library in the bundle). It is a picture of the table just
 * above it: screen readers get its name and read the numbers from the table itself. Suppressed cells draw no bar
 * and are marked 秘匿.
 */
export function BarChart({ table }: { table: LabelledTable }) {
  const rows = table.rows.slice(0, 24);
  const max = Math.max(1, ...rows.flatMap((r) => r.values.map((v) => v ?? 0)));
  const band = 28;
  const labelWidth = 140;
  const width = 720;
  const barArea = width - labelWidth - 60;
  const cols = table.columns.length;
  const barHeight = Math.max(3, (band - 6) / cols);
  const height = rows.length * band + 40;
  return (
    <figure className="chart">
      <svg role="img" aria-label={`${table.title}のグラフ（数値は上の表）`} viewBox={`0 0 ${width} ${height}`} width="100%">
        {rows.map((r, i) => (
          <g key={r.label} transform={`translate(0, ${i * band})`}>
            <text x={labelWidth - 6} y={band / 2 + 4} textAnchor="end" fontSize="12">
              {r.label}
            </text>
            {r.values.map((v, j) =>
              v === null ? (
                <text key={j} x={labelWidth + 4} y={3 + j * barHeight + barHeight} fontSize="9" fill="#555">
                  {SUPPRESSED}
                </text>
              ) : (
                <rect
                  key={j}
                  x={labelWidth}
                  y={3 + j * barHeight}
                  width={(v / max) * barArea}
                  height={barHeight - 1}
                  fill={PALETTE[j % PALETTE.length]}
                />
              ),
            )}
          </g>
        ))}
        <g transform={`translate(${labelWidth}, ${rows.length * band + 14})`}>
          {table.columns.map((c, j) => (
            <g key={c} transform={`translate(${j * 120}, 0)`}>
              <rect width="10" height="10" fill={PALETTE[j % PALETTE.length]} />
              <text x="14" y="9" fontSize="11">
                {c}
              </text>
            </g>
          ))}
        </g>
      </svg>
      {table.rows.length > rows.length && <figcaption>先頭の{rows.length}行を表示しています。</figcaption>}
    </figure>
  );
}
