import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { JukiIngest } from '@welfare-hub/adapter-juki';
import { KaigoIngest, openVendorDb } from '@welfare-hub/adapter-kaigo';
import { KodomoIngest } from '@welfare-hub/adapter-kodomo';
import { KonkyuIngest } from '@welfare-hub/adapter-konkyu';
import { ShogaiIngest } from '@welfare-hub/adapter-shogai';
import { IndexRefresher, indexProvenance, pseudonymKey, storeIndexSources, type SourceSnapshot } from '@welfare-hub/analytics';
import { AuditKeeper, auditSigningKey } from '@welfare-hub/audit';
import type { SourceGenerations, SourceIngest } from '@welfare-hub/ingest';
import type { Policy } from '@welfare-hub/policy';
import type { SubgraphName } from '@welfare-hub/schema';
import type { SubgraphDefinition } from '@welfare-hub/subgraph-host';
import { logEvent } from '@welfare-hub/telemetry';
import { hubSubgraph } from '@welfare-hub/subgraph-hub';
import { jukiSubgraph } from '@welfare-hub/subgraph-juki';
import { kaigoSubgraph } from '@welfare-hub/subgraph-kaigo';
import { kodomoSubgraph } from '@welfare-hub/subgraph-kodomo';
import { konkyuSubgraph } from '@welfare-hub/subgraph-konkyu';
import { shogaiSubgraph } from '@welfare-hub/subgraph-shogai';
import { casesSubgraph } from '@welfare-hub/subgraph-cases';
import type { HubConfig } from '../config/index.js';

/** One subgraph with what it runs beside serving: its source (read once, then kept fresh) or its keepers. */
export interface SubgraphPart {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each subgraph has its own context type
  definition: SubgraphDefinition<any>;
  start(): Promise<void>;
  close(): Promise<void>;
}

export interface PartDeps {
  config: HubConfig;
  db: DataSource;
  policy: Policy;
  generations: SourceGenerations;
}

/** A source's ingest, told of the other processes' reads and (for a sector) following the registry. */
async function connected<T extends SourceIngest<unknown>>(deps: PartDeps, ingest: T, followRegistry: boolean): Promise<T> {
  await ingest.connect(deps.generations, { followRegistry, catchUpSeconds: deps.config.eventsCatchUpSeconds });
  return ingest;
}

/** The source's first read, then watching or polling it; a failure is the source's state, reported by its health. */
function reading(ingest: { scan(): Promise<unknown>; watch(): unknown }, name: SubgraphName): () => Promise<void> {
  return async () => {
    await ingest.scan().catch(() => logEvent('source.read_failed', { subgraph: name }));
    await ingest.watch();
  };
}

/** The demo city's sources are set by prepareDemo; in production loadConfig has refused a hub without them. */
const required = <T>(value: T | null, name: string): T => {
  if (value === null) throw new Error(`${name} is not configured`);
  return value;
};

