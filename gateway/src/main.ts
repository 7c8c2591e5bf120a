// The gateway as its own process (multi-process deployments). The embedded hub starts it in the launcher instead.
import { ContextSigner, privateKeyFromEnv } from '@welfare-hub/context';
import { subgraphEndpoints, supergraphSdl } from '@welfare-hub/schema';
import { authConfig, queryLimitsConfig } from './config.js';
import { createAuthenticator } from './authenticate.js';
import { defaultConsoleDir, frontEndConfig } from './front-end/index.js';
import { startGateway } from './gateway.js';
import { startTracing } from '@welfare-hub/telemetry';

const tracing = startTracing('welfare-hub-gateway');

const auth = authConfig();
const limits = queryLimitsConfig();
const gateway = await startGateway({
  host: process.env['HUB_HOST'] || '0.0.0.0',
  port: Number(process.env['HUB_PORT'] || 4000),
  supergraphSdl: supergraphSdl(),
  endpoints: subgraphEndpoints(),
  signer: new ContextSigner(await privateKeyFromEnv()),
  authenticate: createAuthenticator(auth),
  production: auth.mode === 'production',
  subgraphTimeoutMs: Number(process.env['HUB_SUBGRAPH_TIMEOUT_MS'] || 5000),
  limits,
  frontEnd: frontEndConfig(process.env, defaultConsoleDir()),
});
const stop = async (): Promise<void> => {
  await gateway.close();
  await tracing?.shutdown();
  process.exit(0);
};
process.once('SIGTERM', stop).once('SIGINT', stop);
