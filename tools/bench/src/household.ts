// The household view under load: node tools/bench/dist/household.js [--residents N] [--database-url URL] [--connections C] [--seconds S] [--rounds R]
// Starts the hub on a generated city in a child process, opens a 支援会議 over the sampled households so that policy and
// audit run, and drives the household view with autocannon, each phase twice over the same process and data: through
// the gateway with the real policy, with a grant-all one, the single-process ceiling, and Hive Gateway as the peer.
import { fork, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import type { EventEmitter } from 'node:events';
import { SignJWT } from 'jose';
import { cpuSeconds, machineBusySeconds, peakRssMiB, postgresPssMiB, resetPeak, rssMiB } from './household/proc.js';

const { values } = parseArgs({
  options: {
    residents: { type: 'string', default: '100000' },
    'database-url': { type: 'string' },
    connections: { type: 'string', default: '16' },
    seconds: { type: 'string', default: '15' },
    // Each policy's phase this many times, alternating: on a shared machine more rounds average the load of others out.
    rounds: { type: 'string', default: '2' },
    policies: { type: 'string', default: 'real,grant-all,ceiling,hive' },
    profile: { type: 'string' },
    soak: { type: 'string' },
    out: { type: 'string', default: 'bench-results.json' },
  },
});
const CEILING_URL = `http://127.0.0.1:${process.env['BENCH_CEILING_PORT'] || 4499}/`;
const HIVE_URL = `http://127.0.0.1:${process.env['BENCH_HIVE_PORT'] || 4498}/graphql`;
// identity-unaudited: the real policy but identity reads not written to the audit log, as the hub was before issue 13.
type Mode = 'real' | 'grant-all' | 'ceiling' | 'hive' | 'identity-unaudited';
const SECRET = 'bench-secret-that-is-long-enough-for-hs256-0000';
const residents = Number(values.residents);
const nodeArgs = (name: string): string[] => process.env[name]?.split(' ').filter(Boolean) ?? [];
const env = {
  ...process.env,
  HUB_LOG: 'silent',
  HUB_JWT_SECRET: SECRET,
  HUB_PORT: '4400',
  HUB_HOST: '127.0.0.1',
  HUB_SUBGRAPH_PORT_FROM: '4401',
  HUB_DEMO_RESIDENTS: String(residents),
  HUB_DATA_DIR: resolve(`.bench-data/${residents}`),
  HUB_KODOMO_POLL_SECONDS: '86400',
  APOLLO_TELEMETRY_DISABLED: '1',
  ...(values['database-url'] ? { HUB_DATABASE_URL: values['database-url'] } : {}),
};
// BENCH_HUB_NODE_ARGS / BENCH_GATEWAY_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=prof": Node options for one process.
const child = fork(new URL('./household/hub-process.js', import.meta.url), [], { execArgv: nodeArgs('BENCH_HUB_NODE_ARGS'), env });
const next = <T>(proc: ChildProcess, kind: string): Promise<T> =>
  new Promise((ok) =>
    proc.on('message', function on(m: { kind: string }) {
      if (m.kind === kind) {
        proc.off('message', on);
        ok(m as T);
      }
    }),
  );
const started = Date.now();
const { privatePem } = await next<{ privatePem: string }>(child, 'started');
// Our gateway as a deployment runs it: the launcher's entry with --role gateway, in its own process; the peer likewise.
const gatewayEnv = { ...env, HUB_CONTEXT_PRIVATE_KEY: privatePem };
const gateway = fork(fileURLToPath(new URL('./main.js', import.meta.resolve('@welfare-hub/launcher'))), ['--role', 'gateway'], {
  execArgv: nodeArgs('BENCH_GATEWAY_NODE_ARGS'),
  env: gatewayEnv,
});
const hive = fork(new URL('./household/hive-process.js', import.meta.url), [], { env: gatewayEnv });
const url = 'http://127.0.0.1:4400/graphql';
await next(hive, 'ready');
for (let ready = false; !ready; await new Promise((r) => setTimeout(r, 200))) {
  ready = await fetch(url.replace('/graphql', '/health/ready')).then(
    (r) => r.ok,
    () => false,
  );
}
child.send({ kind: 'sample' });
const { households } = await next<{ households: string[] }>(child, 'ready');
const stopAll = (): void => {
  gateway.kill('SIGTERM');
  hive.send({ kind: 'stop' });
  child.send({ kind: 'stop' });
};
console.error(
  `hub ready on a ${residents}-resident city in ${((Date.now() - started) / 1000).toFixed(1)} s; ${households.length} households sampled`,
);

const token = (sub: string, org: string, roles: string[] = []) =>
  new SignJWT({ org, roles })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub)
    .setIssuedAt()
    .setExpirationTime('2h')
    .sign(new TextEncoder().encode(SECRET));
