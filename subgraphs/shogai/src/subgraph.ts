import { todayInTokyo } from '@welfare-hub/codec';
import type { DataSource } from 'typeorm';
import { shogaiProfiles, type ShogaiIngest, type ShogaiProfile, shogaiFacts } from '@welfare-hub/adapter-shogai';
import type { Policy } from '@welfare-hub/policy';
import { sectorSubgraph, type SectorContext } from '@welfare-hub/sector-subgraph';
import type { SourceHealth, SubgraphDefinition } from '@welfare-hub/subgraph-host';

/** 障害 as a subgraph: Person.shogai from the 障害者福祉システム's exports, on a lawful basis only. */
export function shogaiSubgraph(deps: { db: DataSource; ingest: ShogaiIngest; policy: Policy }): SubgraphDefinition<SectorContext<ShogaiProfile>> {
  return sectorSubgraph<ShogaiProfile>({
    name: 'shogai',
    sector: 'SHOGAI',
    field: 'shogai',
    policy: deps.policy,
    db: deps.db,
    loadProfiles: (ids) => shogaiProfiles(deps.db, ids, todayInTokyo()),
    loadFacts: (ids) => shogaiFacts(deps.db, ids),
    sources: async (): Promise<Record<string, SourceHealth>> => ({ shogai: await deps.ingest.health() }),
  });
}
