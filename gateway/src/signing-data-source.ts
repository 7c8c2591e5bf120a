import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { CONTEXT_HEADER, operationHash, type ContextSigner, type HubContext } from '@welfare-hub/context';
import { CircuitBreaker, CircuitOpen } from './circuit.js';
import { subgraphCalls } from '@welfare-hub/metrics';
import { injectTraceContext } from '@welfare-hub/telemetry';

export interface GatewayContext {
  hub: HubContext;
}

/** The subgraphs that serve one sector's data; when one does not answer, only that sector's fields are lost. */
const SECTOR_OF: Record<string, string> = { kaigo: 'KAIGO', shogai: 'SHOGAI', kodomo: 'KODOMO', konkyu: 'KONKYU' };

/** Sends each subgraph call with a context signed for that subgraph and that operation. */
export class SigningDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly subgraph: string,
    url: string,
    private readonly signer: ContextSigner,
    timeoutMs: number,
    circuit: { failures: number; coolDownMs: number } = { failures: 5, coolDownMs: 10_000 },
  ) {
    // Node's own fetch, with a deadline on every call: a slow subgraph costs its fields, not the answer. A sector that
    // keeps failing is not called for a while (circuit.ts). No call is retried: each one records access decisions.
    const breaker = SECTOR_OF[subgraph] ? new CircuitBreaker(circuit.failures, circuit.coolDownMs) : null;
    super({
      url,
      fetcher: (async (input: string, init?: RequestInit) => {
        if (breaker && !breaker.allow()) {
          subgraphCalls.inc({ subgraph, outcome: 'circuit_open' });
          throw new CircuitOpen();
        }
        try {
          const response = await fetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) });
          if (response.status >= 500) breaker?.failedOnce();
          else breaker?.succeeded();
          subgraphCalls.inc({ subgraph, outcome: response.status >= 500 ? 'error' : 'ok' });
          return response;
        } catch (error) {
          breaker?.failedOnce();
          subgraphCalls.inc({ subgraph, outcome: 'error' });
          throw error;
        }
      }) as never,
    });
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    const hub = (context as Partial<GatewayContext>).hub;
    // The gateway itself (health, schema checks) never calls without a viewer; nothing unsigned leaves it.
    if (!hub) throw new Error('subgraph call without a request context');
    const token = await this.signer.sign(this.subgraph, hub, operationHash(request.query ?? '', request.variables));
    request.http?.headers.set(CONTEXT_HEADER, token);
    injectTraceContext((name, value) => request.http?.headers.set(name, value));
  }

  /**
   * A subgraph answers 400 when a variable does not coerce (an impossible Date). That is the client's
   * mistake, not a failed subgraph: pass on its BAD_USER_INPUT instead of a transport error.
   */
  override didEncounterError(error: Error): void {
    const sector = SECTOR_OF[this.subgraph];
    const code = error instanceof GraphQLError ? error.extensions['code'] : undefined;
    if (!sector || code === 'BAD_USER_INPUT') throw error;
    throw new GraphQLError(`The ${sector} sector did not answer in time; its fields are null`, {
      extensions: { code: 'SECTOR_UNAVAILABLE', sector },
    });
  }

  override async errorFromResponse(response: Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0]): Promise<GraphQLError> {
    if (response.status === 400) {
      const body = (await response.clone().json().catch(() => null)) as { errors?: { message?: unknown; extensions?: { code?: unknown } }[] } | null;
      const first = body?.errors?.[0];
      if (first?.extensions?.code === 'BAD_USER_INPUT' && typeof first.message === 'string') {
        return new GraphQLError(first.message, { extensions: { code: 'BAD_USER_INPUT' } });
      }
    }
    return super.errorFromResponse(response);
  }
}
