import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { CONTEXT_HEADER, operationHash, type ContextSigner, type HubContext } from '@welfare-hub/context';
import { CircuitBreaker, CircuitOpen } from './circuit.js';
import { subgraphCalls } from '@welfare-hub/metrics';
import { injectTraceContext } from '@welfare-hub/telemetry';
import { SubgraphClient, SubgraphResponseTooLarge, type SubgraphReply } from './subgraph-client.js';
import { sectorOutageAnswer } from './sector-outage.js';
import { sectorBySubgraph } from '@welfare-hub/sectors';

/** A subgraph's GraphQL answer as the query plan takes it in. */
type SubgraphResponse = Awaited<ReturnType<GraphQLDataSource['process']>>;

export interface GatewayContext {
  hub: HubContext;
}

/** The sector a subgraph serves (the registry's): when one does not answer, only that sector's fields are lost. */
const sectorOf = (subgraph: string): string | undefined => sectorBySubgraph(subgraph)?.code;

/**
 * Sends each subgraph call with a context signed for that subgraph and that operation, under a deadline. A sector
 * that keeps failing is not called for a while (circuit.ts). No call is retried: each one records access decisions.
 */
export class SigningDataSource implements GraphQLDataSource<GatewayContext> {
  private readonly client: SubgraphClient;
  private readonly breaker: CircuitBreaker | null;

  constructor(
    private readonly subgraph: string,
    url: string,
    private readonly signer: ContextSigner,
    timeoutMs: number,
    circuit: { failures: number; coolDownMs: number },
    maxResponseBytes: number,
    /** The supergraph's @inaccessible fields: a sector's outage names only the fields a client asked for. */
    private readonly hidden: ReadonlySet<string> = new Set(),
  ) {
    this.client = new SubgraphClient(new URL(url), timeoutMs, maxResponseBytes);
    this.breaker = sectorOf(subgraph) ? new CircuitBreaker(circuit.failures, circuit.coolDownMs) : null;
  }

  async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<SubgraphResponse> {
    const { request } = options;
    const hub = (options.context as Partial<GatewayContext>).hub;
    // The gateway itself (health, schema checks) never calls without a viewer; nothing unsigned leaves it.
    if (!hub) throw new Error('subgraph call without a request context');
    if (!request.query) throw new Error('subgraph call without a query');
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      [CONTEXT_HEADER]: await this.signer.sign(this.subgraph, hub, operationHash(request.query, request.variables)),
    };
    injectTraceContext((name, value) => void (headers[name] = value));
    // Personal data: no answer that uses it may be cached, whatever a subgraph says.
    if ('incomingRequestContext' in options) options.incomingRequestContext.overallCachePolicy.restrict({ maxAge: 0, scope: 'PRIVATE' });
    const body = JSON.stringify({ query: request.query, variables: request.variables, operationName: request.operationName });
    let reply: SubgraphReply;
    try {
      reply = await this.call(body, headers);
    } catch (error) {
      return this.outage(request.query, request.variables, error);
    }
    const parsed = parseJson(reply);
    if (reply.status === 200 && parsed !== null) return parsed;
    // A subgraph answers 400 when a variable does not coerce (an impossible Date). That is the client's mistake,
    // not a failed subgraph: pass on its BAD_USER_INPUT instead of a transport error.
    const first = parsed?.errors?.[0];
    if (reply.status === 400 && first?.extensions?.['code'] === 'BAD_USER_INPUT') {
      throw new GraphQLError(first.message, { extensions: { code: 'BAD_USER_INPUT' } });
    }
    return this.outage(request.query, request.variables, new Error(`subgraph ${this.subgraph} answered ${reply.status}`));
  }

  /** A sector's entities with its fields null and an error per field (sector-outage.ts); anything else fails the fetch. */
  private outage(query: string, variables: Record<string, unknown> | undefined, error: unknown): SubgraphResponse {
    const sector = sectorOf(this.subgraph);
    const why = this.unavailable(error);
    const answer = sector
      ? sectorOutageAnswer(
          query,
          variables,
          why.message,
          why instanceof GraphQLError ? why.extensions : { code: 'SECTOR_UNAVAILABLE', sector },
          this.hidden,
        )
      : null;
    if (answer) return answer as unknown as SubgraphResponse;
    throw why;
  }

  private async call(body: string, headers: Record<string, string>): Promise<SubgraphReply> {
    const outcome = (name: 'ok' | 'error' | 'circuit_open'): void => void subgraphCalls.inc({ subgraph: this.subgraph, outcome: name });
    if (this.breaker && !this.breaker.allow()) {
      outcome('circuit_open');
      throw new CircuitOpen();
    }
    try {
      const reply = await this.client.post(body, headers);
      if (reply.status >= 500) this.breaker?.failedOnce();
      else this.breaker?.succeeded();
      outcome(reply.status >= 500 ? 'error' : 'ok');
      return reply;
    } catch (error) {
      this.breaker?.failedOnce();
      outcome('error');
      throw error;
    }
  }

  /** A sector's failure costs its fields only; any other subgraph's is the gateway's own, and answered as internal. */
  private unavailable(error: unknown): Error {
    const sector = sectorOf(this.subgraph);
    if (error instanceof SubgraphResponseTooLarge) {
      // Too much for one answer, from a sector or not: the client can ask for less; nothing of it was passed on.
      return new GraphQLError(
        `The answer from ${sector ?? this.subgraph} was larger than the gateway passes on (${error.bound} bytes); ask for less`,
        {
          extensions: { code: sector ? 'SECTOR_UNAVAILABLE' : 'RESPONSE_TOO_LARGE', ...(sector ? { sector } : {}), reason: 'RESPONSE_TOO_LARGE' },
        },
      );
    }
    if (!sector) return error instanceof Error ? error : new Error(String(error));
    return new GraphQLError(`The ${sector} sector did not answer in time; its fields are null`, {
      extensions: { code: 'SECTOR_UNAVAILABLE', sector },
    });
  }
}

function parseJson(reply: SubgraphReply): SubgraphResponse | null {
  if (!/^application\/(graphql-response\+)?json/.test(reply.contentType)) return null;
  try {
    const value: unknown = JSON.parse(reply.text);
    return typeof value === 'object' && value !== null ? (value as SubgraphResponse) : null;
  } catch {
    return null;
  }
}
