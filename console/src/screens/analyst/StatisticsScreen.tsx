import { useId, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql/index.js';
import type { Grouping, SituationStatisticsQuery } from '../../gql/graphql.js';
import { GROUPING_LABEL, SITUATION_LABEL, dateJa, dateTimeJa } from '../../labels.js';
import { ErrorNote, Loading } from '../../ui/ErrorNote.js';
import { TableView } from './TableView.js';
import type { LabelledTable } from './table-model.js';

const STATISTICS = graphql(`
  query SituationStatistics($groupBy: Grouping!) {
    situationStatistics(groupBy: $groupBy) {
      threshold
      asOf
      groupBy
      rows {
        district
        ageBand
        kind
        households
        suppressed
      }
    }
    indicators {
      name
      title
      rowHeader
      columns
      rows {
        label
        values
        total
      }
      columnTotals
      grandTotal
      threshold
      asOf
    }
  }
`);

const KINDS = ['EIGHTY_FIFTY', 'DOUBLE_CARE', 'YOUNG_CARER', 'MULTI_SECTOR'] as const;
const COLUMN_LABEL: Record<string, string> = { ...SITUATION_LABEL, KAIGO: '介護', SHOGAI: '障害', KODOMO: '子ども', KONKYU: '困窮' };

/** A suppressed cell stays null (秘匿); a kind the group has no row for is 0. */
function cellOf(cells: Map<string, number | null> | undefined, kind: string): number | null {
  return cells?.has(kind) ? cells.get(kind)! : 0;
}

/** The situations per group as a table: one row per group, one column per situation, 合計 last. */
function situationTable(stats: SituationStatisticsQuery['situationStatistics']): LabelledTable {
  const groups = new Map<string, Map<string, number | null>>();
  for (const row of stats.rows) {
    const group = row.district ?? row.ageBand ?? '合計';
    const cells = groups.get(group) ?? new Map<string, number | null>();
    cells.set(row.kind, row.suppressed ? null : (row.households ?? 0));
    groups.set(group, cells);
  }
  const ordered = [...groups.keys()].filter((g) => g !== '合計').sort();
  if (groups.has('合計')) ordered.push('合計');
  const by = stats.groupBy === 'DISTRICT' ? '地区' : '最年長者の年齢帯';
  return {
    title: `世帯の状況（${GROUPING_LABEL[stats.groupBy] ?? stats.groupBy}別）`,
    rowHeader: by,
    columns: KINDS.map((k) => SITUATION_LABEL[k]!),
    rows: ordered.map((g) => ({
      label: g === '合計' ? '合計' : stats.groupBy === 'DISTRICT' ? `地区 ${g}` : g,
      values: KINDS.map((k) => cellOf(groups.get(g), k)),
    })),
    note: `世帯数。${stats.threshold}未満の数と、そこから逆算できる数は「秘匿」。基準日 ${dateJa(stats.asOf)}。`,
  };
}

function indicatorTable(t: SituationStatisticsQuery['indicators'][number]): LabelledTable {
  return {
    title: t.title,
    rowHeader: t.rowHeader === 'sector' ? '分野' : t.rowHeader === 'month' ? '月' : t.rowHeader === 'district' ? '地区' : t.rowHeader,
    columns: [...t.columns.map((c) => COLUMN_LABEL[c] ?? c), '計'],
    rows: [
      ...t.rows.map((r) => ({ label: COLUMN_LABEL[r.label] ?? r.label, values: [...r.values.map((v) => v ?? null), r.total ?? null] })),
      { label: '合計', values: [...t.columnTotals.map((v) => v ?? null), t.grandTotal ?? null] },
    ],
    note: `${t.threshold}未満の数と、そこから逆算できる数は「秘匿」。基準日 ${dateJa(t.asOf)}。`,
  };
}

/** 統計: the analyst's tables with labels, suppressed cells marked, a chart each, CSV and Excel files. */
export default function StatisticsScreen() {
  const [groupBy, setGroupBy] = useState<Grouping>('DISTRICT');
  const { data, loading, error } = useQuery(STATISTICS, { variables: { groupBy } });
  const id = useId();
  return (
    <>
      <h1>統計</h1>
      <p className="muted">個人を特定できる情報は含みません。集計はすべて記録されます。</p>
      <div className="inline-form">
        <label htmlFor={id}>集計の単位</label>
        <select id={id} value={groupBy} onChange={(e) => setGroupBy(e.target.value as Grouping)}>
          <option value="DISTRICT">地区</option>
          <option value="AGE_BAND">最年長者の年齢帯</option>
        </select>
      </div>
      <ErrorNote error={error} />
      {loading && !data && <Loading what="統計" />}
      {data && (
        <>
          <TableView table={situationTable(data.situationStatistics)} fileName={`situations-${groupBy.toLowerCase()}`} />
          {data.indicators.map((t) => (
            <TableView key={t.name} table={indicatorTable(t)} fileName={t.name} />
          ))}
          <p className="muted">表示 {dateTimeJa(new Date().toISOString())}</p>
        </>
      )}
    </>
  );
}
