// The hub deployed as it would be on several machines: each subgraph, a second shogai replica and two gateway replicas
// as separate processes, each in its own network namespace on its own address, over one PostgreSQL database.
import { SUBGRAPH_NAMES } from '@welfare-hub/schema';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateDemoCity } from '@welfare-hub/citygen';
import { ContextSigner, CONTEXT_HEADER, exportSigningKeys, generateSigningKeys, operationHash, type SigningKeys } from '@welfare-hub/context';
import { loadKaigoVendorDb } from '@welfare-hub/kaigo-sim';
import { startKodomoSimulator, type KodomoSimulator } from '@welfare-hub/kodomo-sim';
import { demoCitySectors, seedDemoRegister } from '@welfare-hub/launcher';
import { createTestDatabase, openStore, type Store, type TestDatabase } from '@welfare-hub/store';
import { HostNetwork, tcpRelay, type Host } from './netns.js';
import { TEST_SECRET } from './hub-under-test.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export type Role = 'gateway' | (typeof SUBGRAPH_NAMES)[number];
/** In port order, as `subgraphEndpoints` numbers them from HUB_SUBGRAPH_PORT_FROM. */
// Every subgraph of the supergraph, each on a host of its own.
const SUBGRAPHS = SUBGRAPH_NAMES;
const PORT_FROM = 4101;
const GATEWAY_PORT = 4000;

/**
 * The one place that knows how a role's process is started. When the launcher's role entry lands this becomes
 * `[join(ROOT, 'launcher/dist/main.js'), '--role', role]`.
 */
export function roleCommand(role: Role): string[] {
  return [join(ROOT, 'launcher/dist/main.js'), '--role', role];
}

export interface RoleProcess {
  role: Role;
  host: Host;
  child: ChildProcess;
  /** Resolves with the exit code (or the signal's name) once the process is gone. */
  exited: Promise<number | string>;
  /** What the process printed, for a failure's report (structured events, no personal data). */
  output(): string;
}

/** Starts a role's process inside its host's namespace, with only the environment given (nothing of the test's). */
export function spawnRole(host: Host, role: Role, env: Record<string, string>): RoleProcess {
  return { role, ...spawnInHost(host, roleCommand(role), env) };
}

