import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
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
}