const post = async (auth: string, query: string, variables: object, headers: Record<string, string> = {}, target = url) =>
  (
    await fetch(target, {
      method: 'POST',
      signal: AbortSignal.timeout(30_000),
      headers: { 'content-type': 'application/json', authorization: `Bearer ${auth}`, ...headers },
      body: JSON.stringify({ query, variables }),
    })
  ).json() as Promise<{ data?: any; errors?: unknown[] }>; // eslint-disable-line @typescript-eslint/no-explicit-any -- the bench reads answers by shape;

const hour = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
const opened = await post(
  await token('coord-01', 'JUSOU-SUISHIN', ['coordinator']),
  `mutation ($i: MeetingInput!) { openSupportMeeting(input: $i) { id } }`,
  {
    i: { kind: 'SHIEN_KAIGI', title: 'bench', subjectHouseholdIds: households, memberStaffIds: ['kaigo-01'], opensAt: hour(-1), closesAt: hour(3) },
  },
);
const meetingId: string = opened.data.openSupportMeeting.id;
const viewer = await token('kaigo-01', 'KAIGO-HOKATSU');
const QUERY = `query ($h: ID!) { household(id: $h) { id address members { id name age access { sector status basis reference }
  kaigo { careLevel careLevelValidUntil consultations { id date status } } shogai { certificates { type grade } services consultations { id status } }
  kodomo { cases { id category status youngCarerConcern } } konkyu { consultations { id date status } } } } }`;
const sample = await post(viewer, QUERY, { h: households[0] }, { 'x-hub-meeting': meetingId });
if (sample.errors || !sample.data?.household) throw new Error(`the household view failed: ${JSON.stringify(sample.errors)}`);
// The peer must give the same answer, or the comparison means nothing.
const peerSample = await post(viewer, QUERY, { h: households[0] }, { 'x-hub-meeting': meetingId }, HIVE_URL);
if (JSON.stringify(peerSample) !== JSON.stringify(sample))
  throw new Error(`Hive Gateway answered otherwise: ${JSON.stringify(peerSample).slice(0, 2000)}`);

/**
 * What the hub has sent so far: calls from either gateway to subgraphs (ours from its /metrics, the peer's from its
 * plugin) and SQL statements to the database. Per household view neither may grow with the members.
 */
