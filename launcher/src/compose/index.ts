import { join } from 'node:path';
import { ContextSigner, generateSigningKeys, importPrivateKey, importPublicKey, replayGuardFor, type SigningKeys } from '@welfare-hub/context';
import type { RunningGateway } from '@welfare-hub/gateway';
import { SourceGenerations } from '@welfare-hub/ingest';
import { collectProcessMetrics } from '@welfare-hub/metrics';
import { Policy } from '@welfare-hub/policy';
import { SUBGRAPH_NAMES, subgraphEndpoints, subgraphNames, supergraphSdl, type SubgraphEndpoint } from '@welfare-hub/schema';
import { openStore, type Store } from '@welfare-hub/store';
import { serveSubgraph, type RunningSubgraph } from '@welfare-hub/subgraph-host';
import { configureLog, logEvent } from '@welfare-hub/telemetry';
import { ConfigError, type HubConfig, type Role } from '../config/index.js';
import { allMigrations } from '../migrations.js';
import { allRoles, loadSectorModules, namedByForm, SECTOR_MODULES, sectorModules, type HubSectorModule } from '../sectors.js';
import type { SubgraphPart } from './parts.js';

/** How many sectors are built in (SECTOR_MODULES): those after them were given to this process. */
const SECTOR_COUNT = SECTOR_MODULES.length;

/**
 * The built-in parts: each subgraph in port order, then the gateway, as registered when this module loads (a sector
 * given later, by HUB_SECTOR_MODULES or composeHub's options, is served with them: see `whole` below).
 */
export const ALL_ROLES: readonly Role[] = allRoles();

export interface ComposeOptions {
  /** A store opened (and migrated) by the caller, as the benchmark does; otherwise the hub opens its own. */
  store?: Store;
  /** The context-signing pair; from the configuration, else a fresh one per start (tests sign their own calls). */
  keys?: SigningKeys;
  /** The decision module; the benchmark swaps in a grant-all one to measure what policy and audit cost. */
  policy?: Policy;
  /**
   * Sectors beyond the built-in ones (launcher/src/sectors.ts), registered for this process before anything is built:
   * a module defined elsewhere (tests/test/extra-sector.e2e.test.ts) is served like the four. Its subgraph is served
   * when `roles` names it.
   */
  sectors?: readonly HubSectorModule[];
}

/** The parts of the hub one process runs, started. */
export interface ComposedHub {
  config: HubConfig;
  /** Null for a gateway run alone, which reads no table. */
  store: Store | null;
  endpoints: SubgraphEndpoint[];
  /** The subgraphs this process serves. */
  subgraphs: RunningSubgraph[];
  /** The gateway's /graphql, when this process runs it. */
  url: string | null;
  readyUrl: string | null;
  /** The sources served by the demo city. */
  demoSources: string[];
  close(): Promise<void>;
}

/**
 * The one composition root: builds and starts the given parts of the hub from one configuration, the same way in
 * every topology — the whole hub in one process (`npm start` without a server, the tests' embedded hub), one part per
 * process (`--role`, what the multi-process launcher, compose and Kubernetes run), and the benchmark's subgraphs
 * without their gateway. Parts find each other only over HTTP and the store's events, never in memory, so the
 * topologies cannot drift.
 */
