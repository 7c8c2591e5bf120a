import type { DataSource } from 'typeorm';
import { indexHouseholds, type IndexedHousehold, type IndexSources } from './index-builder.js';
import { suppressList } from './suppression.js';
import { csvText } from './csv.js';
import { indexProvenance, sourcesReadAt } from './provenance.js';

export type Grouping = 'DISTRICT' | 'AGE_BAND';
export const SITUATION_KINDS = ['EIGHTY_FIFTY', 'DOUBLE_CARE', 'YOUNG_CARER', 'MULTI_SECTOR'] as const;

/** Bands of the age of a household's oldest member, for planners. */
export const AGE_BANDS: readonly { label: string; from: number; to: number }[] = [
  { label: '0-39', from: 0, to: 39 },
  { label: '40-64', from: 40, to: 64 },
  { label: '65-74', from: 65, to: 74 },
  { label: '75-84', from: 75, to: 84 },
  { label: '85+', from: 85, to: Number.MAX_SAFE_INTEGER },
];
const band = (age: number): string => AGE_BANDS.find((b) => age >= b.from && age <= b.to)!.label;

export interface StatisticsRow {
  /** The group (a 地区コード or an age band); null on the row that gives the kind's total over all groups. */
  district: string | null;
  ageBand: string | null;
  kind: (typeof SITUATION_KINDS)[number];
  households: number | null;
  suppressed: boolean;
}

export interface StatisticsTable {
  rows: StatisticsRow[];
  threshold: number;
  asOf: string;
  groupBy: Grouping;
  /** When the figures were counted: the index's build, or now when counted afresh for another day. */
  indexBuiltAt: Date;
  /** The last whole read of each source the figures come from. */
  sourcesReadAt: { source: string; readAt: string | null }[];
}

type Counts = Map<string, Map<string, number>>; // group → kind → households

async function countsFromIndex(db: DataSource, groupBy: Grouping): Promise<{ counts: Counts; groups: string[] }> {
  // By age, counted per oldest age and folded into bands here, so that band() is the one definition of a band.
  const rows: { grp: string | number; kind: string | null; n: number }[] = await db.query(
    `SELECT ${groupBy === 'DISTRICT' ? 'h.district' : 'h.oldest_age'} AS grp, k.kind, count(k.kind)::int AS n
     FROM analytics.household h LEFT JOIN LATERAL unnest(h.kinds) AS k(kind) ON true
     WHERE h.generation = (SELECT generation FROM analytics.state) GROUP BY 1, 2`,
  );
  const counts: Counts = new Map();
  for (const r of rows) {
    const group = groupBy === 'DISTRICT' ? String(r.grp) : band(Number(r.grp));
    const byKind = counts.get(group) ?? new Map<string, number>();
    counts.set(group, byKind);
    if (r.kind) byKind.set(r.kind, (byKind.get(r.kind) ?? 0) + r.n);
  }
  return { counts, groups: [...counts.keys()].sort() };
}

async function countsAfresh(src: IndexSources, asOf: string, groupBy: Grouping): Promise<{ counts: Counts; groups: string[] }> {
  const counts: Counts = new Map();
  const add = (h: IndexedHousehold) => {
    const g = groupBy === 'DISTRICT' ? h.district : band(h.oldestAge);
    const byKind = counts.get(g) ?? new Map<string, number>();
    counts.set(g, byKind);
    for (const k of h.kinds) byKind.set(k, (byKind.get(k) ?? 0) + 1);
  };
  for await (const { households } of indexHouseholds(src, asOf)) households.forEach(add);
  return { counts, groups: [...counts.keys()].sort() };
}

/**
 * Households in each situation per group, over the whole population, with every count from 1 to threshold − 1
 * suppressed and as many others as it takes that none can be worked out from the rest and the totals (each kind's
 * groups sum to its total). From the stored index when asOf is its date, otherwise from the sources afresh.
 */
export async function situationStatistics(
  src: IndexSources,
  options: { asOf: string | null; groupBy: Grouping; threshold: number; today: string },
): Promise<StatisticsTable> {
  const index = await indexProvenance(src.db);
  const asOf = options.asOf ?? index.asOf ?? options.today;
  const fromIndex = index.indexBuiltAt !== null && asOf === index.asOf;
  const { counts, groups } = fromIndex ? await countsFromIndex(src.db, options.groupBy) : await countsAfresh(src, asOf, options.groupBy);
  const provenance = fromIndex
    ? { indexBuiltAt: index.indexBuiltAt!, sources: index.sources }
    : { indexBuiltAt: new Date(), sources: await src.snapshot() };
  const rows: StatisticsRow[] = [];
  const labelled = (group: string | null) =>
    options.groupBy === 'DISTRICT' ? { district: group, ageBand: null } : { district: null, ageBand: group };
  for (const kind of SITUATION_KINDS) {
    const list = suppressList(
      groups.map((g) => counts.get(g)?.get(kind) ?? 0),
      options.threshold,
    );
    groups.forEach((g, i) => rows.push({ ...labelled(g), kind, households: list.counts[i]!, suppressed: list.counts[i] === null }));
    rows.push({ ...labelled(null), kind, households: list.total, suppressed: list.total === null });
  }
  return {
    rows,
    threshold: options.threshold,
    asOf,
    groupBy: options.groupBy,
    indexBuiltAt: provenance.indexBuiltAt,
    sourcesReadAt: sourcesReadAt(provenance.sources),
  };
}

/** Any table as CSV (RFC 4180), suppressed cells empty with a flag column. */
export function statisticsCsv(table: StatisticsTable): string {
  return csvText([
    [table.groupBy === 'DISTRICT' ? 'district' : 'age_band', 'kind', 'households', 'suppressed'],
    ...table.rows.map((r) => [r.district ?? r.ageBand ?? 'TOTAL', r.kind, r.households, r.suppressed ? '1' : '0']),
  ]);
}
