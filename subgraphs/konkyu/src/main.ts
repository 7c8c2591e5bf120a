// One konkyu subgraph process (multi-process deployments). The embedded hub mounts it in the launcher instead.
import { openStore } from '@welfare-hub/store';
import { publicKeyFromEnv } from '@welfare-hub/context';
import { KonkyuIngest } from '@welfare-hub/adapter-konkyu';
import { Policy } from '@welfare-hub/policy';
import { subgraphEndpoints } from '@welfare-hub/schema';
import { logEvent, serveSubgraph } from '@welfare-hub/subgraph-host';
import { konkyuSubgraph } from './subgraph.js';

const databaseUrl = process.env['HUB_DATABASE_URL'];
const dir = process.env['HUB_KONKYU_DIR'];
if (!databaseUrl || !dir) throw new Error('HUB_DATABASE_URL and HUB_KONKYU_DIR are required');
const store = await openStore({ databaseUrl, migrate: false });
const ingest = new KonkyuIngest({ dir, db: store.dataSource });
const endpoint = subgraphEndpoints().find((e) => e.name === 'konkyu')!;
const running = await serveSubgraph(konkyuSubgraph({ db: store.dataSource, ingest, policy: new Policy(store.dataSource) }), {
  host: endpoint.host,
  port: endpoint.port,
  publicKey: await publicKeyFromEnv(),
});
ingest.scan().then(
  () => ingest.watch(),
  () => logEvent('konkyu.scan_failed'),
);
const stop = async (): Promise<void> => {
  await running.close();
  await ingest.close();
  await store.close();
  process.exit(0);
};
process.once('SIGTERM', stop).once('SIGINT', stop);
