// One kaigo subgraph process (multi-process deployments). The embedded hub mounts it in the launcher instead.
import { openStore } from '@welfare-hub/store';
import { publicKeyFromEnv } from '@welfare-hub/context';
import { KaigoIngest, openVendorDb } from '@welfare-hub/adapter-kaigo';
import { Policy } from '@welfare-hub/policy';
import { subgraphEndpoints } from '@welfare-hub/schema';
import { serveSubgraph } from '@welfare-hub/subgraph-host';
import { kaigoSubgraph } from './subgraph.js';

const databaseUrl = process.env['HUB_DATABASE_URL'];
const vendorUrl = process.env['HUB_KAIGO_DB_URL'];
if (!databaseUrl || !vendorUrl) throw new Error('HUB_DATABASE_URL and HUB_KAIGO_DB_URL are required');
const store = await openStore({ databaseUrl, migrate: false });
const vendor = await openVendorDb(vendorUrl);
const ingest = new KaigoIngest({ vendor, db: store.dataSource, pollSeconds: Number(process.env['HUB_KAIGO_POLL_SECONDS'] || 600) });
const endpoint = subgraphEndpoints().find((e) => e.name === 'kaigo')!;
const running = await serveSubgraph(kaigoSubgraph({ db: store.dataSource, ingest, policy: new Policy(store.dataSource) }), {
  host: endpoint.host,
  port: endpoint.port,
  publicKey: await publicKeyFromEnv(),
});
void ingest.scan().then(() => ingest.watch());
const stop = async (): Promise<void> => {
  await running.close();
  await ingest.close();
  await vendor.destroy();
  await store.close();
  process.exit(0);
};
process.once('SIGTERM', stop).once('SIGINT', stop);
