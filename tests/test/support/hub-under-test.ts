import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SignJWT } from 'jose';
import type { DataSource } from 'typeorm';
import { exportSigningKeys, generateSigningKeys, type SigningKeys } from '@welfare-hub/context';
import { ALL_ROLES, composeHub, loadConfig, whenReady, type ComposedHub } from '@welfare-hub/launcher';
import { subgraphEndpoints, type SubgraphEndpoint, type SubgraphName } from '@welfare-hub/schema';
import { createTestDatabase, openStore, type Store, type TestDatabase } from '@welfare-hub/store';
import { portBlock } from './ports.js';
import { useMigratedTemplate } from './store-template.js';

export const TEST_SECRET = 'e2e-secret-that-is-long-enough-for-hs256-000';
const MAIN = fileURLToPath(new URL('../../../launcher/dist/main.js', import.meta.url));

/**
 * Every end-to-end test runs in both topologies a city can run (jest.config.cjs sets TEST_HUB_TOPOLOGY per project):
 * - embedded: the whole hub in the test's process on the embedded PGlite, as `npm start` on a fresh machine;
 * - multiprocess: `node launcher/dist/main.js` with HUB_DATABASE_URL, one process per part over a PostgreSQL database
 *   of the test's own, as a city deploys it. It needs TEST_DATABASE_URL; without it the project is not run.
 * Tests see the hub only through HTTP, and its store through `t.db` (in the second topology a connection of the
 * test's own to the same database).
 */
export type Topology = 'embedded' | 'multiprocess';
export const TOPOLOGY: Topology = process.env['TEST_HUB_TOPOLOGY'] === 'multiprocess' ? 'multiprocess' : 'embedded';

export interface HubUnderTest {
  topology: Topology;
  /** The gateway's /graphql, and its readiness. */
  url: string;
  readyUrl: string;
  /** Where each subgraph listens (tests call them directly to show they refuse what the gateway did not sign). */
  endpoints: SubgraphEndpoint[];
  /** The hub's store, for a test's fixtures and its checks of what was written. */
  db: DataSource;
  keys: SigningKeys;
  env: NodeJS.ProcessEnv;
  dataDir: string;
  /** Stops the hub cleanly and starts it again on the same store and data folder. */
  restart(): Promise<void>;
  /** kill -9 of every process of the hub (multi-process), then a start: what a power cut and a reboot do. */
  crashAndRestart(): Promise<void>;
  /** A subgraph stops answering (embedded: its server closes; multi-process: its process is stopped, SIGSTOP). */
  suspendPart(name: SubgraphName): Promise<void>;
  stop(): Promise<void>;
}

/** A port block per hub, so that files run side by side (two jest workers) and beside a developer's own `npm start`. */
function ports(): { gateway: number; subgraphFrom: number } {
  const base = portBlock();
  return { gateway: base, subgraphFrom: base + 1 };
}

/**
 * Starts the real hub on a juki folder (or the demo city), waits until /health/ready says it is settled, and returns
 * a handle. The environment is the test's on top of a small demo city.
 */
