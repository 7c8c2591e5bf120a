import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';

/**
 * The context a request is made in. Every answer depends on it (who asks, in which 支援会議): an answer fetched in one
 * context must never be served from cache in another, or 支援会議-granted sector data would show after the meeting
 * is left. Hence one client, with its own cache, per context: see contextKey.
 */
export interface RequestContext {
  token: string;
  staffId: string;
  meetingId: string | null;
  /** The case a request is made for (x-hub-case, cases.md): set while a case's page is open. */
  caseId?: string | null;
}

export function contextKey(context: RequestContext): string {
  return [context.staffId, context.token, context.meetingId ?? '', context.caseId ?? ''].join('\u0000');
}

/** The token and the meeting go with every request as headers, so the gateway and the policy see them. */
export function createHubClient(context: RequestContext, uri = '/graphql', fetchImpl?: typeof fetch): ApolloClient {
  const headers: Record<string, string> = { authorization: `Bearer ${context.token}` };
  if (context.meetingId) headers['x-hub-meeting'] = context.meetingId;
  if (context.caseId) headers['x-hub-case'] = context.caseId;
  return new ApolloClient({
    link: ApolloLink.from([new HttpLink({ uri, headers, ...(fetchImpl ? { fetch: fetchImpl } : {}) })]),
    cache: new InMemoryCache({
      typePolicies: {
        // A sector profile is an answer about access as much as data: never merged across persons or requests.
        Person: { fields: { access: { merge: false } } },
      },
    }),
    defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
  });
}

/**
 * Hands out the client of the current context; a change of context (another meeting, none, another token) gives a
 * new client with an empty cache and stops the old one, whose cache is dropped with it.
 */
export class ContextClients {
  private current: { key: string; client: ApolloClient } | null = null;
  private base: { key: string; client: ApolloClient } | null = null;

  constructor(
    private readonly uri = '/graphql',
    private readonly fetchImpl?: typeof fetch,
  ) {}

  clientFor(context: RequestContext): ApolloClient {
    const key = contextKey(context);
    if (this.current?.key === key) return this.current.client;
    // Leaving a meeting (or moving to another) drops everything fetched in it.
    this.current?.client.stop();
    void this.current?.client.clearStore();
    this.current = null;
    if (context.meetingId === null && !context.caseId) return this.baseClient(context);
    this.current = { key, client: createHubClient(context, this.uri, this.fetchImpl) };
    return this.current.client;
  }

  /** The client outside any meeting (the viewer, the list of meetings to choose from): its own cache too. */
  baseClient(context: Omit<RequestContext, 'meetingId'>): ApolloClient {
    const key = contextKey({ ...context, meetingId: null });
    if (this.base?.key === key) return this.base.client;
    this.base?.client.stop();
    this.base = { key, client: createHubClient({ ...context, meetingId: null }, this.uri, this.fetchImpl) };
    return this.base.client;
  }
}
