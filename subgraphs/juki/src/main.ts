// The juki subgraph as its own process (multi-process deployments); the embedded hub mounts it in the launcher.
import { JukiIngest } from '@welfare-hub/adapter-juki';
import { Policy } from '@welfare-hub/policy';
import { runSubgraphProcess } from '@welfare-hub/subgraph-host';
import { jukiSubgraph } from './subgraph.js';

await runSubgraphProcess('juki', ['HUB_JUKI_DIR'], async (db, env) => {
  const ingest = new JukiIngest({ dir: env['HUB_JUKI_DIR']!, db });
  return {
    definition: jukiSubgraph({ ingest, policy: new Policy(db) }),
    start: async () => {
      await ingest.scan();
      await ingest.watch();
    },
    close: () => ingest.close(),
  };
});
