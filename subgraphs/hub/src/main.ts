// One hub subgraph process (multi-process deployments). The embedded hub mounts it in the launcher instead.
import { openStore } from '@welfare-hub/store';
import { publicKeyFromEnv } from '@welfare-hub/context';
import { Policy } from '@welfare-hub/policy';
import { subgraphEndpoints } from '@welfare-hub/schema';
import { serveSubgraph } from '@welfare-hub/subgraph-host';
import { hubSubgraph } from './subgraph.js';

const databaseUrl = process.env['HUB_DATABASE_URL'];
if (!databaseUrl) throw new Error('HUB_DATABASE_URL is required');
const store = await openStore({ databaseUrl, migrate: false });
const endpoint = subgraphEndpoints().find((e) => e.name === 'hub')!;
const running = await serveSubgraph(hubSubgraph({ db: store.dataSource, policy: new Policy(store.dataSource) }), {
  host: endpoint.host,
  port: endpoint.port,
  publicKey: await publicKeyFromEnv(),
});
const stop = async (): Promise<void> => {
  await running.close();
  await store.close();
  process.exit(0);
};
process.once('SIGTERM', stop).once('SIGINT', stop);
