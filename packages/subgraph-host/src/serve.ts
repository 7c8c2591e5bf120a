import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { internalErrors, snapshot } from '@welfare-hub/metrics';
import { inServerSpan, logEvent } from '@welfare-hub/telemetry';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import {
  ContextRejected,
  ContextVerifier,
  CONTEXT_HEADER,
  operationHash,
  type CryptoKey,
  type HubContext,
  type ReplayGuard,
  type SignedContext,
} from '@welfare-hub/context';
import {
  BodyError,
  closeServer,
  formatError,
  internalErrorPlugin,
  listen,
  pathOf,
  readJsonBody,
  sendError,
  sendGraphQLResponse,
  sendJson,
  toHttpGraphQLRequest,
} from '@welfare-hub/http';
import type { SubgraphDefinition } from './subgraph.js';

export const HEALTH_OPERATION = operationHash('health', {});
/** The request id rides along with each subgraph's own context, for the report of an INTERNAL error. */
const REQUEST_ID = Symbol('request id');
const BODY_LIMIT = 8 * 1024 * 1024;

export interface ServeOptions {
  host: string;
  port: number;
  /** The gateway's context-signing public key: the only key whose signatures this subgraph accepts. */
  publicKey: CryptoKey;
  /**
   * Where used signatures are remembered. Replicas of a subgraph must share it (`replayGuardFor(store)`: the store's
   * table on a server); in memory when not given, right only for a hub in one process.
   */
  replays?: ReplayGuard;
}

export interface RunningSubgraph {
  name: string;
  url: string;
  close(): Promise<void>;
}

/**
 * Serves one subgraph over HTTP. Every request, `_service` and `_entities` included, must carry a context the
 * gateway signed for this subgraph and this operation; anything else is answered 401 before GraphQL runs. The
 * signature is checked on the headers before a byte of the body is read, so a stranger cannot make a subgraph read
 * (and parse) up to 8 MB; only then is the body read and the signature's operation hash checked against it.
 */
export async function serveSubgraph<C extends object>(definition: SubgraphDefinition<C>, options: ServeOptions): Promise<RunningSubgraph> {
  const apollo = new ApolloServer<C>({
    schema: buildSubgraphSchema([{ typeDefs: definition.typeDefs, resolvers: definition.resolvers }]),
    includeStacktraceInErrorResponses: false,
    formatError,
    // Inline traces would carry resolver timings to the gateway for Apollo's cloud; the hub reports nowhere.
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      internalErrorPlugin<C>(
        (context) => (context as { [REQUEST_ID]?: string })[REQUEST_ID] ?? null,
        (report) => {
          internalErrors.inc({ where: definition.name });
          logEvent('graphql.internal_error', { where: definition.name, ...report });
        },
      ),
    ],
  });
  await apollo.start();
  const verifier = new ContextVerifier(options.publicKey, definition.name, options.replays);

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = pathOf(req);
    const signature = req.headers[CONTEXT_HEADER];
    const token = typeof signature === 'string' ? signature : undefined;
    if (req.method === 'GET' && path === '/health') {
      const signed = await signedHeader(verifier, token, res);
      if (!signed || !(await bound(verifier, signed, HEALTH_OPERATION, res))) return;
      // The gateway alone can ask (signed): it serves every process's metrics on its /metrics.
      sendJson(res, 200, {
        ok: true,
        sources: definition.sources ? await definition.sources() : {},
        ...(definition.index ? { index: await definition.index() } : {}),
        pid: process.pid,
        metrics: await snapshot(),
      });
      return;
    }
    if (req.method !== 'POST' || path !== '/graphql') {
      // Even a wrong path says nothing to an unsigned caller; its body is not read.
      if (!token) return unauthenticated(res, { connection: 'close' });
      sendError(res, 404, 'NOT_FOUND', 'not found', { connection: 'close' });
      return;
    }
    // The headers first: a caller that is not the gateway is refused without its body being read.
    const signed = await signedHeader(verifier, token, res);
    if (!signed) return;
    let body: unknown;
    try {
      body = await readJsonBody(req, BODY_LIMIT);
    } catch (e) {
      if (e instanceof BodyError) return sendError(res, e.status, 'BAD_REQUEST', e.message, { connection: 'close' });
      throw e;
    }
    const query = typeof body === 'object' && body !== null ? (body as { query?: unknown }).query : undefined;
    const variables = typeof body === 'object' && body !== null ? (body as { variables?: unknown }).variables : undefined;
    const hub = await bound(verifier, signed, operationHash(typeof query === 'string' ? query : '', variables), res);
    if (!hub) return;
    await inServerSpan(`subgraph ${definition.name}`, req.headers, { 'hub.subgraph': definition.name, 'hub.request_id': hub.requestId }, async () => {
      const response = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: toHttpGraphQLRequest(req, body),
        context: async () => Object.assign(await definition.context(hub), { [REQUEST_ID]: hub.requestId }),
      });
      await sendGraphQLResponse(res, response);
    });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      logEvent('subgraph.request_failed', { subgraph: definition.name, error: errorName(error) });
      if (!res.headersSent) sendError(res, 500, 'INTERNAL', 'Internal error');
      else res.end();
    });
  });
  server.keepAliveTimeout = 65_000;
  await listen(server, options.port, options.host);
  logEvent('subgraph.listening', { subgraph: definition.name, port: options.port });
  const urlHost = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    name: definition.name,
    url: `http://${urlHost}:${options.port}/graphql`,
    async close() {
      await closeServer(server);
      await apollo.stop();
    },
  };
}

async function signedHeader(verifier: ContextVerifier, token: string | undefined, res: ServerResponse): Promise<SignedContext | null> {
  try {
    return await verifier.verifyHeader(token);
  } catch (e) {
    if (!(e instanceof ContextRejected)) throw e;
    // The body (if any) stays unread: close the connection rather than drain it for the next request.
    unauthenticated(res, { connection: 'close' });
    return null;
  }
}

async function bound(verifier: ContextVerifier, signed: SignedContext, op: string, res: ServerResponse): Promise<HubContext | null> {
  try {
    return await verifier.bind(signed, op);
  } catch (e) {
    if (!(e instanceof ContextRejected)) throw e;
    unauthenticated(res);
    return null;
  }
}

function unauthenticated(res: ServerResponse, headers: Record<string, string> = {}): void {
  sendError(res, 401, 'UNAUTHENTICATED', 'This service answers only requests signed by the hub gateway', headers);
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.constructor.name : typeof error;
}
