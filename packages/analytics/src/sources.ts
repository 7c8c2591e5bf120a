import type { DataSource } from 'typeorm';
import { RELATIONSHIPS } from '@welfare-hub/adapter-juki';
import type { SituationFacts, SituationThresholds } from '@welfare-hub/situations';
import type { IndexSources } from './index-builder.js';
import type { SourceSnapshot } from './provenance.js';

/** A sector's facts reader over the hub's store, as its module exports it (SectorModule.facts). */
export type FactsReader = (db: DataSource, atenaNos: readonly string[]) => Promise<Map<string, SituationFacts>>;

/**
 * The index over the hub's own store: each registered sector's facts reader (sector code → reader, in the registry's
 * order, handed in by the composition root), the registry's 続柄, the configured thresholds.
 */
export function storeIndexSources(
  db: DataSource,
  key: Buffer,
  thresholds: SituationThresholds,
  snapshot: () => Promise<SourceSnapshot>,
  facts: Readonly<Record<string, FactsReader>>,
): IndexSources {
  return {
    db,
    key,
    relationships: RELATIONSHIPS,
    thresholds,
    snapshot,
    facts: Object.fromEntries(Object.entries(facts).map(([code, read]) => [code, (ids: readonly string[]) => read(db, ids)])),
  };
}
