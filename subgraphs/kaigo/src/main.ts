// The kaigo subgraph as its own process (multi-process deployments); the embedded hub mounts it in the launcher.
import { KaigoIngest, openVendorDb } from '@welfare-hub/adapter-kaigo';
import { Policy } from '@welfare-hub/policy';
import { runSubgraphProcess } from '@welfare-hub/subgraph-host';
import { kaigoSubgraph } from './subgraph.js';

await runSubgraphProcess('kaigo', ['HUB_KAIGO_DB_URL'], async (db, env) => {
  const vendor = await openVendorDb(env['HUB_KAIGO_DB_URL']!);
  const ingest = new KaigoIngest({ vendor, db, pollSeconds: Number(process.env['HUB_KAIGO_POLL_SECONDS'] || 600) });
  return {
    definition: kaigoSubgraph({ db, ingest, policy: new Policy(db) }),
    start: async () => {
      await ingest.scan();
      ingest.watch();
    },
    close: async () => {
      await ingest.close();
      await vendor.destroy();
    },
  };
});