function spawnInHost(host: Host, args: string[], env: Record<string, string>): Omit<RoleProcess, 'role'> {
  const child = spawn('ip', ['netns', 'exec', host.netns, process.execPath, ...args], {
    cwd: ROOT,
    env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', APOLLO_TELEMETRY_DISABLED: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer): void => {
    output = (output + chunk.toString('utf8')).slice(-4000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
  return { host, child, exited, output: () => output };
}

async function stopProcess(p: RoleProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (p.child.exitCode !== null || p.child.signalCode !== null) return;
  p.child.kill(signal);
  const timer = setTimeout(() => p.child.kill('SIGKILL'), 5_000);
  await p.exited;
  clearTimeout(timer);
}

async function waitFor<T>(what: string, timeoutMs: number, attempt: () => Promise<T | null>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown = null;
  while (Date.now() < deadline) {
    try {
      const value = await attempt();
      if (value !== null) return value;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}${last instanceof Error ? `: ${last.message}` : ''}`);
}

export interface MultiHostHub {
  /** The fixtures' store (the test's own connection to the hub's database). */
  hub: { store: Store };
  network: HostNetwork;
  /** The database's name on the TEST_DATABASE_URL server (dropped by stop()). */
  databaseName: string;
  keys: SigningKeys;
  hosts: Record<string, Host>;
  /** The two gateway replicas' GraphQL URLs. */
  gatewayA: string;
  gatewayB: string;
  /** The subgraph URLs as the gateways reach them; shogaiB is the second shogai replica (behind gateway B). */
  subgraphUrl(name: (typeof SUBGRAPHS)[number] | 'shogaiB'): string;
  processes: Map<string, RoleProcess>;
  /** Stops a host's process at once (SIGKILL), as a machine that dies. */
  kill(host: string): Promise<void>;
  /** Starts a host's process again, as it was, and waits until it answers. */
  restart(host: string): Promise<void>;
  stop(): Promise<void>;
}

/** The gateway's signed health probe, which a subgraph answers with the state of its sources. */
async function subgraphHealth(signer: ContextSigner, name: string, url: string): Promise<{ sources: Record<string, { state: string }> }> {
  const token = await signer.sign(
    name,
    { viewer: { staffId: 'hub-gateway', orgId: 'hub-gateway', roles: [] }, meetingId: null, requestId: 'multi-host' },
    operationHash('health', {}),
  );
  const response = await fetch(url.replace(/\/graphql$/, '/health'), { headers: { [CONTEXT_HEADER]: token }, signal: AbortSignal.timeout(2_000) });
  if (!response.ok) throw new Error(`${name} health ${response.status}`);
  return (await response.json()) as { sources: Record<string, { state: string }> };
}

/**
 * Makes the hosts, migrates and seeds the database once, then starts juki (and waits for its first read, so that the
 * sectors link against a read registry), the other subgraphs, the second shogai replica and the two gateways.
 * Whatever was made is removed again if a step fails.
 */
export async function startMultiHostHub(options: { residents?: number } = {}): Promise<MultiHostHub> {
  const cleanups: (() => Promise<void> | void)[] = [];
  const processes = new Map<string, RoleProcess>();
  const cleanUp = async (): Promise<void> => {
    await Promise.all([...processes.values()].map((p) => stopProcess(p)));
    for (const step of cleanups.reverse()) await Promise.resolve(step()).catch(() => undefined);
    cleanups.length = 0;
  };
  try {
    const network = HostNetwork.create();
    cleanups.push(() => network.teardown());
    const database: TestDatabase = await createTestDatabase();
    if (!database.url) throw new Error('the multi-host hub needs TEST_DATABASE_URL');
    cleanups.push(() => database.drop());
    const dbUrl = new URL(database.url);
    const relay = await tcpRelay(network.rootAddress, { host: dbUrl.hostname, port: Number(dbUrl.port || 5432) });
    cleanups.push(() => relay.close());
    const viaRelay = new URL(database.url);
    viaRelay.hostname = network.rootAddress;
    viaRelay.port = String(relay.port);
    const databaseUrl = viaRelay.toString();

    const hosts: Record<string, Host> = {};
    for (const name of ['migrate', ...SUBGRAPHS, 'shogaiB', 'gatewayA', 'gatewayB', 'intruder']) hosts[name] = network.addHost(name);

    // The deployment's one-shot migration, from its own host.
    const migration = spawnInHost(hosts['migrate']!, [join(ROOT, 'launcher/dist/migrate.js')], { HUB_DATABASE_URL: databaseUrl });
    const migrated = await migration.exited;
    if (migrated !== 0) throw new Error(`the migration exited with ${migrated}: ${migration.output()}`);

    // The demo city's sources and register, as the launcher prepares them for `npm start`.
    const cityDir = mkdtempSync(join(tmpdir(), 'hub-multihost-'));
    cleanups.push(() => rmSync(cityDir, { recursive: true, force: true }));
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(new Date());
    await generateDemoCity({ dir: cityDir, residents: options.residents ?? 300, seed: 20261122, asOf: today, sectors: demoCitySectors() });
    const store = await openStore({ databaseUrl: database.url, migrate: false, poolSize: 2 });
    cleanups.push(() => store.close());
    await seedDemoRegister(store.dataSource);
    await loadKaigoVendorDb(store.dataSource, join(cityDir, 'kaigo', 'kaigo.json'));
    const kodomoKey = 'multi-host-kodomo-key';
    const kodomoSim: KodomoSimulator = await startKodomoSimulator({
      dataFile: join(cityDir, 'kodomo', 'kodomo.json'),
      apiKey: kodomoKey,
      host: network.rootAddress,
    });
    cleanups.push(() => kodomoSim.close());

    const keys = await generateSigningKeys();
    const { privatePem, publicPem } = await exportSigningKeys(keys);
    const signer = new ContextSigner(keys.privateKey);
    const url = (host: string, name: (typeof SUBGRAPHS)[number]): string =>
      `http://${hosts[host]!.address}:${PORT_FROM + SUBGRAPHS.indexOf(name)}/graphql`;
    const subgraphUrl = (name: (typeof SUBGRAPHS)[number] | 'shogaiB'): string => (name === 'shogaiB' ? url('shogaiB', 'shogai') : url(name, name));
    const sources: Record<string, Record<string, string>> = {
      juki: { HUB_JUKI_DIR: join(cityDir, 'juki') },
      shogai: { HUB_SHOGAI_DIR: join(cityDir, 'shogai') },
      konkyu: { HUB_KONKYU_DIR: join(cityDir, 'konkyu') },
      kodomo: { HUB_KODOMO_URL: kodomoSim.url, HUB_KODOMO_API_KEY: kodomoKey, HUB_KODOMO_POLL_SECONDS: '86400' },
      kaigo: { HUB_KAIGO_DB_URL: databaseUrl, HUB_KAIGO_POLL_SECONDS: '86400' },
      hub: {},
      cases: {},
    };
    const subgraphEnv = (host: Host, name: (typeof SUBGRAPHS)[number]): Record<string, string> => ({
      HUB_LOG: process.env['TEST_MULTIHOST_LOG'] ?? 'silent',
      HUB_DATABASE_URL: databaseUrl,
      HUB_CONTEXT_PUBLIC_KEY: publicPem,
      // Loopback and its own address only: it listens on the address, nowhere else.
      HUB_SUBGRAPH_HOST: host.address,
      HUB_SUBGRAPH_PORT_FROM: String(PORT_FROM),
      // The demo keeps the audit and analytics keys in its data folder: one of the test's own.
      HUB_DATA_DIR: join(cityDir, 'data'),
      ...sources[name],
    });
    const gatewayEnv = (host: Host, shogai: string): Record<string, string> => ({
      HUB_LOG: process.env['TEST_MULTIHOST_LOG'] ?? 'silent',
      HUB_JWT_SECRET: TEST_SECRET,
      HUB_CONTEXT_PRIVATE_KEY: privatePem,
      HUB_HOST: host.address,
      HUB_PORT: String(GATEWAY_PORT),
      HUB_CIRCUIT_COOLDOWN_MS: '500',
      ...Object.fromEntries(SUBGRAPHS.map((name) => [`HUB_SUBGRAPH_URL_${name.toUpperCase()}`, name === 'shogai' ? shogai : subgraphUrl(name)])),
    });
    const launches = new Map<string, () => RoleProcess>();
    const launch = (hostName: string, role: Role, env: Record<string, string>): RoleProcess => {
      const start = (): RoleProcess => {
        const p = spawnRole(hosts[hostName]!, role, env);
        processes.set(hostName, p);
        return p;
      };
      launches.set(hostName, start);
      return start();
    };
    const healthy = (hostName: string, name: (typeof SUBGRAPHS)[number], urlOf: string): Promise<true> =>
      waitFor(`${hostName} to read its sources`, 60_000, async () => {
        const p = processes.get(hostName)!;
        if (p.child.exitCode !== null) throw new Error(`${hostName} exited: ${p.output()}`);
        const report = await subgraphHealth(signer, name, urlOf);
        return Object.values(report.sources).every((s) => s.state === 'ok') ? true : null;
      });

    // The registry first: a sector record read before its resident is registered would wait for the next read.
    launch('juki', 'juki', subgraphEnv(hosts['juki']!, 'juki'));
    await healthy('juki', 'juki', subgraphUrl('juki'));
    const rest = SUBGRAPHS.filter((name) => name !== 'juki');
    for (const name of rest) launch(name, name, subgraphEnv(hosts[name]!, name));
    await Promise.all(rest.map((name) => healthy(name, name, subgraphUrl(name))));
    // The second shogai replica once the first has read the folder (the replicas would otherwise both take it in).
    launch('shogaiB', 'shogai', subgraphEnv(hosts['shogaiB']!, 'shogai'));
    await healthy('shogaiB', 'shogai', subgraphUrl('shogaiB'));
    launch('gatewayA', 'gateway', gatewayEnv(hosts['gatewayA']!, subgraphUrl('shogai')));
    launch('gatewayB', 'gateway', gatewayEnv(hosts['gatewayB']!, subgraphUrl('shogaiB')));
    const gatewayA = `http://${hosts['gatewayA']!.address}:${GATEWAY_PORT}/graphql`;
    const gatewayB = `http://${hosts['gatewayB']!.address}:${GATEWAY_PORT}/graphql`;
    for (const gateway of [gatewayA, gatewayB]) {
      await waitFor(`${gateway} to be ready`, 60_000, async () => ((await fetch(gateway.replace(/\/graphql$/, '/health/ready'))).ok ? true : null));
    }

    return {
      hub: { store },
      network,
      databaseName: dbUrl.pathname.slice(1),
      keys,
      hosts,
      gatewayA,
      gatewayB,
      subgraphUrl,
      processes,
      async kill(hostName) {
        await stopProcess(processes.get(hostName)!, 'SIGKILL');
      },
      async restart(hostName) {
        const name = hostName === 'shogaiB' ? 'shogai' : (hostName as (typeof SUBGRAPHS)[number]);
        launches.get(hostName)!();
        await healthy(hostName, name, subgraphUrl(hostName as (typeof SUBGRAPHS)[number] | 'shogaiB'));
      },
      stop: cleanUp,
    };
  } catch (error) {
    const report = [...processes].map(([name, p]) => `--- ${name}\n${p.output()}`).join('\n');
    await cleanUp();
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${report}`, { cause: error });
  }
}
