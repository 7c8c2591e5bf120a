// The shogai subgraph as its own process (multi-process deployments); the embedded hub mounts it in the launcher.
import { ShogaiIngest } from '@welfare-hub/adapter-shogai';
import { Policy } from '@welfare-hub/policy';
import { runSubgraphProcess } from '@welfare-hub/subgraph-host';
import { shogaiSubgraph } from './subgraph.js';

await runSubgraphProcess('shogai', ['HUB_SHOGAI_DIR'], async (db, env) => {
  const ingest = new ShogaiIngest({ dir: env['HUB_SHOGAI_DIR']!, db });
  return {
    definition: shogaiSubgraph({ db, ingest, policy: new Policy(db) }),
    start: async () => {
      await ingest.scan();
      await ingest.watch();
    },
    close: () => ingest.close(),
  };
});
