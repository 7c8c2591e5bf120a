import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { JukiIngest, RELATIONSHIPS } from '@welfare-hub/adapter-juki';
import { IndexRefresher, indexProvenance, pseudonymKey, storeIndexSources, type SourceSnapshot } from '@welfare-hub/analytics';
import { AuditKeeper, auditSigningKey } from '@welfare-hub/audit';
import type { SourceGenerations, SourceIngest } from '@welfare-hub/ingest';
import { moduleSubgraph } from '@welfare-hub/sector-subgraph';
import type { Policy } from '@welfare-hub/policy';
import type { SubgraphName } from '@welfare-hub/schema';
import type { SubgraphDefinition } from '@welfare-hub/subgraph-host';
import { logEvent } from '@welfare-hub/telemetry';
import { hubSubgraph } from '@welfare-hub/subgraph-hub';
import { jukiSubgraph } from '@welfare-hub/subgraph-juki';
import { casesSubgraph } from '@welfare-hub/subgraph-cases';
import type { HubConfig } from '../config/index.js';
import { sectorFacts, type HubSectorModule } from '../sectors.js';

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
  /** Every registered sector's module (launcher/src/sectors.ts and any the composition root was given). */
  sectors: readonly HubSectorModule[];
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

/** The subgraphs that are not a sector's: each builds its own part. */
export const PART_BUILDERS: Record<'juki' | 'hub' | 'cases', (deps: PartDeps) => Promise<SubgraphPart>> = {
  async juki(deps) {
    const ingest = await connected(
      deps,
      new JukiIngest({ dir: required(deps.config.sources.jukiDir, 'HUB_JUKI_DIR'), db: deps.db, ingest: deps.config.ingest }),
      false,
    );
    return { definition: jukiSubgraph({ ingest, policy: deps.policy }), start: reading(ingest, 'juki'), close: () => ingest.close() };
  },

  async hub(deps) {
    const { config, db, generations } = deps;
    const production = config.mode === 'production';
    // The demo keeps its audit and analytics keys in the data folder (production is given them).
    if (!production) mkdirSync(config.dataDir, { recursive: true });
    // The demo's witness is a file in its data folder: no protection from whoever owns that folder, but the same path.
    const audit = { ...config.audit, witnessFile: config.audit.witnessFile ?? join(config.dataDir, 'audit-witness.jsonl') };
    const keeper = new AuditKeeper(
      db,
      auditSigningKey(config.audit.signingKeyPem, { production, file: join(config.dataDir, 'audit-signing-key.pem') }),
      audit,
    );
    const snapshot = async (): Promise<SourceSnapshot> =>
      Object.fromEntries(
        [...(await generations.read())].map(([source, g]) => [source, { generation: g.generation, readAt: g.lastSuccessAt?.toISOString() ?? null }]),
      );
    const key = pseudonymKey(config.analytics.key, { production, file: join(config.dataDir, 'analytics-key') });
    // Each sector's facts through its module: analytics imports no sector.
    const facts = sectorFacts(deps.sectors);
    const analytics = {
      sources: storeIndexSources(db, key, config.situations, snapshot, facts, RELATIONSHIPS),
      threshold: config.analytics.threshold,
    };
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

  async cases(deps) {
    const { config } = deps;
    const definition = casesSubgraph({
      db: deps.db,
      policy: deps.policy,
      threshold: config.analytics.threshold,
      issues: config.cases.issues,
      fundingRule: config.cases.fundingRule,
    });
    return { definition, start: async () => {}, close: async () => {} };
  },
};

/**
 * A sector's part, whatever the sector: its source (read once, then kept fresh) and the one descriptor-driven sector
 * subgraph (packages/sector-subgraph) over its module.
 */
export async function sectorPart(module: HubSectorModule, deps: PartDeps): Promise<SubgraphPart> {
  const source = await module.source({
    db: deps.db,
    config: deps.config,
    generations: deps.generations,
    catchUpSeconds: deps.config.eventsCatchUpSeconds,
  });
  return {
    definition: moduleSubgraph(module, { db: deps.db, policy: deps.policy, source }),
    start: () => source.start(),
    close: () => source.close(),
  };
}

/** The part of the named subgraph. */
export function buildPart(name: SubgraphName, deps: PartDeps): Promise<SubgraphPart> {
  const module = deps.sectors.find((m) => m.info.subgraph === name);
  if (module) return sectorPart(module, deps);
  const build = PART_BUILDERS[name as keyof typeof PART_BUILDERS];
  if (!build) throw new Error(`no part for subgraph ${name}`);
  return build(deps);
}
