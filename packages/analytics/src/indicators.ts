import type { DataSource } from 'typeorm';
import { sectorCodes } from '@welfare-hub/sectors';
import { SITUATION_KINDS } from './statistics.js';
import { suppressTable } from './suppression.js';
import { csvText } from './csv.js';
import { indexProvenance, sourcesReadAt } from './provenance.js';

/** One table planners use for 事業評価 and 実績報告: suppressed cells are null, totals are sums of the cells. */
export interface IndicatorTable {
  name: string;
  title: string;
  rowHeader: string;
  columns: string[];
  rows: { label: string; values: (number | null)[]; total: number | null }[];
  columnTotals: (number | null)[];
  grandTotal: number | null;
  threshold: number;
  asOf: string;
  /** When the index these figures come from was built (null: not yet), and the last whole read of each source in it. */
  indexBuiltAt: Date | null;
  sourcesReadAt: { source: string; readAt: string | null }[];
}

const CURRENT = `(SELECT generation FROM analytics.state)`;

type Provenance = Pick<IndicatorTable, 'asOf' | 'indexBuiltAt' | 'sourcesReadAt'>;

function table(
  name: string,
  title: string,
  rowHeader: string,
  labels: string[],
  columns: string[],
  count: (row: string, column: string) => number,
  threshold: number,
  provenance: Provenance,
): IndicatorTable {
  const cells = labels.map((l) => columns.map((c) => count(l, c)));
  const s = suppressTable({ cells, threshold });
  return {
    name,
    title,
    rowHeader,
    columns,
    threshold,
    ...provenance,
    rows: labels.map((label, i) => ({ label, values: s.cells[i]!, total: s.rowTotals[i]! })),
    columnTotals: s.columnTotals,
    grandTotal: s.grandTotal,
  };
}

const lookup = (rows: { r: string; c: string; n: number }[]) => {
  const m = new Map(rows.map((x) => [`${x.r}\u0000${x.c}`, x.n]));
  return (r: string, c: string) => m.get(`${r}\u0000${c}`) ?? 0;
};

/** The twelve months up to and including the reference date's, oldest first, as yyyy-mm. */
function months(asOf: string): string[] {
  const [y, m] = asOf.split('-').map(Number) as [number, number];
  return Array.from({ length: 12 }, (_, i) => {
    const k = y * 12 + (m - 1) - (11 - i);
    return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
  });
}

/**
 * The indicators over the current index: involvement by sector and situation; consultations and cases opened, and
 * closed where the source records a closing date (only こども's cases do), per month by sector; households by the
 * number of sectors involved, per district (the share in two or more follows from it). Each suppressed as the
 * situation statistics are, with its totals.
 */
export async function indicators(db: DataSource, threshold: number): Promise<IndicatorTable[]> {
  const index = await indexProvenance(db);
  const asOf = index.asOf ?? new Date().toISOString().slice(0, 10);
  const provenance: Provenance = { asOf, indexBuiltAt: index.indexBuiltAt, sourcesReadAt: sourcesReadAt(index.sources) };
  const sectors = sectorCodes();
  const kinds = [...SITUATION_KINDS];
  const involvement = lookup(
    await db.query(
      `SELECT s.sector AS r, k.kind AS c, count(*)::int AS n FROM analytics.household h, unnest(h.sectors) AS s(sector), unnest(h.kinds) AS k(kind)
     WHERE h.generation = ${CURRENT} GROUP BY 1, 2`,
    ),
  );
  const span = months(asOf);
  const opened = lookup(
    await db.query(
      `SELECT to_char(opened_on, 'YYYY-MM') AS r, sector AS c, count(*)::int AS n FROM analytics.consultation
     WHERE generation = ${CURRENT} AND opened_on >= $1::date GROUP BY 1, 2`,
      [`${span[0]}-01`],
    ),
  );
  const closed = lookup(
    await db.query(
      `SELECT to_char(closed_on, 'YYYY-MM') AS r, sector AS c, count(*)::int AS n FROM analytics.consultation
     WHERE generation = ${CURRENT} AND closed_on >= $1::date AND closed_on <= $2::date GROUP BY 1, 2`,
      [`${span[0]}-01`, asOf],
    ),
  );
  const bySectors = await db.query(
    `SELECT district AS r, cardinality(sectors)::text AS c, count(*)::int AS n FROM analytics.household WHERE generation = ${CURRENT} GROUP BY 1, 2`,
  );
  const districts = [...new Set((bySectors as { r: string }[]).map((x) => x.r))].sort();
  return [
    table(
      'involvement_by_sector_and_situation',
      '分野別・複合課題別の関与世帯数 (households in each situation with a member involved in each sector)',
      'sector',
      sectors,
      kinds,
      involvement,
      threshold,
      provenance,
    ),
    table(
      'consultations_opened_by_month',
      '月別・分野別の相談・ケース開始件数 (consultations and cases opened)',
      'month',
      span,
      sectors,
      opened,
      threshold,
      provenance,
    ),
    table(
      'consultations_closed_by_month',
      '月別・分野別の終結件数 (closed, where the source records the date: こども cases)',
      'month',
      span,
      sectors,
      closed,
      threshold,
      provenance,
    ),
    table(
      'households_by_sectors_involved',
      '地区別・関与分野数別の世帯数 (households by the number of sectors involved)',
      'district',
      districts,
      ['0', '1', '2', '3', '4'],
      lookup(bySectors),
      threshold,
      provenance,
    ),
  ];
}

/** An indicator table as CSV (RFC 4180): a header, one line per row with its total, then the column totals. */
export function indicatorCsv(t: IndicatorTable): string {
  return csvText([
    [t.rowHeader, ...t.columns, 'total'],
    ...t.rows.map((r) => [r.label, ...r.values, r.total]),
    ['total', ...t.columnTotals, t.grandTotal],
  ]);
}