export async function startHubUnderTest(jukiDir: string | null, extraEnv: NodeJS.ProcessEnv = {}): Promise<HubUnderTest> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hub-e2e-'));
  const { gateway, subgraphFrom } = ports();
  const env: NodeJS.ProcessEnv = {
    HUB_JWT_SECRET: TEST_SECRET,
    HUB_PORT: String(gateway),
    HUB_HOST: '127.0.0.1',
    HUB_SUBGRAPH_PORT_FROM: String(subgraphFrom),
    HUB_DATA_DIR: dataDir,
    HUB_DEMO_RESIDENTS: '300',
    HUB_LOG: 'silent',
    // The demo's year of case work (consents, meetings) is left out unless a test asks for it: most tests count on a hub
    // whose only consents and meetings are their own.
    HUB_DEMO_CASE_HISTORY: 'false',
    ...(jukiDir ? { HUB_JUKI_DIR: jukiDir } : {}),
    ...extraEnv,
  };
  const keys = await generateSigningKeys();
  const hub = TOPOLOGY === 'multiprocess' ? await MultiProcessHub.start(env, keys) : await EmbeddedHub.start(env, keys);
  const handle: HubUnderTest = {
    topology: TOPOLOGY,
    url: `http://127.0.0.1:${gateway}/graphql`,
    readyUrl: `http://127.0.0.1:${gateway}/health/ready`,
    endpoints: subgraphEndpoints({ host: '127.0.0.1', portFrom: subgraphFrom, urls: {} }),
    get db() {
      return hub.db;
    },
    keys,
    env,
    dataDir,
    restart: () => hub.restart(),
    crashAndRestart: () => hub.crashAndRestart(),
    suspendPart: (name) => hub.suspendPart(name),
    async stop() {
      await hub.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return handle;
}

interface RunningHub {
  readonly db: DataSource;
  restart(): Promise<void>;
  crashAndRestart(): Promise<void>;
  suspendPart(name: SubgraphName): Promise<void>;
  stop(): Promise<void>;
}

/** The whole hub in this process, through the same composition root as `npm start`. */
class EmbeddedHub implements RunningHub {
  private constructor(
    private hub: ComposedHub,
    private readonly env: NodeJS.ProcessEnv,
    private readonly keys: SigningKeys,
  ) {}

  static async start(env: NodeJS.ProcessEnv, keys: SigningKeys): Promise<EmbeddedHub> {
    return new EmbeddedHub(await EmbeddedHub.compose(env, keys), env, keys);
  }

  private static async compose(env: NodeJS.ProcessEnv, keys: SigningKeys): Promise<ComposedHub> {
    await useMigratedTemplate(env['HUB_DATA_DIR']!);
    const hub = await composeHub(loadConfig(env, 'embedded'), ALL_ROLES, { keys });
    await whenReady(hub.readyUrl!);
    return hub;
  }

  get db(): DataSource {
    return this.hub.store!.dataSource;
  }

  async restart(): Promise<void> {
    await this.hub.close();
    this.hub = await EmbeddedHub.compose(this.env, this.keys);
  }

  crashAndRestart(): Promise<void> {
    // One process holds the embedded hub, and it is the test's: a clean restart is the closest this topology has.
    return this.restart();
  }

  async suspendPart(name: SubgraphName): Promise<void> {
    await this.hub.subgraphs.find((s) => s.name === name)!.close();
  }

  stop(): Promise<void> {
    return this.hub.close();
  }
}

/** `node launcher/dist/main.js` over a PostgreSQL database of the test's own: one process per part. */
class MultiProcessHub implements RunningHub {
  private child: ChildProcess | null = null;
  private output = '';

  private constructor(
    private readonly env: NodeJS.ProcessEnv,
    private readonly database: TestDatabase,
    private readonly store: Store,
  ) {}

  static async start(env: NodeJS.ProcessEnv, keys: SigningKeys): Promise<MultiProcessHub> {
    const database = await createTestDatabase();
    if (!database.url) throw new Error('the multi-process topology needs TEST_DATABASE_URL');
    const { privatePem, publicPem } = await exportSigningKeys(keys);
    const full = { ...env, HUB_DATABASE_URL: database.url, HUB_CONTEXT_PRIVATE_KEY: privatePem, HUB_CONTEXT_PUBLIC_KEY: publicPem };
    const hub = new MultiProcessHub(full, database, null as unknown as Store);
    await hub.launch();
    // The test's own connection, opened once the launcher has migrated the database.
    const store = await openStore({ databaseUrl: database.url, migrate: false, poolSize: 2 });
    return Object.assign(hub, { store }) as MultiProcessHub;
  }

  get db(): DataSource {
    return this.store.dataSource;
  }

  private async launch(): Promise<void> {
    this.output = '';
    const child = spawn(process.execPath, [MAIN], {
      env: { PATH: process.env['PATH'], ...this.env },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const keep = (chunk: Buffer): void => {
      this.output = (this.output + chunk.toString('utf8')).slice(-20_000);
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    const exited = new Promise<never>((_, reject) =>
      child.once('exit', (code) => reject(new Error(`the hub exited (${code}) before it was ready:\n${this.output}`))),
    );
    const gave = new AbortController();
    const timeout = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`the hub was not ready within 120 s:\n${this.output}`)), 120_000).unref(),
    );
    try {
      await Promise.race([whenReady(`http://127.0.0.1:${this.env['HUB_PORT']}/health/ready`, gave.signal), exited, timeout]);
    } catch (error) {
      // A hub that never became ready takes every process it started with it: none is left holding the ports.
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
      throw error;
    } finally {
      gave.abort();
    }
    exited.catch(() => undefined);
  }

  private signal(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      child.once('exit', () => resolve());
      // The whole process group: the launcher and every part, as a power cut or a service manager would; a part
      // stopped by suspendPart is woken first so that it can take the signal.
      process.kill(-child.pid!, 'SIGCONT');
      process.kill(-child.pid!, signal);
    });
  }

  async suspendPart(name: SubgraphName): Promise<void> {
    const listing = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(this.child!.pid)], { encoding: 'utf8' });
    const line = listing.split('\n').find((l) => l.trimEnd().endsWith(`--role ${name}`));
    if (!line) throw new Error(`no ${name} process under the launcher`);
    process.kill(Number(line.trim().split(/\s+/)[0]), 'SIGSTOP');
  }

  async restart(): Promise<void> {
    await this.signal('SIGTERM');
    await this.launch();
  }

  async crashAndRestart(): Promise<void> {
    await this.signal('SIGKILL');
    await this.launch();
  }

  async stop(): Promise<void> {
    await this.signal('SIGTERM');
    await this.store?.close();
    await this.database.drop();
  }
}

export async function token(
  claims: { sub: string; org: string; roles?: string[] },
  options: { secret?: string; expiresIn?: string } = {},
): Promise<string> {
  return new SignJWT({ org: claims.org, roles: claims.roles ?? [] })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.sub)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '10m')
    .sign(new TextEncoder().encode(options.secret ?? TEST_SECRET));
}

export interface GraphQLAnswer<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string; field?: string; sector?: string } }[];
}

export async function graphql<T = Record<string, unknown>>(
  url: string,
  query: string,
  options: { token?: string; variables?: Record<string, unknown>; headers?: Record<string, string> } = {},
): Promise<GraphQLAnswer<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body: JSON.stringify({ query, variables: options.variables ?? {} }),
  });
  const text = await response.text();
  const body = text ? (JSON.parse(text) as Omit<GraphQLAnswer<T>, 'status'>) : {};
  return { status: response.status, ...body };
}
