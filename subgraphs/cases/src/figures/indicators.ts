import type { DataSource } from 'typeorm';
import { csvText, suppressList } from '@welfare-hub/analytics';
import { DECISION_KINDS } from '../stage-machine.js';

/** How a case came in (the SDL's IntakeRoute is this union: codegen.yml enumValues). */
export const ROUTES = ['WINDOW', 'REFERRAL', 'OUTREACH', 'CONCERN', 'OTHER'] as const;
export type IntakeRoute = (typeof ROUTES)[number];
/** Where a closed case was returned: the sector the 主担当 holds (the first, in the contract's order), NONE if it holds none. */
export const RETURN_KEYS = ['KAIGO', 'SHOGAI', 'KODOMO', 'KONKYU', 'NONE'] as const;

export interface Count {
  key: string;
  count: number | null;
  suppressed: boolean;
}

export interface CaseIndicators {
  from: string;
  to: string;
  threshold: number;
  intakesByRoute: Count[];
  referrals: number | null;
  referralsTo: Count[];
  casesOpened: number | null;
  plansApproved: number | null;
  decisionsByKind: Count[];
  participationsStarted: number | null;
  hosts: number;
  outreachContacts: number | null;
  closed: number | null;
  returnedBySector: Count[];
  issuesPerCase: number | null;
  casesAssessed: number | null;
  issuesRecorded: number | null;
  caseloadByOrganisation: Count[];
}

/** A count about persons from 1 to threshold-1 is withheld; 0 and larger counts are shown. */
const primary = (n: number, threshold: number): number | null => (n >= 1 && n < threshold ? null : n);
const count = (key: string, n: number | null): Count => ({ key, count: n, suppressed: n === null });

/**
 * A list whose total is published as a figure of its own (intakes → casesOpened, returned → closed): suppressed with its
 * total as the analysts' other tables are, so that no withheld count follows from the others and the total.
 */
function listWithTotal(keys: readonly string[], counts: Map<string, number>, threshold: number): { list: Count[]; total: number | null } {
  const s = suppressList(
    keys.map((k) => counts.get(k) ?? 0),
    threshold,
  );
  return { list: keys.map((k, i) => count(k, s.counts[i]!)), total: s.total };
}

const grouped = (rows: { key: string | null; n: number }[]) => new Map(rows.map((r) => [r.key ?? 'NONE', r.n]));

/**
 * The 実施計画's 評価指標 over [from, to] (days in Japan's calendar, both included): counts of events, never a person,
 * read from the case tables in a handful of statements.
 */
