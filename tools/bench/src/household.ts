// The household view under load: node tools/bench/dist/household.js [--residents N] [--database-url URL] [--connections C] [--seconds S]
// Starts the hub on a generated city in a child process, opens a 支援会議 over the sampled households so that policy and
// audit run, and drives the household view through the gateway with autocannon: the real policy and a grant-all one,
// alternated in one run (real, grant-all, real, grant-all) over the same process and data.
import { fork } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { SignJWT } from 'jose';

const { values } = parseArgs({
  options: {
    residents: { type: 'string', default: '100000' },
    'database-url': { type: 'string' },
    connections: { type: 'string', default: '16' },
    seconds: { type: 'string', default: '15' },
    policies: { type: 'string', default: 'real,grant-all,ceiling' },
    profile: { type: 'string' },
    soak: { type: 'string' },
    out: { type: 'string', default: 'bench-results.json' },
  },
});
const CEILING_URL = `http://127.0.0.1:${process.env['BENCH_CEILING_PORT'] || 4499}/`;
const SECRET = 'bench-secret-that-is-long-enough-for-hs256-0000';
const residents = Number(values.residents);
const child = fork(new URL('./household/hub-process.js', import.meta.url), [], {
  // BENCH_HUB_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=prof": Node options for the hub's process only.
  execArgv: process.env['BENCH_HUB_NODE_ARGS']?.split(' ').filter(Boolean) ?? [],
  env: {
    ...process.env, HUB_LOG: 'silent', HUB_JWT_SECRET: SECRET, HUB_PORT: '4400', HUB_HOST: '127.0.0.1', HUB_SUBGRAPH_PORT_FROM: '4401',
    HUB_DEMO_RESIDENTS: String(residents), HUB_DATA_DIR: resolve(`.bench-data/${residents}`), HUB_KODOMO_POLL_SECONDS: '86400',
    ...(values['database-url'] ? { HUB_DATABASE_URL: values['database-url'] } : {}),
  },
});
const next = <T>(kind: string): Promise<T> => new Promise((ok) => child.on('message', function on(m: { kind: string }) { if (m.kind === kind) { child.off('message', on); ok(m as T); } }));
const started = Date.now();
const { url, households } = await next<{ url: string; households: string[] }>('ready');
console.error(`hub ready on a ${residents}-resident city in ${((Date.now() - started) / 1000).toFixed(1)} s; ${households.length} households sampled`);

const token = (sub: string, org: string, roles: string[] = []) =>
  new SignJWT({ org, roles }).setProtectedHeader({ alg: 'HS256' }).setSubject(sub).setIssuedAt().setExpirationTime('2h').sign(new TextEncoder().encode(SECRET));
