import { readFileSync } from 'node:fs';
import { sectorByCode } from '@welfare-hub/sectors';
import { connectIngest, type IngestSettings, type SectorModule } from '@welfare-hub/sector-subgraph';
import { logEvent } from '@welfare-hub/telemetry';
import { ShogaiIngest } from './ingest/index.js';
import { shogaiFacts } from './store/facts.js';
import { shogaiMigrations, shogaiProfiles, type ShogaiProfile } from './store/index.js';

/** 障害 as the hub serves it: Person.shogai from the 障害者福祉システム's exports, on a lawful basis only. */
export const shogaiSector: SectorModule<ShogaiProfile, IngestSettings & { sources: { shogaiDir: string | null } }> = {
  info: sectorByCode('SHOGAI')!,
  sdl: readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8'),
  migrations: shogaiMigrations,
  profiles: shogaiProfiles,
  facts: shogaiFacts,
  demo: {
    write: async (city, dir, context) => (await import('./demo-city.js')).writeShogaiDemo(city, dir, context),
    unconfigured: (config) => config.sources.shogaiDir === null,
    // The exports are files: the ingest reads the city's folder as it would the system's export folder.
    serve: async (dir, { config }) => ({ config: { ...config, sources: { ...config.sources, shogaiDir: dir } }, close: async () => {} }),
  },
  async source(deps) {
    const dir = deps.config.sources.shogaiDir;
    if (dir === null) throw new Error('HUB_SHOGAI_DIR is not configured');
    const ingest = new ShogaiIngest({ dir, db: deps.db, weights: deps.config.linkageWeights, ingest: deps.config.ingest });
    return connectIngest(ingest, deps, () => logEvent('source.read_failed', { subgraph: 'shogai' }));
  },
};