export async function caseIndicators(
  db: DataSource,
  range: { from: string; to: string },
  threshold: number,
  sectorsOf: Map<string, string[]>,
): Promise<CaseIndicators> {
  const from = `${range.from}T00:00:00+09:00`;
  const to = new Date(new Date(`${range.to}T00:00:00+09:00`).getTime() + 86_400_000).toISOString();
  const p = [from, to];
  const [intakes, referrals, decisions, [participations], [hosts], [outreach], returned, [assessed], caseload] = await Promise.all([
    db.query(`SELECT route AS key, count(*)::int AS n FROM cases.case_file WHERE opened_at >= $1 AND opened_at < $2 GROUP BY route`, p),
    // つなぎ to the 多機関協働 team, or resolved between the sectors themselves (「守備範囲の縮小」, 001:409-413).
    db.query(
      `SELECT CASE WHEN EXISTS (SELECT 1 FROM cases.team_org t WHERE t.org_id = r.to_org) THEN 'TEAM' ELSE 'SECTOR' END AS key, count(*)::int AS n
       FROM cases.referral r WHERE sent_at >= $1 AND sent_at < $2 GROUP BY 1`,
      p,
    ),
    db.query(`SELECT kind AS key, count(*)::int AS n FROM cases.decision WHERE at >= $1 AND at < $2 GROUP BY kind`, p),
    db.query(`SELECT count(*)::int AS n FROM cases.participation WHERE started_at >= $1 AND started_at < $2`, p),
    db.query(`SELECT count(*)::int AS n FROM cases.host WHERE registered_at < $1`, [to]),
    // アウトリーチ: contacts under an OUTREACH_PLANNED decision, or on a case the outreach found.
    db.query(
      `SELECT count(*)::int AS n FROM cases.contact ct JOIN cases.case_file c ON c.id = ct.case_id
       WHERE ct.at >= $1 AND ct.at < $2 AND ct.participation_id IS NULL AND (ct.outreach_decision IS NOT NULL OR c.route = 'OUTREACH')`,
      p,
    ),
    db.query(`SELECT returned_to AS key, count(*)::int AS n FROM cases.case_file WHERE closed_at >= $1 AND closed_at < $2 GROUP BY returned_to`, p),
    // 課題 per case: the newest assessment of each case assessed in the period (桑名: 1,437 factors / 265 cases).
    db.query(
      `SELECT count(*)::int AS cases, COALESCE(sum(cardinality(issues)), 0)::int AS issues FROM (
         SELECT DISTINCT ON (case_id) issues FROM cases.assessment WHERE recorded_at >= $1 AND recorded_at < $2 ORDER BY case_id, id DESC) a`,
      p,
    ),
    // Caseload on the last day: the roles of the plan approved last before it, in cases not closed by then.
    db.query(
      `SELECT r.org_id AS key, count(DISTINCT c.id)::int AS n FROM cases.case_file c
       JOIN LATERAL (SELECT version FROM cases.plan pl WHERE pl.case_id = c.id AND pl.approved_at < $1 ORDER BY version DESC LIMIT 1) pl ON true
       JOIN cases.plan_role r ON r.case_id = c.id AND r.version = pl.version
       WHERE c.opened_at < $1 AND (c.closed_at IS NULL OR c.closed_at >= $1) GROUP BY r.org_id ORDER BY r.org_id`,
      [to],
    ),
  ]);
  const byReturn = new Map<string, number>();
  for (const [org, n] of grouped(returned)) {
    const key = RETURN_KEYS.find((k) => (sectorsOf.get(org) ?? []).includes(k)) ?? 'NONE';
    byReturn.set(key, (byReturn.get(key) ?? 0) + n);
  }
  const intake = listWithTotal(ROUTES, grouped(intakes), threshold);
  const referred = listWithTotal(['TEAM', 'SECTOR'], grouped(referrals), threshold);
  const back = listWithTotal(RETURN_KEYS, byReturn, threshold);
  const kinds = grouped(decisions);
  const casesAssessed = primary(assessed.cases, threshold);
  const issuesRecorded = primary(assessed.issues, threshold);
  return {
    from: range.from,
    to: range.to,
    threshold,
    intakesByRoute: intake.list,
    referrals: referred.total,
    referralsTo: referred.list,
    casesOpened: intake.total,
    plansApproved: primary(kinds.get('PLAN_APPROVED') ?? 0, threshold),
    decisionsByKind: DECISION_KINDS.map((k) => count(k, primary(kinds.get(k) ?? 0, threshold))),
    participationsStarted: primary(participations.n, threshold),
    hosts: hosts.n,
    outreachContacts: primary(outreach.n, threshold),
    closed: back.total,
    returnedBySector: back.list,
    issuesPerCase: casesAssessed && issuesRecorded !== null ? Math.round((issuesRecorded / casesAssessed) * 100) / 100 : null,
    casesAssessed,
    issuesRecorded,
    caseloadByOrganisation: (caseload as { key: string; n: number }[]).map((r) => count(r.key, primary(r.n, threshold))),
  };
}

/** The figures as CSV (RFC 4180): figure, key, count; a withheld count is empty. */
export function indicatorsCsv(i: CaseIndicators): string {
  const lines: (string | number | null)[][] = [['figure', 'key', 'count']];
  const list = (name: string, counts: Count[]) => counts.forEach((c) => lines.push([name, c.key, c.count]));
  list('intakesByRoute', i.intakesByRoute);
  lines.push(['casesOpened', '', i.casesOpened], ['referrals', '', i.referrals]);
  list('referralsTo', i.referralsTo);
  lines.push(['plansApproved', '', i.plansApproved]);
  list('decisionsByKind', i.decisionsByKind);
  lines.push(
    ['participationsStarted', '', i.participationsStarted],
    ['hosts', '', i.hosts],
    ['outreachContacts', '', i.outreachContacts],
    ['closed', '', i.closed],
  );
  list('returnedBySector', i.returnedBySector);
  lines.push(['casesAssessed', '', i.casesAssessed], ['issuesRecorded', '', i.issuesRecorded], ['issuesPerCase', '', i.issuesPerCase]);
  list('caseloadByOrganisation', i.caseloadByOrganisation);
  return csvText(lines);
}
