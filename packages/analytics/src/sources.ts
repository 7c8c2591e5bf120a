import type { DataSource } from 'typeorm';
import { kaigoFacts } from '@welfare-hub/adapter-kaigo';
import { shogaiFacts } from '@welfare-hub/adapter-shogai';
import { kodomoFacts } from '@welfare-hub/adapter-kodomo';
import { konkyuFacts } from '@welfare-hub/adapter-konkyu';
import { RELATIONSHIPS } from '@welfare-hub/adapter-juki';
import type { SituationThresholds } from '@welfare-hub/situations';
import type { IndexSources } from './index-builder.js';
import type { SourceSnapshot } from './provenance.js';

/** The index over the hub's own store: every sector's facts loader, the registry's 続柄, the configured thresholds. */
export function storeIndexSources(db: DataSource, key: Buffer, thresholds: SituationThresholds, snapshot: () => Promise<SourceSnapshot>): IndexSources {
  return {
    db, key, relationships: RELATIONSHIPS, thresholds, snapshot,
    facts: { KAIGO: (ids) => kaigoFacts(db, ids), SHOGAI: (ids) => shogaiFacts(db, ids), KODOMO: (ids) => kodomoFacts(db, ids), KONKYU: (ids) => konkyuFacts(db, ids) },
  };
}
