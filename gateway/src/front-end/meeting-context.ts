import type { ServerResponse } from 'node:http';
import { CONTEXT_HEADER, operationHash, type ContextSigner, type HubContext } from '@welfare-hub/context';
import { sendJson } from '@welfare-hub/http';
import { subgraphCalls } from '@welfare-hub/metrics';
import { SubgraphClient, type SubgraphReply } from '../subgraph-client.js';

/** The extensions.code of a request refused for the meeting it names: its own, so a client can tell it apart. */
export const MEETING_CONTEXT_INVALID = 'MEETING_CONTEXT_INVALID';

const QUERY = 'query GatewayMeetingContext { meetingContextState }';

type State = 'NONE' | 'USABLE' | 'NOT_OPEN' | 'UNAVAILABLE';

/**
 * A request that names a 支援会議 in x-hub-meeting runs only if the viewer may work in it now; otherwise it is refused
 * whole, before any subgraph is asked for data, rather than run without the meeting (which would look like "nothing
 * more to see"). The hub subgraph decides (packages/policy, meeting-context.ts) on a call signed like any other.
 */
export class MeetingContextCheck {
  private readonly client: SubgraphClient;

  constructor(
    hubUrl: string,
    private readonly signer: ContextSigner,
    timeoutMs: number,
  ) {
    this.client = new SubgraphClient(new URL(hubUrl), timeoutMs);
  }

  async state(hub: HubContext): Promise<State> {
    if (hub.meetingId === null) return 'NONE';
    const body = JSON.stringify({ query: QUERY, variables: {} });
    // Counted with the planned calls: the benchmark's "subgraph calls per view" includes this one.
    let reply: SubgraphReply;
    try {
      reply = await this.client.post(body, {
        'content-type': 'application/json',
        [CONTEXT_HEADER]: await this.signer.sign('hub', hub, operationHash(QUERY, {})),
      });
    } catch (error) {
      subgraphCalls.inc({ subgraph: 'hub', outcome: 'error' });
      throw error;
    }
    subgraphCalls.inc({ subgraph: 'hub', outcome: reply.status >= 500 ? 'error' : 'ok' });
    if (reply.status !== 200) throw new Error(`meeting context check answered ${reply.status}`);
    const state = (JSON.parse(reply.text) as { data?: { meetingContextState?: State } }).data?.meetingContextState;
    if (!state) throw new Error('meeting context check answered no state');
    return state;
  }
}

/** 403 with a GraphQL-shaped error in the media type the client asked for (GraphQL over HTTP). */
export function refuseMeetingContext(
  res: ServerResponse,
  state: Exclude<State, 'NONE' | 'USABLE'>,
  accept: string | undefined,
  requestId: string,
): void {
  const message =
    state === 'NOT_OPEN'
      ? 'The meeting named in x-hub-meeting is not open now: send the request without it, or in an open meeting'
      : 'x-hub-meeting names no open meeting of which you are a full member';
  const type = (accept ?? '').includes('application/graphql-response+json')
    ? 'application/graphql-response+json; charset=utf-8'
    : 'application/json; charset=utf-8';
  sendJson(
    res,
    403,
    { errors: [{ message, extensions: { code: MEETING_CONTEXT_INVALID, reason: state } }] },
    { 'content-type': type, 'x-request-id': requestId },
  );
}
