import type { DataSource } from 'typeorm';
import { kodomoProfiles, type ChildCase, type KodomoIngest, kodomoFacts } from '@welfare-hub/adapter-kodomo';
import type { Policy } from '@welfare-hub/policy';
import { sectorSubgraph, type SectorContext } from '@welfare-hub/sector-subgraph';
import type { SourceHealth, SubgraphDefinition } from '@welfare-hub/subgraph-host';

type KodomoProfile = { cases: ChildCase[] };

/** 子ども as a subgraph: Person.kodomo from the こども家庭センター system, on a lawful basis only. */
export function kodomoSubgraph(deps: { db: DataSource; ingest: KodomoIngest; policy: Policy }): SubgraphDefinition<SectorContext<KodomoProfile>> {
  return sectorSubgraph<KodomoProfile>({
    name: 'kodomo',
    sector: 'KODOMO',
    field: 'kodomo',
    policy: deps.policy,
    db: deps.db,
    loadProfiles: (ids) => kodomoProfiles(deps.db, ids),
    loadFacts: (ids) => kodomoFacts(deps.db, ids),
    sources: async (): Promise<Record<string, SourceHealth>> => ({ kodomo: await deps.ingest.health() }),
  });
}
