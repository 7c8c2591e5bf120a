import type { IncomingHttpHeaders } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { HubContext, Viewer } from '@welfare-hub/context';

/** The header in which a client names the 支援会議 its request is made in. */
const MEETING_HEADER = 'x-hub-meeting';

/** The context of one authenticated client request, as every subgraph call made for it is signed with. */
export function requestContext(viewer: Viewer, headers: IncomingHttpHeaders): HubContext {
  const meeting = headers[MEETING_HEADER];
  return { viewer, meetingId: typeof meeting === 'string' && meeting !== '' ? meeting : null, requestId: randomUUID() };
}
