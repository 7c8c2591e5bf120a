// The probe paths checked against the real gateway and a real subgraph host, not against a list: a path the manifests
// name must answer as they expect.
import { createServer } from 'node:net';
import { parse } from 'graphql';
import { ContextSigner, generateSigningKeys } from '@welfare-hub/context';
import { createAuthenticator, DEFAULT_QUERY_LIMITS, DEFAULT_SUBGRAPH_RESPONSE_BYTES, startGateway, type RunningGateway } from '@welfare-hub/gateway';
import { subgraphEndpoints, supergraphSdl } from '@welfare-hub/schema';
import { serveSubgraph, type RunningSubgraph } from '@welfare-hub/subgraph-host';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface LiveParts {
  /** GET a path on the gateway; its status. */
  gateway(path: string): Promise<number>;
  /** GET a path on a subgraph, unsigned as a probe is; its status. */
  subgraph(path: string): Promise<number>;
  close(): Promise<void>;
}

/** A production-mode gateway over subgraphs that are not running, and one subgraph host. */
export async function startLiveParts(): Promise<LiveParts> {
  const keys = await generateSigningKeys();
  const gatewayPort = await freePort();
  const subgraphPort = await freePort();
  const nowhere = await freePort();
  const gateway: RunningGateway = await startGateway({
    host: '127.0.0.1',
    port: gatewayPort,
    supergraphSdl: supergraphSdl(),
    endpoints: subgraphEndpoints({ host: '127.0.0.1', portFrom: nowhere, urls: {} }),
    signer: new ContextSigner(keys.privateKey),
    authenticate: createAuthenticator({
      mode: 'demo',
      secret: 'deploy-test-secret-long-enough-for-hs256-0',
      jwksUrl: null,
      issuer: null,
      audience: null,
    }),
    production: true,
    subgraphTimeoutMs: 500,
    circuit: { failures: 5, coolDownMs: 10_000 },
    limits: { ...DEFAULT_QUERY_LIMITS, persistedQueries: null, persistedOnly: false },
    maxSubgraphResponseBytes: DEFAULT_SUBGRAPH_RESPONSE_BYTES,
    frontEnd: { corsOrigins: [], consoleDir: null, oidc: null },
  });
  const subgraph: RunningSubgraph = await serveSubgraph(
    { name: 'juki', typeDefs: parse('type Query { ok: Boolean }'), resolvers: {}, context: () => ({}) },
    { host: '127.0.0.1', port: subgraphPort, publicKey: keys.publicKey },
  );
  const status = async (port: number, path: string): Promise<number> => (await fetch(`http://127.0.0.1:${port}${path}`)).status;
  return {
    gateway: (path) => status(gatewayPort, path),
    subgraph: (path) => status(subgraphPort, path),
    async close() {
      await gateway.close();
      await subgraph.close();
    },
  };
}
