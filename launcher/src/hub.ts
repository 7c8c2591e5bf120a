import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ContextSigner, generateSigningKeys, type SigningKeys } from '@welfare-hub/context';
import { JukiIngest } from '@welfare-hub/adapter-juki';
import { ShogaiIngest } from '@welfare-hub/adapter-shogai';
import { shogaiSubgraph } from '@welfare-hub/subgraph-shogai';
import { KonkyuIngest } from '@welfare-hub/adapter-konkyu';
import { konkyuSubgraph } from '@welfare-hub/subgraph-konkyu';
import { KodomoIngest } from '@welfare-hub/adapter-kodomo';
import { kodomoSubgraph } from '@welfare-hub/subgraph-kodomo';
import { kodomoSource } from './kodomo-source.js';
import { KaigoIngest } from '@welfare-hub/adapter-kaigo';
import { kaigoSubgraph } from '@welfare-hub/subgraph-kaigo';
import { kaigoSource } from './kaigo-source.js';
import { authConfig, circuitConfig, createAuthenticator, defaultConsoleDir, frontEndConfig, queryLimitsConfig, startGateway } from '@welfare-hub/gateway';
import { Policy } from '@welfare-hub/policy';
import { AuditKeeper, auditKeeperConfig, auditSigningKey } from '@welfare-hub/audit';
import { IndexRefresher, pseudonymKey, storeIndexSources, suppressionThreshold } from '@welfare-hub/analytics';
import { subgraphEndpoints, supergraphSdl, type SubgraphEndpoint } from '@welfare-hub/schema';
import { openStore, type Store } from '@welfare-hub/store';
import { hubSubgraph } from '@welfare-hub/subgraph-hub';
import { jukiSubgraph, todayInTokyo } from '@welfare-hub/subgraph-juki';
import { logEvent, serveSubgraph, type RunningSubgraph, type SubgraphDefinition } from '@welfare-hub/subgraph-host';
import { isDemo, type HubConfig } from './config.js';
import { sourceDirs } from './demo-city.js';
import { allMigrations } from './migrations.js';
import { seedDemoRegister } from './seed.js';

/** Everything but the gateway: store, sources and the six subgraphs. */
export interface RunningSubgraphs {
  store: Store;
  ingest: JukiIngest;
  endpoints: SubgraphEndpoint[];
  subgraphs: RunningSubgraph[];
  /** Resolves when every source has been read once. */
  firstRead: Promise<void>;
  close(): Promise<void>;
}

export interface RunningHub extends RunningSubgraphs {
  url: string;
  readyUrl: string;
}

export interface StartOptions {
  env?: NodeJS.ProcessEnv;
  /** A store opened (and migrated) by the caller, as tests do; otherwise the hub opens its own. */
  store?: Store;
  /** The context-signing pair; a fresh one per start unless given (tests sign their own subgraph calls). */
  keys?: SigningKeys;
  /** The decision module; the benchmark swaps in a grant-all one to measure what policy and audit cost. */
  policy?: Policy;
}

/**
 * The whole hub in one process: store, sources, every subgraph on its own port and the gateway, all over
 * real HTTP. One process is what lets the embedded PGlite (a single session) be shared safely.
 */
export async function startHub(config: HubConfig, options: StartOptions = {}): Promise<RunningHub> {
  const env = options.env ?? process.env;
  const auth = authConfig(env);
  const keys = options.keys ?? (await generateSigningKeys());
  const parts = await startSubgraphs(config, { ...options, keys });
  const gateway = await startGateway({
    host: config.host,
    port: config.port,
    supergraphSdl: supergraphSdl(),
    endpoints: parts.endpoints,
    signer: new ContextSigner(keys.privateKey),
    authenticate: createAuthenticator(auth),
    production: auth.mode === 'production',
    subgraphTimeoutMs: config.subgraphTimeoutMs,
    limits: queryLimitsConfig(env),
    circuit: circuitConfig(env),
    frontEnd: frontEndConfig(env, defaultConsoleDir()),
  });
  return {
    ...parts,
    url: gateway.url,
    readyUrl: gateway.url.replace(/\/graphql$/, '/health/ready'),
    async close() {
      await gateway.close();
      await parts.close();
    },
  };
}

/**
 * The hub without its gateway, for a gateway run as a process of its own (the benchmark does: the gateway then has a
 * core to itself). The subgraphs trust contexts signed by the private half of `keys`.
 */
