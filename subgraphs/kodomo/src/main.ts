// One kodomo subgraph process (multi-process deployments). The embedded hub mounts it in the launcher instead.
import { openStore } from '@welfare-hub/store';
import { publicKeyFromEnv } from '@welfare-hub/context';
import { KodomoIngest } from '@welfare-hub/adapter-kodomo';
import { Policy } from '@welfare-hub/policy';
import { subgraphEndpoints } from '@welfare-hub/schema';
import { serveSubgraph } from '@welfare-hub/subgraph-host';
import { kodomoSubgraph } from './subgraph.js';

const databaseUrl = process.env['HUB_DATABASE_URL'];
const baseUrl = process.env['HUB_KODOMO_URL'];
if (!databaseUrl || !baseUrl) throw new Error('HUB_DATABASE_URL and HUB_KODOMO_URL are required');
const store = await openStore({ databaseUrl, migrate: false });
const ingest = new KodomoIngest({
  db: store.dataSource,
  client: { baseUrl, apiKey: process.env['HUB_KODOMO_API_KEY'] ?? '' },
  pollSeconds: Number(process.env['HUB_KODOMO_POLL_SECONDS'] || 300),
});
const endpoint = subgraphEndpoints().find((e) => e.name === 'kodomo')!;
const running = await serveSubgraph(kodomoSubgraph({ db: store.dataSource, ingest, policy: new Policy(store.dataSource) }), {
  host: endpoint.host,
  port: endpoint.port,
  publicKey: await publicKeyFromEnv(),
});
void ingest.scan().then(() => ingest.watch());
const stop = async (): Promise<void> => {
  await running.close();
  await ingest.close();
  await store.close();
  process.exit(0);
};
process.once('SIGTERM', stop).once('SIGINT', stop);
