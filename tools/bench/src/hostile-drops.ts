// Issue 14's measurement: a running embedded hub on the demo city, the 150 MB 概要 drop and the zip-bomb drop, with
// the hub's resident memory sampled and GET /health/live polled every 100 ms throughout.
//   node tools/bench/dist/hostile-drops.js [--residents 10000] [--field-mb 150] [--bomb-mb 450] [--port 4950]
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateRawSync } from 'node:zlib';

const args = process.argv.slice(2);
const arg = (name: string, fallback: number): number => {
  const at = args.indexOf(`--${name}`);
  return at === -1 ? fallback : Number(args[at + 1]);
};
const residents = arg('residents', 10_000);
const fieldMb = arg('field-mb', 150);
const bombMb = arg('bomb-mb', 450);
const port = arg('port', 4950);
const MAIN = fileURLToPath(new URL('../../../launcher/dist/main.js', import.meta.url));
const base = `http://127.0.0.1:${port}`;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

const dataDir = mkdtempSync(join(tmpdir(), 'hostile-drops-'));
const hub = spawn(process.execPath, [MAIN], {
  env: {
    ...process.env,
    HUB_DATA_DIR: dataDir,
    HUB_PORT: String(port),
    HUB_HOST: '127.0.0.1',
    HUB_SUBGRAPH_PORT_FROM: String(port + 1),
    HUB_DEMO_RESIDENTS: String(residents),
    HUB_LOG: 'silent',
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});

function rssMiB(): number {
  const status = readFileSync(`/proc/${hub.pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

interface Health {
  ready: boolean;
  sources: Record<string, { state: string; problems?: string[] }>;
}
async function health(): Promise<{ status: number; body: Health } | null> {
  try {
    const response = await fetch(`${base}/health/ready`, { signal: AbortSignal.timeout(10_000) });
    return { status: response.status, body: (await response.json()) as Health };
  } catch {
    return null;
  }
}

/** Samples memory and liveness every 100 ms until stopped: the longest liveness answer, probes past 1 s, peak RSS. */
function monitor(): { stop(): Promise<{ peakRssMiB: number; maxLiveMs: number; probes: number; over1s: number }> } {
  let peak = rssMiB();
  let maxLive = 0;
  let probes = 0;
  let over = 0;
  const pending: Promise<void>[] = [];
  const timer = setInterval(() => {
    peak = Math.max(peak, rssMiB());
    const started = performance.now();
    probes++;
    pending.push(
      fetch(`${base}/health/live`, { signal: AbortSignal.timeout(30_000) })
        .then((r) => r.arrayBuffer())
        .catch(() => undefined)
        .then(() => {
          const ms = performance.now() - started;
          maxLive = Math.max(maxLive, ms);
          if (ms > 1000) over++;
        }),
    );
  }, 100);
  return {
    async stop() {
      clearInterval(timer);
      await Promise.all(pending);
      return { peakRssMiB: Math.round(peak), maxLiveMs: Math.round(maxLive), probes, over1s: over };
    },
  };
}

/** Drops a file (written in 8 MiB steps, as a copy onto the share would) and waits until the source reports it. */
async function attempt(label: string, source: string, path: string, write: () => Promise<void>): Promise<void> {
  await sleep(3_000);
  const baseline = rssMiB();
  const watch = monitor();
  const started = Date.now();
  await write();
  const name = path.split('/').at(-1)!;
  let problem: string;
  for (;;) {
    const h = await health();
    problem = h?.body.sources[source]?.problems?.find((p) => p.includes(name)) ?? '';
    if (problem || Date.now() - started > 300_000) break;
    await sleep(200);
  }
  const reportedAfterMs = Date.now() - started;
  await sleep(2_000);
  const measured = await watch.stop();
  const after = await health();
  console.log(
    JSON.stringify({
      attempt: label,
      residents,
      baselineRssMiB: Math.round(baseline),
      ...measured,
      rssGrowthMiB: Math.round(measured.peakRssMiB - baseline),
      reportedAfterMs,
      readyStatus: after?.status,
      sourceState: after?.body.sources[source]?.state,
      problem,
    }),
  );
}

async function writeInSteps(path: string, parts: Iterable<Buffer>): Promise<void> {
  const out = createWriteStream(path);
  for (const part of parts) if (!out.write(part)) await new Promise<void>((r) => out.once('drain', () => r()));
  await new Promise<void>((resolve, reject) => {
    out.once('error', reject);
    out.end(() => resolve());
  });
}

/** The export's own header line, then one 相談 record whose 概要 is `mb` MiB of あ (82 A0 in CP932), in 8 MiB steps. */
function* hugeSodan(headerLine: Buffer, mb: number): Iterable<Buffer> {
  yield headerLine;
  yield Buffer.concat([Buffer.from('9000001,,,,R6.4.1,', 'ascii'), Buffer.from([0x8f, 0x41, 0x98, 0x4a]), Buffer.from(',"', 'ascii')]); // 就労
  const step = Buffer.alloc(8 * 1024 * 1024);
  for (let i = 0; i < step.length; i += 2) {
    step[i] = 0x82;
    step[i + 1] = 0xa0;
  }
  for (let left = mb * 1024 * 1024; left > 0; left -= step.length) yield left >= step.length ? step : step.subarray(0, left);
  yield Buffer.concat([
    Buffer.from('",', 'ascii'),
    Buffer.from([0x8e, 0x96, 0x8b, 0xc6, 0x8f, 0x8a]),
    Buffer.from(',', 'ascii'),
    Buffer.from([0x91, 0xce, 0x89, 0x9e, 0x92, 0x86]),
    Buffer.from('\r\n', 'ascii'),
  ]); // 事業所, 対応中
}

// A minimal xlsx whose sheet is `mb` MB of blanks, deflated: about a thousand to one.
function bomb(mb: number): Buffer {
  const sheetHead = Buffer.from(
    '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
  );
  const content = Buffer.concat([sheetHead, Buffer.alloc(mb * 1024 * 1024, 0x20), Buffer.from('</sheetData></worksheet>')]);
  const data = deflateRawSync(content, { level: 9 });
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(content.length, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(content.length, 24);
  central.writeUInt16LE(name.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(local.length + name.length + data.length, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}

try {
  const startedAt = Date.now();
  for (;;) {
    if (hub.exitCode !== null) throw new Error('the hub stopped');
    if ((await health())?.status === 200) break;
    await sleep(1_000);
  }
  console.log(JSON.stringify({ ready: true, residents, afterMs: Date.now() - startedAt, rssMiB: Math.round(rssMiB()) }));

  const shogaiDir = join(dataDir, 'demo-city', 'shogai');
  const sodan = readFileSync(
    join(
      shogaiDir,
      readdirSync(shogaiDir).find((n) => n.startsWith('SHOGAI_SODAN_'))!,
    ),
  );
  const sodanPath = join(shogaiDir, 'SHOGAI_SODAN_20991231.csv');
  await attempt(`SHOGAI_SODAN with one ${fieldMb} MB 概要`, 'shogai', sodanPath, () =>
    writeInSteps(sodanPath, hugeSodan(sodan.subarray(0, sodan.indexOf('\r\n') + 2), fieldMb)),
  );

  const xlsx = bomb(bombMb);
  const konkyuPath = join(dataDir, 'demo-city', 'konkyu', 'KONKYU_DAICHO_20991231.xlsx');
  await attempt(`a ${Math.round(xlsx.length / 1024)} KB .xlsx whose sheet inflates to ${bombMb} MB`, 'konkyu', konkyuPath, async () =>
    writeFileSync(konkyuPath, xlsx),
  );
} finally {
  hub.kill('SIGINT');
  await new Promise((r) => hub.once('exit', r));
  rmSync(dataDir, { recursive: true, force: true });
}