export async function composeHub(given: HubConfig, roles: readonly Role[], options: ComposeOptions = {}): Promise<ComposedHub> {
  configureLog(given.log);
  const sectors = sectorModules([...(options.sectors ?? []), ...(await loadSectorModules(given.sectorModules))]);
  const unknown = namedByForm(given, sectors);
  if (unknown.length > 0) throw new ConfigError(unknown);
  collectProcessMetrics(given.scope);
  // A gateway alone reads no table: it gets no store (two gateway replicas on one host would otherwise race to create
  // the same embedded database in the working directory).
  const gatewayOnly = given.scope !== 'embedded' && roles.every((role) => role === 'gateway');
  const store =
    options.store ??
    (gatewayOnly
      ? null
      : await openStore({
          databaseUrl: given.databaseUrl ?? undefined,
          dataDir: join(given.dataDir, 'pglite'),
          migrations: [...allMigrations, ...sectors.slice(SECTOR_COUNT).flatMap((m) => m.migrations)],
          // One part of a deployment runs against a store migrated by the launcher or the migration job.
          migrate: given.scope === 'embedded',
        }));
  const demo =
    given.scope === 'embedded' && store
      ? await (await import('./demo.js')).prepareDemo(given, store.dataSource, sectors)
      : { config: given, served: [], close: async () => {} };
  const config = demo.config;
  const endpoints = subgraphEndpoints(config.subgraphs);
  const keys = await signingKeys(config, options.keys);
  const parts: SubgraphPart[] = [];
  const serving: RunningSubgraph[] = [];
  if (store) {
    const deps = {
      config,
      db: store.dataSource,
      policy: options.policy ?? new Policy(store.dataSource),
      generations: new SourceGenerations(store.dataSource, store.events),
      sectors,
    };
    // A signature is used once across every replica of a subgraph: the store remembers (in memory when embedded).
    const replays = replayGuardFor(store);
    // Loaded only where a subgraph runs: a gateway process does not load the subgraphs' packages, nor they the gateway's.
    const { buildPart } = await import('./parts.js');
    // The whole hub (every built-in part) serves every registered sector too.
    const whole = SUBGRAPH_NAMES.every((n) => roles.includes(n));
    for (const name of subgraphNames().filter((n) => roles.includes(n) || (whole && !(SUBGRAPH_NAMES as readonly string[]).includes(n)))) {
      const part = await buildPart(name, deps);
      const endpoint = endpoints.find((e) => e.name === name)!;
      parts.push(part);
      serving.push(await serveSubgraph(part.definition, { host: endpoint.host, port: endpoint.port, publicKey: keys.publicKey!, replays }));
    }
  }
  let gateway: RunningGateway | null = null;
  if (roles.includes('gateway')) {
    const { createAuthenticator, startGateway } = await import('@welfare-hub/gateway');
    gateway = await startGateway({
      host: config.host,
      port: config.port,
      // Composed from the registry's subgraphs: the sector lines of the hub's SDL are the registered sectors'.
      // The built-in sectors' composition is committed (schema/supergraph.graphql, kept equal to what the registry
      // composes by launcher/test/supergraph.test.ts); only a hub given more sectors composes at start (about 1.5 s).
      supergraphSdl:
        sectors.length === SECTOR_COUNT ? supergraphSdl() : (await (await import('./supergraph.js')).registrySupergraph(sectors)).supergraphSdl,
      endpoints,
      signer: new ContextSigner(keys.privateKey!),
      authenticate: createAuthenticator(config.auth),
      production: config.mode === 'production',
      subgraphTimeoutMs: config.gateway.subgraphTimeoutMs,
      limits: config.gateway.limits,
      circuit: config.gateway.circuit,
      maxSubgraphResponseBytes: config.gateway.maxSubgraphResponseBytes,
      frontEnd: config.gateway.frontEnd,
    });
  }
  // Every part starts reading at once: the registry's first read links whatever a sector read before it (the sectors
  // follow its generation), so no order is needed, and none is assumed in any topology.
  for (const [i, part] of parts.entries()) {
    part.start().catch(() => logEvent('part.start_failed', { subgraph: serving[i]!.name }));
  }
  return {
    config,
    store,
    endpoints,
    subgraphs: serving,
    url: gateway?.url ?? null,
    readyUrl: gateway ? gateway.url.replace(/\/graphql$/, '/health/ready') : null,
    demoSources: demo.served,
    async close() {
      await gateway?.close();
      for (const running of serving) await running.close();
      for (const part of parts) await part.close();
      await demo.close();
      if (!options.store) await store?.close();
    },
  };
}

/** The gateway signs with the private half, the subgraphs trust the public half: each process gets what it needs. */
async function signingKeys(config: HubConfig, given: SigningKeys | undefined): Promise<Partial<SigningKeys>> {
  if (given) return given;
  const { privatePem, publicPem } = config.contextKeys;
  if (privatePem || publicPem) {
    return {
      ...(privatePem ? { privateKey: await importPrivateKey(privatePem) } : {}),
      ...(publicPem ? { publicKey: await importPublicKey(publicPem) } : {}),
    };
  }
  if (config.scope !== 'embedded') throw new Error("a part run on its own needs the gateway's context keys");
  return generateSigningKeys();
}
