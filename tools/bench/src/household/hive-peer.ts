import { createServer, type Server } from 'node:http';
import { createGatewayRuntime, type GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { CONTEXT_HEADER, operationHash, type ContextSigner, type HubContext } from '@welfare-hub/context';
import { requestContext, type Authenticator } from '@welfare-hub/gateway';
import { supergraphSdl, type SubgraphEndpoint } from '@welfare-hub/schema';

export interface HivePeer {
  server: Server;
  /** Calls made to subgraphs so far. */
  subgraphCalls(): number;
}

/**
 * The peer: Hive Gateway's runtime (the engine of @graphql-hive/gateway) serving the same supergraph over the same
 * running subgraphs, in a process of its own as our gateway has (hive-process.ts). It authenticates the same bearer
 * tokens, reads the request context as ours does and signs every subgraph call for its audience and operation, so
 * the subgraphs, their policy and the audit do the same work behind either gateway. It has no query limits, metrics
 * or circuit breaker: they would only slow it.
 */
export async function startHivePeer(
  port: number,
  endpoints: readonly SubgraphEndpoint[],
  signer: ContextSigner,
  authenticate: Authenticator,
): Promise<HivePeer> {
  // The composed supergraph names placeholder addresses; a Hive deployment loads one naming the real ones.
  let supergraph = supergraphSdl();
  for (const e of endpoints) supergraph = supergraph.replaceAll(`http://${e.name}.subgraph.invalid/graphql`, e.url);
  const subgraphOf = new Map(endpoints.map((e) => [e.url, e.name]));
  let calls = 0;
  const signing: GatewayPlugin<{ hubContext: HubContext }> = {
    async onFetch({ url, options, setOptions, context }) {
      const name = subgraphOf.get(url);
      // Not `hub`: the runtime puts each subgraph's source in the context under its name, and one subgraph is named hub.
      const hub = (context as { hubContext?: HubContext }).hubContext;
      if (!name || !hub) throw new Error('subgraph call without a request context');
      const { query, variables } = JSON.parse(String(options.body)) as { query: string; variables?: unknown };
      const headers = Object.fromEntries(new Headers(options.headers as HeadersInit).entries());
      headers[CONTEXT_HEADER] = await signer.sign(name, hub, operationHash(query, variables));
      setOptions({ ...options, headers });
      calls++;
    },
  };
  const hive = createGatewayRuntime<{ hubContext: HubContext }>({
    supergraph,
    logging: false,
    landingPage: false,
    graphiql: false,
    plugins: () => [signing],
  });
  const server = createServer((req, res) => {
    authenticate(req.headers.authorization).then(
      // Called as a Node listener the runtime sends the answer (handleNodeRequestAndResponse only computes it).
      (viewer) => hive(req, res, { hubContext: requestContext(viewer, req.headers) }),
      () => void res.writeHead(401).end(),
    );
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { server, subgraphCalls: () => calls };
}
