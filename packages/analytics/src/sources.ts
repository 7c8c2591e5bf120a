import type { DataSource } from 'typeorm';
import { kaigoFacts } from '@welfare-hub/adapter-kaigo';
import { shogaiFacts } from '@welfare-hub/adapter-shogai';
import { kodomoFacts } from '@welfare-hub/adapter-kodomo';
import { konkyuFacts } from '@welfare-hub/adapter-konkyu';
import { RELATIONSHIPS } from '@welfare-hub/adapter-juki';
import { situationThresholds } from '@welfare-hub/situations';
import type { IndexSources } from './index-builder.js';
import { DEFAULT_SUPPRESSION_THRESHOLD, MIN_SUPPRESSION_THRESHOLD } from './suppression.js';

/** The index over the hub's own store: every sector's facts loader, the registry's 続柄, the configured thresholds. */
export function storeIndexSources(db: DataSource, key: Buffer, env: NodeJS.ProcessEnv = process.env): IndexSources {
  return {
    db, key, relationships: RELATIONSHIPS, thresholds: situationThresholds(env),
    facts: { KAIGO: (ids) => kaigoFacts(db, ids), SHOGAI: (ids) => shogaiFacts(db, ids), KODOMO: (ids) => kodomoFacts(db, ids), KONKYU: (ids) => konkyuFacts(db, ids) },
  };
}

/** HUB_ANALYTICS_THRESHOLD: the smallest count shown (10 by default); below 3 the hub refuses to start. */
export function suppressionThreshold(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env['HUB_ANALYTICS_THRESHOLD'];
  if (raw === undefined || raw === '') return DEFAULT_SUPPRESSION_THRESHOLD;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < MIN_SUPPRESSION_THRESHOLD) throw new Error(`HUB_ANALYTICS_THRESHOLD must be a whole number of at least ${MIN_SUPPRESSION_THRESHOLD}`);
  return value;
}
