import type { DataSource } from 'typeorm';
import type { SituationFacts, SituationThresholds } from '@welfare-hub/situations';
import type { IndexSources } from './index-builder.js';
import type { SourceSnapshot } from './provenance.js';

/** A sector's facts reader over the hub's store, as its module exports it (SectorModule.facts). */
export type FactsReader = (db: DataSource, atenaNos: readonly string[]) => Promise<Map<string, SituationFacts>>;

/**
 * The index over the hub's own store: each registered sector's facts reader (sector code → reader, in the registry's
 * order) and the 住民基本台帳's 続柄 labels (code → label, adapters/juki), both handed in by the composition root so that
 * analytics depends on no adapter; the configured thresholds.
 */
export function storeIndexSources(
  db: DataSource,
  key: Buffer,
  thresholds: SituationThresholds,
  snapshot: () => Promise<SourceSnapshot>,
  facts: Readonly<Record<string, FactsReader>>,
  relationships: Readonly<Record<string, string>>,
): IndexSources {
  return {
    db,
    key,
    relationships,
    thresholds,
    snapshot,
    facts: Object.fromEntries(Object.entries(facts).map(([code, read]) => [code, (ids: readonly string[]) => read(db, ids)])),
  };
}
