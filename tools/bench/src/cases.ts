// Case work's figures on a city: node tools/bench/dist/cases.js --database-url URL (a store a demo hub has prepared: a city
// read in and its year of case work loaded, as `npm run bench` leaves it). Serves the cases subgraph alone over HTTP, signs
// each call as the gateway does, and times caseIndicators over the last year and activityReport for each of its months.
import { parseArgs } from 'node:util';
import { randomUUID } from 'node:crypto';
import { ContextSigner, CONTEXT_HEADER, generateSigningKeys, operationHash } from '@welfare-hub/context';
import { Policy } from '@welfare-hub/policy';
import { allMigrations } from '@welfare-hub/launcher';
import { casesSubgraph, DEFAULT_FUNDING_RULE, DEFAULT_ISSUES } from '@welfare-hub/subgraph-cases';
import { serveSubgraph } from '@welfare-hub/subgraph-host';
import { configureLog } from '@welfare-hub/telemetry';
import { todayInTokyo } from '@welfare-hub/codec';
import { openStore } from '@welfare-hub/store';

const { values } = parseArgs({
  options: { 'database-url': { type: 'string' }, runs: { type: 'string', default: '5' }, port: { type: 'string', default: '4497' } },
});
if (!values['database-url']) throw new Error('--database-url URL is required');
configureLog('silent');
const store = await openStore({ databaseUrl: values['database-url'], migrations: allMigrations });
const keys = await generateSigningKeys();
const running = await serveSubgraph(
  casesSubgraph({
    db: store.dataSource,
    policy: new Policy(store.dataSource),
    threshold: 10,
    issues: new Map(Object.entries(DEFAULT_ISSUES)),
    fundingRule: DEFAULT_FUNDING_RULE,
  }),
  { host: '127.0.0.1', port: Number(values.port), publicKey: keys.publicKey },
);
const signer = new ContextSigner(keys.privateKey);
const analyst = { staffId: 'analyst-01', orgId: 'KIKAKU', roles: ['analyst' as const] };

async function timed(query: string, variables: Record<string, unknown>): Promise<{ ms: number; bytes: number }> {
  const started = process.hrtime.bigint();
  const header = await signer.sign('cases', { viewer: analyst, meetingId: null, requestId: randomUUID() }, operationHash(query, variables));
  const response = await fetch(running.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [CONTEXT_HEADER]: header },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  if (!response.ok || text.includes('"errors"')) throw new Error(text.slice(0, 300));
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, bytes: text.length };
}
const summary = (ms: number[]) => ({
  medianMs: Number([...ms].sort((a, b) => a - b)[Math.floor(ms.length / 2)]!.toFixed(1)),
  maxMs: Number(Math.max(...ms).toFixed(1)),
});

const today = todayInTokyo();
const yearAgo = new Date(Date.parse(`${today}T00:00:00Z`) - 364 * 86_400_000).toISOString().slice(0, 10);
const [{ cases, contacts, residents }] = await store.dataSource.query(
  `SELECT (SELECT count(*)::int FROM cases.case_file) AS cases, (SELECT count(*)::int FROM cases.contact) AS contacts,
     (SELECT count(*)::int FROM juki.person WHERE resident_status = 1) AS residents`,
);
const indicatorsQuery = `query ($f: Date!, $t: Date!) { caseIndicators(from: $f, to: $t) { intakesByRoute { key count } referrals referralsTo { key count } casesOpened
  plansApproved decisionsByKind { key count } participationsStarted hosts outreachContacts closed returnedBySector { key count } issuesPerCase
  caseloadByOrganisation { key count } csv } }`;
const reportQuery = `query ($m: String!) { activityReport(month: $m) { rows { fundingSector activity count } totals { activity count } csv xlsx } }`;
const runs = Number(values.runs);
const indicators: number[] = [];
for (let i = 0; i < runs; i++) indicators.push((await timed(indicatorsQuery, { f: yearAgo, t: today })).ms);
const months = Array.from({ length: 12 }, (_, k) => {
  const d = new Date(Date.parse(`${today.slice(0, 7)}-01T00:00:00Z`));
  d.setUTCMonth(d.getUTCMonth() - k);
  return d.toISOString().slice(0, 7);
});
const reports: number[] = [];
for (let i = 0; i < runs; i++) for (const m of months) reports.push((await timed(reportQuery, { m })).ms);
const year: number[] = [];
for (let i = 0; i < runs; i++) {
  const started = process.hrtime.bigint();
  for (const m of months) await timed(reportQuery, { m });
  year.push(Number(process.hrtime.bigint() - started) / 1e6);
}
console.log(
  JSON.stringify({
    residents,
    cases,
    contacts,
    caseIndicatorsYear: summary(indicators),
    activityReportMonth: summary(reports),
    activityReportAllTwelveMonths: summary(year),
  }),
);
await running.close();
await store.close();
