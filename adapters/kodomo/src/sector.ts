import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { releasedFacts, releasedProfile } from '@welfare-hub/policy';
import { sectorByCode } from '@welfare-hub/sectors';
import { connectIngest, type IngestSettings, type SectorModule } from '@welfare-hub/sector-subgraph';
import { logEvent } from '@welfare-hub/telemetry';
import { kodomoFacts } from './facts.js';
import { KodomoIngest } from './ingest.js';
import { KodomoRecords1763800000600 } from './migration.js';
import { KodomoYoutaikyo1763800013100 } from './migration-youtaikyo.js';
import { kodomoProfiles, type KodomoProfile } from './store.js';

interface KodomoSettings {
  sources: { kodomoUrl: string | null; kodomoApiKey: string; kodomoPollSeconds: number };
}

/** 子ども as the hub serves it: Person.kodomo from the 子ども家庭支援 system's API, on a lawful basis only. */
export const kodomoSector: SectorModule<KodomoProfile, IngestSettings & KodomoSettings> = {
  info: sectorByCode('KODOMO')!,
  sdl: readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8'),
  migrations: [KodomoRecords1763800000600, KodomoYoutaikyo1763800013100],
  profiles: (db, ids) => kodomoProfiles(db, ids),
  facts: kodomoFacts,
  demo: {
    write: async (city, dir, context) => (await import('./demo-city.js')).writeKodomoDemo(city, dir, context),
    unconfigured: (config) => config.sources.kodomoUrl === null,
    // The system is an API: the simulator serves the city's data (kodomo.json) on a local port, with a key of this start.
    async serve(dir, { config }) {
      const { startKodomoSimulator } = await import('@welfare-hub/kodomo-sim');
      const apiKey = randomBytes(16).toString('hex');
      const sim = await startKodomoSimulator({ dataFile: join(dir, 'kodomo.json'), apiKey });
      return { config: { ...config, sources: { ...config.sources, kodomoUrl: sim.url, kodomoApiKey: apiKey } }, close: () => sim.close() };
    },
  },
  // A 要対協 case leaves the subgraph only on a basis that releases it (the contract's access rule 4, packages/policy).
  release: {
    profile: (profile, decision) => releasedProfile(profile, decision),
    facts: (facts, decision) => releasedFacts(facts, decision),
  },
  async source(deps) {
    const { sources } = deps.config;
    if (sources.kodomoUrl === null) throw new Error('HUB_KODOMO_URL is not configured');
    const client = { baseUrl: sources.kodomoUrl, apiKey: sources.kodomoApiKey };
    const ingest = new KodomoIngest({
      db: deps.db,
      client,
      pollSeconds: sources.kodomoPollSeconds,
      weights: deps.config.linkageWeights,
      ingest: deps.config.ingest,
    });
    return connectIngest(ingest, deps, () => logEvent('source.read_failed', { subgraph: 'kodomo' }));
  },
};
