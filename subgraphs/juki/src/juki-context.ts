// The juki subgraph's per-request context, in a module of its own so that search-connection.ts and reprocess.ts can
// name it without importing resolvers.ts, which imports them (an import cycle). It imports types only.
import type { RequestPolicy } from '@welfare-hub/policy';
import type { JukiIngest, PersonStore } from '@welfare-hub/adapter-juki';
import type { JukiLoaders } from './loaders.js';
import type { IdentityLog } from './identity-log.js';

export interface JukiContext {
  policy: RequestPolicy;
  loaders: JukiLoaders;
  store: PersonStore;
  identity: IdentityLog;
  /** The registry's reading, for re-processing rejected records (reprocess.ts). */
  ingest: Pick<JukiIngest, 'reprocessRejected'>;
}