export const PART_BUILDERS: Record<SubgraphName, (deps: PartDeps) => Promise<SubgraphPart>> = {
  async juki(deps) {
    const ingest = await connected(deps, new JukiIngest({ dir: required(deps.config.sources.jukiDir, 'HUB_JUKI_DIR'), db: deps.db, ingest: deps.config.ingest }), false);
    return { definition: jukiSubgraph({ ingest, policy: deps.policy }), start: reading(ingest, 'juki'), close: () => ingest.close() };
  },

  async hub(deps) {
    const { config, db, generations } = deps;
    const production = config.mode === 'production';
    // The demo keeps its audit and analytics keys in the data folder (production is given them).
    if (!production) mkdirSync(config.dataDir, { recursive: true });
    // The demo's witness is a file in its data folder: no protection from whoever owns that folder, but the same path.
    const audit = { ...config.audit, witnessFile: config.audit.witnessFile ?? join(config.dataDir, 'audit-witness.jsonl') };
    const keeper = new AuditKeeper(db, auditSigningKey(config.audit.signingKeyPem, { production, file: join(config.dataDir, 'audit-signing-key.pem') }), audit);
    const snapshot = async (): Promise<SourceSnapshot> =>
      Object.fromEntries([...(await generations.read())].map(([source, g]) => [source, { generation: g.generation, readAt: g.lastSuccessAt?.toISOString() ?? null }]));
    const key = pseudonymKey(config.analytics.key, { production, file: join(config.dataDir, 'analytics-key') });
    const analytics = { sources: storeIndexSources(db, key, config.situations, snapshot), threshold: config.analytics.threshold };
    const refresher = new IndexRefresher(analytics.sources, () => logEvent('analytics.index_failed', {}));
    let watch: { close(): Promise<void> } | null = null;
    let timer: NodeJS.Timeout | null = null;
    const definition = hubSubgraph({ db, policy: deps.policy, keeper, analytics, consentOwnAge: config.consentOwnAge });
    return {
      definition: {
        ...definition,
        // Readiness waits for an index built from the settled reads (gateway/src/health.ts).
        index: async () => {
          const built = await indexProvenance(db);
          return { builtAt: built.indexBuiltAt?.toISOString() ?? null, sources: built.sources };
        },
      },
      async start() {
        keeper.start((what) => logEvent('audit.keeper_failed', { what }));
        // Every source read that changed something, in whatever process, rebuilds the index; the timer moves the
        // reference day (ages) when nothing else happens.
        watch = await generations.watch(() => refresher.refresh(), config.eventsCatchUpSeconds);
        timer = setInterval(() => void refresher.refresh(), config.analytics.refreshSeconds * 1000);
        timer.unref();
      },
      async close() {
        if (timer) clearInterval(timer);
        await watch?.close();
        await refresher.idle();
        await keeper.stop();
      },
    };
  },

  async shogai(deps) {
    const ingest = await connected(deps, new ShogaiIngest({ dir: required(deps.config.sources.shogaiDir, 'HUB_SHOGAI_DIR'), db: deps.db, weights: deps.config.linkageWeights, ingest: deps.config.ingest }), true);
    return { definition: shogaiSubgraph({ db: deps.db, ingest, policy: deps.policy }), start: reading(ingest, 'shogai'), close: () => ingest.close() };
  },

  async konkyu(deps) {
    const ingest = await connected(deps, new KonkyuIngest({ dir: required(deps.config.sources.konkyuDir, 'HUB_KONKYU_DIR'), db: deps.db, weights: deps.config.linkageWeights, ingest: deps.config.ingest }), true);
    return { definition: konkyuSubgraph({ db: deps.db, ingest, policy: deps.policy }), start: reading(ingest, 'konkyu'), close: () => ingest.close() };
  },

  async kodomo(deps) {
    const { sources } = deps.config;
    const client = { baseUrl: required(sources.kodomoUrl, 'HUB_KODOMO_URL'), apiKey: sources.kodomoApiKey };
    const ingest = await connected(deps, new KodomoIngest({ db: deps.db, client, pollSeconds: sources.kodomoPollSeconds, weights: deps.config.linkageWeights, ingest: deps.config.ingest }), true);
    return { definition: kodomoSubgraph({ db: deps.db, ingest, policy: deps.policy }), start: reading(ingest, 'kodomo'), close: () => ingest.close() };
  },

  async cases(deps) {
    const { config } = deps;
    const definition = casesSubgraph({ db: deps.db, policy: deps.policy, threshold: config.analytics.threshold, issues: config.cases.issues, fundingRule: config.cases.fundingRule });
    return { definition, start: async () => {}, close: async () => {} };
  },

  async kaigo(deps) {
    const { sources } = deps.config;
    // No vendor database configured: the demo city's vendor tables, loaded into the hub's own store by prepareDemo.
    const vendor = sources.kaigoDbUrl ? await openVendorDb(sources.kaigoDbUrl) : deps.db;
    const ingest = await connected(deps, new KaigoIngest({ vendor, db: deps.db, pollSeconds: sources.kaigoPollSeconds, weights: deps.config.linkageWeights, ingest: deps.config.ingest }), true);
    return {
      definition: kaigoSubgraph({ db: deps.db, ingest, policy: deps.policy }),
      start: reading(ingest, 'kaigo'),
      async close() {
        await ingest.close();
        if (vendor !== deps.db) await vendor.destroy();
      },
    };
  },
};
