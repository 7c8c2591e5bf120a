import { todayInTokyo } from '@welfare-hub/codec';
import type { DataSource } from 'typeorm';
import { kaigoProfiles, type KaigoIngest, type KaigoProfile, kaigoFacts } from '@welfare-hub/adapter-kaigo';
import type { Policy } from '@welfare-hub/policy';
import { sectorSubgraph, type SectorContext } from '@welfare-hub/sector-subgraph';
import type { SourceHealth, SubgraphDefinition } from '@welfare-hub/subgraph-host';

/** 介護 as a subgraph: Person.kaigo from the 介護保険 vendor database, on a lawful basis only. */
export function kaigoSubgraph(deps: { db: DataSource; ingest: KaigoIngest; policy: Policy }): SubgraphDefinition<SectorContext<KaigoProfile>> {
  return sectorSubgraph<KaigoProfile>({
    name: 'kaigo',
    sector: 'KAIGO',
    field: 'kaigo',
    policy: deps.policy,
    db: deps.db,
    loadProfiles: (ids) => kaigoProfiles(deps.db, ids, todayInTokyo()),
    loadFacts: (ids) => kaigoFacts(deps.db, ids),
    sources: async (): Promise<Record<string, SourceHealth>> => ({ kaigo: await deps.ingest.health() }),
  });
}
