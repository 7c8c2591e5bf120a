// The kodomo subgraph as its own process (multi-process deployments); the embedded hub mounts it in the launcher.
import { KodomoIngest } from '@welfare-hub/adapter-kodomo';
import { Policy } from '@welfare-hub/policy';
import { runSubgraphProcess } from '@welfare-hub/subgraph-host';
import { kodomoSubgraph } from './subgraph.js';

await runSubgraphProcess('kodomo', ['HUB_KODOMO_URL'], async (db, env) => {
  const ingest = new KodomoIngest({
    db,
    client: { baseUrl: env['HUB_KODOMO_URL']!, apiKey: process.env['HUB_KODOMO_API_KEY'] ?? '' },
    pollSeconds: Number(process.env['HUB_KODOMO_POLL_SECONDS'] || 300),
  });
  return {
    definition: kodomoSubgraph({ db, ingest, policy: new Policy(db) }),
    start: async () => {
      await ingest.scan();
      ingest.watch();
    },
    close: () => ingest.close(),
  };
});