const counts = async (mode: Mode): Promise<{ subgraphCalls: number; sqlStatements: number }> => {
  child.send({ kind: 'counts' });
  const { sqlStatements } = await next<{ sqlStatements: number }>(child, 'counts');
  if (mode === 'hive') {
    hive.send({ kind: 'counts' });
    return { subgraphCalls: (await next<{ subgraphCalls: number }>(hive, 'counts')).subgraphCalls, sqlStatements };
  }
  const text = await (await fetch(url.replace('/graphql', '/metrics'))).text();
  return { subgraphCalls: [...text.matchAll(/^hub_subgraph_calls_total\{[^}]*\} (\d+)/gm)].reduce((n, m) => n + Number(m[1]), 0), sqlStatements };
};
const per = (n: number, served: number, digits = 100): number => Math.round((n / served) * digits) / digits;
async function phase(name: string, mode: Mode, seconds: number) {
  const target = mode === 'ceiling' ? CEILING_URL : mode === 'hive' ? HIVE_URL : url;
  // The gateway that serves this phase; the ceiling has none.
  const front = mode === 'hive' ? hive.pid! : mode === 'ceiling' ? null : gateway.pid!;
  child.send({ kind: 'mode', mode: mode === 'grant-all' || mode === 'identity-unaudited' ? mode : 'real' });
  await next(child, 'mode');
  let i = 0;
  const counts0 = await counts(mode);
  for (const pid of [child.pid!, front]) if (pid) resetPeak(pid);
  const busy0 = machineBusySeconds();
  const subgraphs0 = cpuSeconds(child.pid!);
  const front0 = front ? cpuSeconds(front) : 0;
  if (values.profile && !name.startsWith('warm-up')) child.send({ kind: 'profile-start' });
  // Without a callback autocannon returns its tracker (an EventEmitter) made thenable; its types know only the promise.
  const run = autocannon({
    url: target,
    connections: Number(values.connections),
    duration: seconds,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${viewer}`, 'x-hub-meeting': meetingId },
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => ({
          ...req,
          body:
            mode === 'ceiling'
              ? JSON.stringify({ h: households[i++ % households.length], meetingId })
              : JSON.stringify({ query: QUERY, variables: { h: households[i++ % households.length] } }),
        }),
      },
    ],
  }) as unknown as Promise<autocannon.Result> & EventEmitter;
  // Every response's time, for percentiles autocannon does not give (p95) and to the tenth of a millisecond.
  const times: number[] = [];
  run.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => void times.push(ms));
  const result = await run;
  times.sort((a, b) => a - b);
  const at = (q: number): number => Math.round((times[Math.min(times.length - 1, Math.ceil((q / 100) * times.length) - 1)] ?? 0) * 10) / 10;
  if (values.profile && !name.startsWith('warm-up')) {
    child.send({ kind: 'profile-stop', file: resolve(values.profile, `${name}.cpuprofile`) });
    await next(child, 'profiled');
  }
  const served = result.requests.total || 1;
  const ms = (seconds: number): number => Math.round(((seconds * 1000) / served) * 10) / 10;
  const cpuMsPerRequest = {
    machine: ms(machineBusySeconds() - busy0),
    subgraphs: ms(cpuSeconds(child.pid!) - subgraphs0),
    gateway: front ? ms(cpuSeconds(front) - front0) : null,
  };
  const counts1 = await counts(mode);
  const row = {
    phase: name,
    policy: mode,
    requestsPerSecond: result.requests.average,
    // The ceiling makes no subgraph calls; its SQL statements are counted all the same.
    subgraphCallsPerRequest: mode === 'ceiling' ? 0 : per(counts1.subgraphCalls - counts0.subgraphCalls, served),
    sqlStatementsPerRequest: per(counts1.sqlStatements - counts0.sqlStatements, served, 10),
    cpuMsPerRequest,
    p50: at(50),
    p95: at(95),
    p99: at(99),
    p99OverP50: Math.round((at(99) / Math.max(0.1, at(50))) * 100) / 100,
    errors: result.errors + result.non2xx,
    peakRssMiB: {
      subgraphs: peakRssMiB(child.pid!),
      gateway: front ? peakRssMiB(front) : null,
      loadGenerator: Math.round(process.resourceUsage().maxRSS / 1024),
      postgresPss: postgresPssMiB(),
    },
  };
  console.error(JSON.stringify(row));
  return row;
}
// Each gateway is a fresh process: both are warmed (JIT, plan caches, connections) before anything is measured.
await phase('warm-up', 'real', 10);
if (values.policies!.includes('hive') && !values.soak) await phase('warm-up-hive', 'hive', 10);
if (values.soak) {
  // --soak MINUTES: the real policy for that long in 30-second steps, each process's resident memory after each.
  const samples: { minute: number; subgraphsRssMiB: number; gatewayRssMiB: number; requestsPerSecond: number }[] = [];
  const steps = Math.max(1, Math.round(Number(values.soak) * 2));
  for (let k = 1; k <= steps; k++) {
    const row = await phase(`soak-${k}`, 'real', 30);
    samples.push({
      minute: k / 2,
      subgraphsRssMiB: rssMiB(child.pid!),
      gatewayRssMiB: rssMiB(gateway.pid!),
      requestsPerSecond: row.requestsPerSecond,
    });
  }
  // Least squares over the second half, and the median of each half: one sample caught in a source's periodic read
  // (kaigo's vendor database every 10 minutes) must not read as a leak, nor hide one.
  const half = samples.slice(Math.floor(samples.length / 2));
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const describe = (key: 'subgraphsRssMiB' | 'gatewayRssMiB') => {
    const xs = half.map((x) => x.minute);
    const ys = half.map((x) => x[key]);
    const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
    const my = ys.reduce((a, b) => a + b, 0) / ys.length;
    const den = xs.reduce((a, x) => a + (x - mx) ** 2, 0);
    const slope = den ? xs.reduce((a, x, i) => a + (x - mx) * (ys[i]! - my), 0) / den : 0;
    return {
      firstHalfMedianRssMiB: median(samples.slice(0, samples.length - half.length).map((x) => x[key])),
      secondHalfMedianRssMiB: median(ys),
      maxRssMiB: Math.max(...samples.map((x) => x[key])),
      secondHalfSlopeMiBPerMinute: Number(slope.toFixed(2)),
    };
  };
  const summary = { soakMinutes: Number(values.soak), subgraphs: describe('subgraphsRssMiB'), gateway: describe('gatewayRssMiB') };
  writeFileSync(values.out!, JSON.stringify({ residents, ...summary, samples }, null, 2));
  console.log(JSON.stringify(summary));
  stopAll();
  process.exit(0);
}
const rows: Awaited<ReturnType<typeof phase>>[] = [];
const policies = values.policies!.split(',') as Mode[];
for (let round = 0; round < Number(values.rounds); round++) {
  for (const mode of policies) rows.push(await phase(`${mode}-${round + 1}`, mode, Number(values.seconds)));
}
const mean = (mode: string) =>
  rows.filter((r) => r.policy === mode).reduce((s, r) => s + r.requestsPerSecond, 0) / Math.max(1, rows.filter((r) => r.policy === mode).length);
const ratio = (a: string, b: string): number | null => (mean(a) && mean(b) ? Number((mean(a) / mean(b)).toFixed(3)) : null);
const realRows = rows.filter((r) => r.policy === 'real');
const summary = {
  realRps: mean('real'),
  grantAllRps: mean('grant-all'),
  ceilingRps: mean('ceiling'),
  hiveRps: mean('hive'),
  realOverGrantAll: ratio('real', 'grant-all'),
  realOverCeiling: ratio('real', 'ceiling'),
  realOverHive: ratio('real', 'hive'),
  identityUnauditedRps: mean('identity-unaudited'),
  realOverIdentityUnaudited: ratio('real', 'identity-unaudited'),
  realP99OverP50: Math.max(...realRows.map((r) => r.p99OverP50)),
  realSubgraphCallsPerRequest: Math.max(...realRows.map((r) => r.subgraphCallsPerRequest)),
  realSqlStatementsPerRequest: realRows[0]?.sqlStatementsPerRequest ?? null,
};
// The goals, so that a run says at once whether it met them.
const goals = {
  realOverCeilingAtLeast0_3: (summary.realOverCeiling ?? 0) >= 0.3,
  realOverHiveAtLeast1_2: (summary.realOverHive ?? 0) >= 1.2,
  p99AtMost4xP50: summary.realP99OverP50 <= 4,
  // Issue 13: auditing identity reads costs the household view at most 10 % (measured only with identity-unaudited phases).
  identityAuditLossAtMost10pct: summary.realOverIdentityUnaudited === null ? null : summary.realOverIdentityUnaudited >= 0.9,
};
writeFileSync(
  values.out!,
  JSON.stringify({ residents, connections: Number(values.connections), households: households.length, ...summary, goals, rows }, null, 2),
);
console.log(JSON.stringify({ ...summary, goals }));
stopAll();
