// The peer's process: Hive Gateway's runtime over the subgraphs of hub-process.ts, with a core of its own as our gateway
// has. Started by household.ts once the subgraphs answer; reports 'ready' and, on request, its subgraph calls.
import { setMaxListeners } from 'node:events';
import { ContextSigner, importPrivateKey } from '@welfare-hub/context';
import { createAuthenticator } from '@welfare-hub/gateway';
import { loadConfig } from '@welfare-hub/launcher';
import { subgraphEndpoints } from '@welfare-hub/schema';
import { startHivePeer } from './hive-peer.js';

// The runtime adds an abort listener to the client request's signal per subgraph call: a household view makes more
// than Node's default ten, which is no leak.
setMaxListeners(64);
// The same configuration as our gateway's process reads: the same subgraphs, keys and tokens.
const config = loadConfig(process.env, 'gateway');
const peer = await startHivePeer(
  Number(process.env['BENCH_HIVE_PORT'] || 4498),
  subgraphEndpoints(config.subgraphs),
  new ContextSigner(await importPrivateKey(config.contextKeys.privatePem!)),
  createAuthenticator(config.auth),
);
process.send!({ kind: 'ready' });
process.on('message', (message: { kind: string }) => {
  if (message.kind === 'counts') process.send!({ kind: 'counts', subgraphCalls: peer.subgraphCalls() });
  else if (message.kind === 'stop') peer.server.close(() => process.exit(0));
});
