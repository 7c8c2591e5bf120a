import { readFileSync } from 'node:fs';
import { sectorByCode } from '@welfare-hub/sectors';
import { connectIngest, type IngestSettings, type SectorModule } from '@welfare-hub/sector-subgraph';
import { logEvent } from '@welfare-hub/telemetry';
import { konkyuFacts } from './facts.js';
import { KonkyuIngest } from './ingest.js';
import { KonkyuLedger1763800000500 } from './migration.js';
import { konkyuProfiles } from './store.js';

type KonkyuProfile = Awaited<ReturnType<typeof konkyuProfiles>> extends Map<string, infer P> ? P : never;

/** 困窮 as the hub serves it: Person.konkyu from the 自立相談支援機関's ledger, on a lawful basis only. */
export const konkyuSector: SectorModule<KonkyuProfile, IngestSettings & { sources: { konkyuDir: string | null } }> = {
  info: sectorByCode('KONKYU')!,
  sdl: readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8'),
  migrations: [KonkyuLedger1763800000500],
  profiles: (db, ids) => konkyuProfiles(db, ids),
  facts: konkyuFacts,
  demo: {
    write: async (city, dir, context) => (await import('./demo-city.js')).writeKonkyuDemo(city, dir, context),
    unconfigured: (config) => config.sources.konkyuDir === null,
    // The ledger is a workbook in a folder, as the 社協 shares it.
    serve: async (dir, { config }) => ({ config: { ...config, sources: { ...config.sources, konkyuDir: dir } }, close: async () => {} }),
  },
  async source(deps) {
    const dir = deps.config.sources.konkyuDir;
    // The demo city's sources are set by prepareDemo; in production loadConfig has refused a hub without them.
    if (dir === null) throw new Error('HUB_KONKYU_DIR is not configured');
    const ingest = new KonkyuIngest({ dir, db: deps.db, weights: deps.config.linkageWeights, ingest: deps.config.ingest });
    return connectIngest(ingest, deps, () => logEvent('source.read_failed', { subgraph: 'konkyu' }));
  },
};
