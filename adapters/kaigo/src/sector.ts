import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sectorByCode } from '@welfare-hub/sectors';
import { connectIngest, type IngestSettings, type SectorModule } from '@welfare-hub/sector-subgraph';
import { logEvent } from '@welfare-hub/telemetry';
import { kaigoFacts } from './facts.js';
import { KaigoIngest } from './ingest.js';
import { KaigoCopy1763800000700 } from './migration.js';
import { kaigoProfiles, type KaigoProfile } from './store.js';
import { openVendorDb } from './vendor.js';

/** 介護 as the hub serves it: Person.kaigo from the 介護保険 vendor database, on a lawful basis only. */
export const kaigoSector: SectorModule<
  KaigoProfile,
  IngestSettings & { databaseUrl: string | null; sources: { kaigoDbUrl: string | null; kaigoPollSeconds: number } }
> = {
  info: sectorByCode('KAIGO')!,
  sdl: readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8'),
  migrations: [KaigoCopy1763800000700],
  profiles: kaigoProfiles,
  facts: kaigoFacts,
  demo: {
    write: async (city, dir, context) => (await import('./demo-city.js')).writeKaigoDemo(city, dir, context),
    unconfigured: (config) => config.sources.kaigoDbUrl === null,
    // The vendor database's tables, loaded once into the hub's own store. On a server the kaigo process reads them over its
    // own connection; embedded (databaseUrl null) it shares the store.
    async serve(dir, { db, config }) {
      const [{ present }] = await db.query(`SELECT to_regclass('public.t_hihokensha') IS NOT NULL AS present`);
      if (!present) await (await import('@welfare-hub/kaigo-sim')).loadKaigoVendorDb(db, join(dir, 'kaigo.json'));
      return { config: { ...config, sources: { ...config.sources, kaigoDbUrl: config.databaseUrl } }, close: async () => {} };
    },
  },
  async source(deps) {
    const { sources } = deps.config;
    // No vendor database configured: the demo city's vendor tables, loaded into the hub's own store by prepareDemo.
    const vendor = sources.kaigoDbUrl ? await openVendorDb(sources.kaigoDbUrl) : deps.db;
    const ingest = new KaigoIngest({
      vendor,
      db: deps.db,
      pollSeconds: sources.kaigoPollSeconds,
      weights: deps.config.linkageWeights,
      ingest: deps.config.ingest,
    });
    return connectIngest(
      ingest,
      deps,
      () => logEvent('source.read_failed', { subgraph: 'kaigo' }),
      async () => {
        if (vendor !== deps.db) await vendor.destroy();
      },
    );
  },
};
