import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { ContextSigner, HubContext } from '@welfare-hub/context';
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
import type { SubgraphEndpoint } from '@welfare-hub/schema';
import { Unauthenticated, type Authenticator } from './authenticate.js';
import { httpDuration, httpRequests, internalErrors } from '@welfare-hub/metrics';
import { metricsText } from './metrics.js';
import { inServerSpan, logEvent } from '@welfare-hub/telemetry';
import { queryGuard, type QueryLimitsConfig } from './limits/index.js';
import { readiness } from './health.js';
import { badCaseHeader, requestContext } from './request-context.js';
import { SigningDataSource, type GatewayContext } from './signing-data-source.js';
import { inaccessibleFields } from './sector-outage.js';
import {
  cors,
  MeetingContextCheck,
  refuseMeetingContext,
  securityHeaders,
  serveConsoleFile,
  type FrontEndConfig,
  uncacheable,
} from './front-end/index.js';

// A welfare system must not phone home: @apollo/gateway reports the host to Apollo unless this is set.
process.env['APOLLO_TELEMETRY_DISABLED'] = '1';

const BODY_LIMIT = 1024 * 1024;

export interface GatewayOptions {
  host: string;
  port: number;
  supergraphSdl: string;
  endpoints: readonly SubgraphEndpoint[];
  signer: ContextSigner;
  authenticate: Authenticator;
  production: boolean;
  /** Deadline of each subgraph call. */
  subgraphTimeoutMs: number;
  /** When a sector's circuit opens and for how long. */
  circuit: { failures: number; coolDownMs: number };
  /** Query limits and the persisted-query allowlist. */
  limits: QueryLimitsConfig;
  /** The most buffered of one subgraph's answer (HUB_SUBGRAPH_MAX_RESPONSE_BYTES). */
  maxSubgraphResponseBytes: number;
  /** CORS, the console and its sign-in. */
  frontEnd: FrontEndConfig;
}

export interface RunningGateway {
  url: string;
  close(): Promise<void>;
}

