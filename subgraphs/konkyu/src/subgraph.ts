import type { DataSource } from 'typeorm';
import { konkyuProfiles, type KonkyuConsultation, type KonkyuIngest, konkyuFacts } from '@welfare-hub/adapter-konkyu';
import type { Policy } from '@welfare-hub/policy';
import { sectorSubgraph, type SectorContext } from '@welfare-hub/sector-subgraph';
import type { SourceHealth, SubgraphDefinition } from '@welfare-hub/subgraph-host';

type KonkyuProfile = { consultations: KonkyuConsultation[] };

/** 困窮 as a subgraph: Person.konkyu from the 自立相談支援機関's ledger, on a lawful basis only. */
export function konkyuSubgraph(deps: { db: DataSource; ingest: KonkyuIngest; policy: Policy }): SubgraphDefinition<SectorContext<KonkyuProfile>> {
  return sectorSubgraph<KonkyuProfile>({
    name: 'konkyu',
    sector: 'KONKYU',
    field: 'konkyu',
    policy: deps.policy,
    db: deps.db,
    loadProfiles: (ids) => konkyuProfiles(deps.db, ids),
    loadFacts: (ids) => konkyuFacts(deps.db, ids),
    sources: async (): Promise<Record<string, SourceHealth>> => ({ konkyu: await deps.ingest.health() }),
  });
}
