// The konkyu subgraph as its own process (multi-process deployments); the embedded hub mounts it in the launcher.
import { KonkyuIngest } from '@welfare-hub/adapter-konkyu';
import { Policy } from '@welfare-hub/policy';
import { runSubgraphProcess } from '@welfare-hub/subgraph-host';
import { konkyuSubgraph } from './subgraph.js';

await runSubgraphProcess('konkyu', ['HUB_KONKYU_DIR'], async (db, env) => {
  const ingest = new KonkyuIngest({ dir: env['HUB_KONKYU_DIR']!, db });
  return {
    definition: konkyuSubgraph({ db, ingest, policy: new Policy(db) }),
    start: async () => {
      await ingest.scan();
      await ingest.watch();
    },
    close: () => ingest.close(),
  };
});