const post = async (auth: string, query: string, variables: object, headers: Record<string, string> = {}) =>
  (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${auth}`, ...headers }, body: JSON.stringify({ query, variables }) })).json() as Promise<{ data?: any; errors?: unknown[] }>;

const hour = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
const opened = await post(await token('coord-01', 'JUSOU-SUISHIN', ['coordinator']), `mutation ($i: MeetingInput!) { openSupportMeeting(input: $i) { id } }`, {
  i: { kind: 'SHIEN_KAIGI', title: 'bench', subjectHouseholdIds: households, memberStaffIds: ['kaigo-01'], opensAt: hour(-1), closesAt: hour(3) },
});
const meetingId: string = opened.data.openSupportMeeting.id;
const viewer = await token('kaigo-01', 'KAIGO-HOKATSU');
const QUERY = `query ($h: ID!) { household(id: $h) { id address members { id name age access { sector status basis reference }
  kaigo { careLevel careLevelValidUntil consultations { id date status } } shogai { certificates { type grade } services consultations { id status } }
  kodomo { cases { id category status youngCarerConcern } } konkyu { consultations { id date status } } } } }`;
const sample = await post(viewer, QUERY, { h: households[0] }, { 'x-hub-meeting': meetingId });
if (sample.errors || !sample.data?.household) throw new Error(`the household view failed: ${JSON.stringify(sample.errors)}`);

/** Busy CPU seconds of the whole machine (every core, every process: hub, PostgreSQL, load generator) from /proc/stat. */
const machineBusy = (): number => {
  const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).map(Number);
  const idle = ticks[3]! + ticks[4]!;
  return (ticks.reduce((a, b) => a + b, 0) - idle) / 100;
};
const hubCpu = (): number => {
  const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
};
/** Calls from the gateway to subgraphs so far, from its /metrics: per household view it must not grow with the members. */
const subgraphCallCount = async (): Promise<number> => {
  const text = await (await fetch(url.replace('/graphql', '/metrics'))).text();
  return [...text.matchAll(/^hub_subgraph_calls_total\{[^}]*\} (\d+)/gm)].reduce((n, m) => n + Number(m[1]), 0);
};
const peakRss = (): number => Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))![1]) / 1024;
async function phase(name: string, mode: 'real' | 'grant-all' | 'ceiling', seconds: number) {
  const target = mode === 'ceiling' ? CEILING_URL : url;
  child.send({ kind: 'mode', mode: mode === 'ceiling' ? 'real' : mode });
  await next('mode');
  let i = 0;
  const calls0 = await subgraphCallCount();
  const busy0 = machineBusy();
  const hub0 = hubCpu();
  if (values.profile && name !== 'warm-up') child.send({ kind: 'profile-start' });
  const result = await autocannon({
    url: target, connections: Number(values.connections), duration: seconds,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${viewer}`, 'x-hub-meeting': meetingId },
    requests: [{ method: 'POST', setupRequest: (req) => ({ ...req, body: mode === 'ceiling'
      ? JSON.stringify({ h: households[i++ % households.length], meetingId })
      : JSON.stringify({ query: QUERY, variables: { h: households[i++ % households.length] } }) }) }],
  });
  if (values.profile && name !== 'warm-up') {
    child.send({ kind: 'profile-stop', file: resolve(values.profile, `${name}.cpuprofile`) });
    await next('profiled');
  }
  const served = result.requests.total || 1;
  const cpuMsPerRequest = { machine: Math.round(((machineBusy() - busy0) * 1000) / served * 10) / 10, hub: Math.round(((hubCpu() - hub0) * 1000) / served * 10) / 10 };
  const subgraphCallsPerRequest = Math.round(((await subgraphCallCount()) - calls0) / served * 100) / 100;
  const row = { phase: name, policy: mode, requestsPerSecond: result.requests.average, subgraphCallsPerRequest, cpuMsPerRequest, p50: result.latency.p50, p97_5: result.latency.p97_5, p99: result.latency.p99, errors: result.errors + result.non2xx, peakRssMiB: Math.round(peakRss()) };
  console.error(JSON.stringify(row));
  return row;
}
await phase('warm-up', 'real', 5);
if (values.soak) {
  // --soak MINUTES: the real policy for that long in 30-second steps, the hub's resident memory after each.
  const rss = (): number => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))![1]) / 1024;
  const samples: { minute: number; rssMiB: number; requestsPerSecond: number }[] = [];
  const steps = Math.max(1, Math.round(Number(values.soak) * 2));
  for (let k = 1; k <= steps; k++) {
    const row = await phase(`soak-${k}`, 'real', 30);
    samples.push({ minute: k / 2, rssMiB: Math.round(rss()), requestsPerSecond: row.requestsPerSecond });
  }
  const half = samples.slice(Math.floor(samples.length / 2));
  const slope = half.length > 1 ? (half.at(-1)!.rssMiB - half[0]!.rssMiB) / (half.at(-1)!.minute - half[0]!.minute) : 0;
  writeFileSync(values.out!, JSON.stringify({ residents, soakMinutes: Number(values.soak), samples, secondHalfSlopeMiBPerMinute: slope }, null, 2));
  console.log(JSON.stringify({ soakMinutes: Number(values.soak), firstRssMiB: samples[0]!.rssMiB, lastRssMiB: samples.at(-1)!.rssMiB, maxRssMiB: Math.max(...samples.map((x) => x.rssMiB)), secondHalfSlopeMiBPerMinute: Number(slope.toFixed(2)) }));
  child.send({ kind: 'stop' });
  process.exit(0);
}
const rows: Awaited<ReturnType<typeof phase>>[] = [];
const policies = values.policies!.split(',') as ('real' | 'grant-all' | 'ceiling')[];
for (let round = 0; round < 2; round++) {
  for (const mode of policies) rows.push(await phase(`${mode}-${round + 1}`, mode, Number(values.seconds)));
}
const mean = (mode: string) => rows.filter((r) => r.policy === mode).reduce((s, r) => s + r.requestsPerSecond, 0) / Math.max(1, rows.filter((r) => r.policy === mode).length);
const summary = { residents, connections: Number(values.connections), households: households.length, realRps: mean('real'), grantAllRps: mean('grant-all'), ceilingRps: mean('ceiling'), ratio: mean('real') / mean('grant-all'), ofCeiling: mean('real') / mean('ceiling'), rows };
writeFileSync(values.out!, JSON.stringify(summary, null, 2));
console.log(JSON.stringify({ realRps: summary.realRps, grantAllRps: summary.grantAllRps, ceilingRps: summary.ceilingRps, realOverGrantAll: Number(summary.ratio.toFixed(3)), realOverCeiling: Number(summary.ofCeiling.toFixed(3)) }));
child.send({ kind: 'stop' });