/**
 * The one door: authenticates the caller, then plans the query over the subgraphs with a context signed for
 * each call. It decides nothing about access; the subgraphs and their policy do.
 */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const urls = new Map<string, string>(options.endpoints.map((e) => [e.name, e.url]));
  const hidden = inaccessibleFields(options.supergraphSdl);
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name }) => {
      const url = urls.get(name);
      if (!url) throw new Error(`no address configured for subgraph ${name}`);
      return new SigningDataSource(name, url, options.signer, options.subgraphTimeoutMs, options.circuit, options.maxSubgraphResponseBytes, hidden);
    },
  });
  // Depth, aliases, cost, tokens, directives, batches and the persisted-query allowlist: a refused request is
  // answered 400 BAD_USER_INPUT before planning, so it never reaches a subgraph. Production also refuses
  // introspection and hides "Did you mean" suggestions.
  const guard = queryGuard(options.limits, options.production);
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    includeStacktraceInErrorResponses: false,
    ...guard.apolloOptions(formatError),
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      internalErrorPlugin<GatewayContext>(
        (context) => context.hub?.requestId ?? null,
        (report) => {
          internalErrors.inc({ where: 'gateway' });
          logEvent('graphql.internal_error', { where: 'gateway', ...report });
        },
      ),
    ],
  });
  await apollo.start();
  const { frontEnd } = options;
  const corsOrigins = new Set(frontEnd.corsOrigins);
  const pageHeaders = securityHeaders(frontEnd.oidc);
  const hubEndpoint = options.endpoints.find((e) => e.name === 'hub');
  if (!hubEndpoint) throw new Error('no address configured for subgraph hub');
  const meetingCheck = new MeetingContextCheck(hubEndpoint.url, options.signer, options.subgraphTimeoutMs);

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = pathOf(req);
    if (path === '/health/ready' && req.method === 'GET') {
      const state = await readiness(options.endpoints, options.signer);
      sendJson(res, state.ready ? 200 : 503, {
        ready: state.ready,
        sources: state.sources,
        index: state.index ? { builtAt: state.index.builtAt } : null,
      });
      return;
    }
    if (path === '/health/live' && req.method === 'GET') return sendJson(res, 200, { live: true });
    if (path === '/metrics' && req.method === 'GET') {
      const text = await metricsText(await readiness(options.endpoints, options.signer));
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' }).end(text);
      return;
    }
    if (path === '/console-config.json' && req.method === 'GET') {
      return sendJson(res, 200, { mode: options.production ? 'production' : 'demo', oidc: frontEnd.oidc }, { 'cache-control': 'no-cache' });
    }
    if (path !== '/graphql') {
      if (
        (req.method === 'GET' || req.method === 'HEAD') &&
        frontEnd.consoleDir &&
        (await serveConsoleFile(req, res, frontEnd.consoleDir, path, pageHeaders))
      )
        return;
      if (path === '/' && !frontEnd.consoleDir) return sendError(res, 404, 'NOT_FOUND', 'the console is not built: npm run build');
      return sendError(res, 404, 'NOT_FOUND', 'not found');
    }
    if (cors(req, res, corsOrigins)) return;
    for (const [name, value] of Object.entries(uncacheable(res.getHeader('vary')))) res.setHeader(name, value);
    // GraphiQL, bundled with the console (no CDN), for a browser in demo mode only; production answers 405 as before.
    if (req.method === 'GET' && !options.production && frontEnd.consoleDir && String(req.headers.accept ?? '').includes('text/html')) {
      if (await serveConsoleFile(req, res, frontEnd.consoleDir, '/graphiql.html', pageHeaders)) return;
    }
    if (req.method !== 'POST') return sendError(res, 405, 'METHOD_NOT_ALLOWED', 'use POST', { allow: 'POST' });

    let hub: HubContext;
    try {
      hub = requestContext(await options.authenticate(req.headers.authorization), req.headers);
    } catch (error) {
      if (!(error instanceof Unauthenticated)) throw error;
      return sendError(res, 401, 'UNAUTHENTICATED', 'A valid bearer token is required', { 'www-authenticate': 'Bearer' });
    }
    if (badCaseHeader(req.headers)) {
      return sendJson(
        res,
        400,
        { errors: [{ message: 'x-hub-case must be a case id', extensions: { code: 'BAD_USER_INPUT', field: 'x-hub-case' } }] },
        { 'x-request-id': hub.requestId },
      );
    }
    // GraphQL over HTTP: a POST carries JSON. Anything else is the client's mistake, said as such (never INTERNAL).
    const contentType = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (contentType !== 'application/json') {
      return sendJson(
        res,
        415,
        { errors: [{ message: 'Send the request as application/json', extensions: { code: 'BAD_USER_INPUT', field: 'content-type' } }] },
        { 'x-request-id': hub.requestId },
      );
    }
    let body: unknown;
    try {
      body = await readJsonBody(req, BODY_LIMIT);
    } catch (error) {
      if (error instanceof BodyError)
        return sendJson(res, error.status, { errors: [{ message: error.message, extensions: { code: 'BAD_USER_INPUT', field: 'body' } }] });
      throw error;
    }
    const checked = guard.checkRequest(body);
    if (!checked.ok) return sendJson(res, 400, { errors: [checked.error.toFormatted()] }, { 'x-request-id': hub.requestId });
    const meeting = await meetingCheck.state(hub);
    if (meeting === 'NOT_OPEN' || meeting === 'UNAVAILABLE') return refuseMeetingContext(res, meeting, req.headers.accept, hub.requestId);
    await inServerSpan('gateway /graphql', req.headers, { 'hub.request_id': hub.requestId }, async () => {
      const response = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: toHttpGraphQLRequest(req, checked.body),
        context: async () => ({ hub }),
      });
      await sendGraphQLResponse(res, response, {
        'x-request-id': hub.requestId,
        ...uncacheable(res.getHeader('vary'), response.headers.get('vary')),
      });
    });
  };

  const server = createServer((req, res) => {
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      if (pathOf(req) !== '/graphql') return;
      const status = String(res.statusCode);
      httpRequests.inc({ status });
      httpDuration.observe({ status }, Number(process.hrtime.bigint() - started) / 1e9);
    });
    handle(req, res).catch((error: unknown) => {
      internalErrors.inc({ where: 'gateway' });
      logEvent('gateway.request_failed', { error: error instanceof Error ? error.constructor.name : typeof error });
      if (!res.headersSent) sendError(res, 500, 'INTERNAL', 'Internal error');
      else res.end();
    });
  });
  server.keepAliveTimeout = 65_000;
  await listen(server, options.port, options.host);
  // Port 0 asks the system for a free port: report the one it gave.
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  const urlHost = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${urlHost === '0.0.0.0' ? 'localhost' : urlHost}:${port}/graphql`,
    async close() {
      await closeServer(server);
      await apollo.stop();
    },
  };
}
