import type { DataSource } from 'typeorm';
import { kodomoProfiles, type KodomoIngest, type KodomoProfile, kodomoFacts } from '@welfare-hub/adapter-kodomo';
import { releasedFacts, releasedProfile, type Policy } from '@welfare-hub/policy';
import { sectorSubgraph, type SectorContext } from '@welfare-hub/sector-subgraph';
import type { SourceHealth, SubgraphDefinition } from '@welfare-hub/subgraph-host';

/**
 * 子ども as a subgraph: Person.kodomo from the こども家庭センター system, on a lawful basis only; a case registered with the
 * 要対協 only on a basis that releases it (access rule 4), everywhere the sector's data leaves.
 */
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
    release: {
      profile: (profile, decision) => releasedProfile(profile, decision),
      facts: (facts, decision) => releasedFacts(facts, decision),
    },
  });
}
