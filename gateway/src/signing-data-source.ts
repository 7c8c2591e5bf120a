import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { CONTEXT_HEADER, operationHash, type ContextSigner, type HubContext } from '@welfare-hub/context';

export interface GatewayContext {
  hub: HubContext;
}

/** Sends each subgraph call with a context signed for that subgraph and that operation. */
export class SigningDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly subgraph: string,
    url: string,
    private readonly signer: ContextSigner,
  ) {
    super({ url });
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    const hub = (context as Partial<GatewayContext>).hub;
    // The gateway itself (health, schema checks) never calls without a viewer; nothing unsigned leaves it.
    if (!hub) throw new Error('subgraph call without a request context');
    const token = await this.signer.sign(this.subgraph, hub, operationHash(request.query ?? '', request.variables));
    request.http?.headers.set(CONTEXT_HEADER, token);
  }

  /**
   * A subgraph answers 400 when a variable does not coerce (an impossible Date). That is the client's
   * mistake, not a failed subgraph: pass on its BAD_USER_INPUT instead of a transport error.
   */
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
