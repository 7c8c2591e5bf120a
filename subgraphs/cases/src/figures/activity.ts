import type { DataSource } from 'typeorm';
import { csvText, suppressTable } from '@welfare-hub/analytics';
import { fundingSector, FUNDING_SECTORS, type FundingRule, type FundingSector, type SubjectOnDay } from './funding-rule.js';

/**
 * The 実績報告 activities of a month: CONSULTATION (新規相談受付: a case opened), CONTACT (支援経過: a contact or a
 * follow-up logged), CASE (継続支援: a case open at some time in the month). Each is one activity of one subject.
 */
export const ACTIVITIES = ['CONSULTATION', 'CONTACT', 'CASE'] as const;
export type ActivityKind = (typeof ACTIVITIES)[number];
export const ACTIVITY_LABELS: Record<ActivityKind, string> = {
  CONSULTATION: '新規相談受付',
  CONTACT: '支援経過 (連絡・訪問・同行)',
  CASE: '継続支援ケース',
};
export const SECTOR_LABELS: Record<FundingSector, string> = { KAIGO: '介護', SHOGAI: '障害', KODOMO: '子ども', KONKYU: '困窮' };

export interface Activity {
  kind: ActivityKind;
  /** The subject it counts under (a contact's member, else the case's first subject); null while not identified. */
  personId: string | null;
  /** The day the subject's attributes are read on (yyyy-mm-dd). */
  day: string;
}

/** yyyy-mm → its first day and the first day of the next month. */
export function monthBounds(month: string): { first: string; next: string; last: string } | null {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!m) return null;
  const [y, mo] = [Number(m[1]), Number(m[2])];
  const next = mo === 12 ? `${y + 1}-01-01` : `${y}-${String(mo + 1).padStart(2, '0')}-01`;
  const last = new Date(Date.UTC(y, mo, 0)).toISOString().slice(0, 10);
  return { first: `${month}-01`, next, last };
}

const FIRST_SUBJECT = `(SELECT s.person_id FROM cases.case_subject s WHERE s.case_id = c.id ORDER BY s.position LIMIT 1)`;
const JST_DAY = (column: string) => `to_char(${column} AT TIME ZONE 'Asia/Tokyo', 'YYYY-MM-DD')`;

/** Every activity of the month (Japan's calendar), each once. */
export async function monthActivities(db: DataSource, month: string): Promise<Activity[]> {
  const b = monthBounds(month)!;
  const from = `${b.first}T00:00:00+09:00`;
  const to = `${b.next}T00:00:00+09:00`;
  const [opened, contacts, open] = await Promise.all([
    db.query(
      `SELECT ${FIRST_SUBJECT} AS person_id, ${JST_DAY('c.opened_at')} AS day FROM cases.case_file c WHERE c.opened_at >= $1 AND c.opened_at < $2`,
      [from, to],
    ),
    db.query(
      `SELECT COALESCE(ct.person_id, p.person_id, ${FIRST_SUBJECT}) AS person_id, ${JST_DAY('ct.at')} AS day
       FROM cases.contact ct JOIN cases.case_file c ON c.id = ct.case_id LEFT JOIN cases.participation p ON p.id = ct.participation_id
       WHERE ct.at >= $1 AND ct.at < $2`,
      [from, to],
    ),
    // The day a continuing case is attributed on: the last day of the month it was open.
    db.query(
      `SELECT ${FIRST_SUBJECT} AS person_id, CASE WHEN c.closed_at IS NOT NULL AND c.closed_at < $2 THEN ${JST_DAY('c.closed_at')} ELSE $3 END AS day
       FROM cases.case_file c WHERE c.opened_at < $2 AND (c.closed_at IS NULL OR c.closed_at >= $1)`,
      [from, to, b.last],
    ),
  ]);
  const as = (kind: ActivityKind, rows: { person_id: string | null; day: string }[]): Activity[] =>
    rows.map((r) => ({ kind, personId: r.person_id, day: r.day }));
  return [...as('CONSULTATION', opened), ...as('CONTACT', contacts), ...as('CASE', open)];
}

/** Counts per activity and funding sector: each activity lands in exactly one cell. */
export function attribute(
  activities: readonly Activity[],
  subject: (personId: string | null, day: string) => SubjectOnDay | null,
  rule: FundingRule,
): number[][] {
  const cells = ACTIVITIES.map(() => FUNDING_SECTORS.map(() => 0));
  for (const a of activities) cells[ACTIVITIES.indexOf(a.kind)]![FUNDING_SECTORS.indexOf(fundingSector(rule, subject(a.personId, a.day)))]! += 1;
  return cells;
}

export interface ActivityRow {
  fundingSector: FundingSector | null;
  activity: ActivityKind;
  count: number | null;
  suppressed: boolean;
}

/**
 * The month as rows (activity × funding sector) and totals (per activity), suppressed like the analysts' other tables:
 * a count about persons from 1 to threshold-1 is withheld, with complements, so that none can be worked out from the
 * totals. Published rows add up to their total.
 */
export function activityTable(
  cells: number[][],
  threshold: number,
): { rows: ActivityRow[]; totals: ActivityRow[]; columnTotals: (number | null)[]; grandTotal: number | null } {
  const s = suppressTable({ cells, threshold });
  const rows = ACTIVITIES.flatMap((activity, i) =>
    FUNDING_SECTORS.map((fundingSector, j) => ({ fundingSector, activity, count: s.cells[i]![j]!, suppressed: s.cells[i]![j] === null })),
  );
  const totals = ACTIVITIES.map((activity, i) => ({ fundingSector: null, activity, count: s.rowTotals[i]!, suppressed: s.rowTotals[i] === null }));
  return { rows, totals, columnTotals: s.columnTotals, grandTotal: s.grandTotal };
}

/** The report as a 所管課 files it: activities down, funding sectors across, totals on the right and at the bottom. */
export function activityGrid(table: {
  rows: ActivityRow[];
  totals: ActivityRow[];
  columnTotals: (number | null)[];
  grandTotal: number | null;
}): (string | number | null)[][] {
  return [
    ['活動', ...FUNDING_SECTORS.map((s) => `${SECTOR_LABELS[s]} (${s})`), '合計'],
    ...ACTIVITIES.map((a) => [
      `${ACTIVITY_LABELS[a]} (${a})`,
      ...FUNDING_SECTORS.map((s) => table.rows.find((r) => r.activity === a && r.fundingSector === s)!.count),
      table.totals.find((t) => t.activity === a)!.count,
    ]),
    ['合計', ...table.columnTotals, table.grandTotal],
  ];
}

export function activityCsv(grid: (string | number | null)[][]): string {
  return csvText(grid);
}