export async function startSubgraphs(config: HubConfig, options: StartOptions = {}): Promise<RunningSubgraphs> {
  const { env = process.env, store } = options;
  const auth = authConfig(env);
  mkdirSync(config.dataDir, { recursive: true });
  const dirs = await sourceDirs(config, todayInTokyo());
  const db =
    store ??
    (await openStore({
      databaseUrl: config.databaseUrl ?? undefined,
      dataDir: join(config.dataDir, 'pglite'),
      migrations: allMigrations,
    }));
  if (isDemo(config)) await seedDemoRegister(db.dataSource);

  const keys = options.keys ?? (await generateSigningKeys());
  const policy = options.policy ?? new Policy(db.dataSource);
  const keeper = new AuditKeeper(
    db.dataSource,
    auditSigningKey(env, { production: auth.mode === 'production', file: join(config.dataDir, 'audit-signing-key.pem') }),
    auditKeeperConfig(env),
  );
  const ingest = new JukiIngest({ dir: dirs.jukiDir, db: db.dataSource });
  const shogai = new ShogaiIngest({ dir: dirs.shogaiDir, db: db.dataSource });
  const konkyu = new KonkyuIngest({ dir: dirs.konkyuDir, db: db.dataSource });
  const kodomoApi = await kodomoSource(config, dirs.kodomoFile);
  const kaigoDb = await kaigoSource(config, db.dataSource, dirs.kaigoFile);
  const kaigo = new KaigoIngest({ vendor: kaigoDb.vendor, db: db.dataSource });
  const kodomo = new KodomoIngest({ db: db.dataSource, client: { baseUrl: kodomoApi.url, apiKey: kodomoApi.apiKey }, pollSeconds: config.kodomoPollSeconds });
  const indexSources = storeIndexSources(db.dataSource, pseudonymKey(env, { production: auth.mode === 'production', file: join(config.dataDir, 'analytics-key') }), env);
  const analytics = { sources: indexSources, threshold: suppressionThreshold(env) };
  const refresher = new IndexRefresher(indexSources, () => logEvent('analytics.index_failed', {}));
  const endpoints = subgraphEndpoints(env);
  const serve = <C extends object>(definition: SubgraphDefinition<C>): Promise<RunningSubgraph> => {
    const endpoint = endpoints.find((e) => e.name === definition.name);
    if (!endpoint) throw new Error(`no endpoint for subgraph ${definition.name}`);
    return serveSubgraph(definition, { host: endpoint.host, port: endpoint.port, publicKey: keys.publicKey });
  };
  const subgraphs: RunningSubgraph[] = [
    await serve(jukiSubgraph({ ingest, policy })),
    await serve(hubSubgraph({ db: db.dataSource, policy, keeper, analytics })),
    await serve(shogaiSubgraph({ db: db.dataSource, ingest: shogai, policy })),
    await serve(konkyuSubgraph({ db: db.dataSource, ingest: konkyu, policy })),
    await serve(kodomoSubgraph({ db: db.dataSource, ingest: kodomo, policy })),
    await serve(kaigoSubgraph({ db: db.dataSource, ingest: kaigo, policy })),
  ];
  keeper.start((what) => logEvent('audit.keeper_failed', { what }));
  // Sector records link against the registry: juki is read first.
  const firstRead = ingest.scan().then(
    async () => {
      await shogai.scan();
      await konkyu.scan();
      await kodomo.scan();
      await kaigo.scan();
      // The analysts' index: built once every source has been read, then again after any later read that took records in.
      await refresher.refresh();
      for (const source of [ingest, shogai, konkyu, kodomo, kaigo]) source.onRead(() => void refresher.refresh());
      kodomo.watch();
      kaigo.watch();
      await Promise.all([ingest.watch(), shogai.watch(), konkyu.watch()]);
    },
    (error: unknown) => {
      logEvent('source.scan_failed', { error: error instanceof Error ? error.constructor.name : 'unknown' });
    },
  );
  return {
    store: db,
    ingest,
    endpoints,
    subgraphs,
    firstRead,
    async close() {
      for (const subgraph of subgraphs) await subgraph.close();
      await keeper.stop();
      await ingest.close();
      await shogai.close();
      await konkyu.close();
      await kodomo.close();
      await kodomoApi.close();
      await kaigo.close();
      await kaigoDb.close();
      if (!store) await db.close();
    },
  };
}
