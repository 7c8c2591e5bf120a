import type { IncomingHttpHeaders } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { HubContext, Viewer } from '@welfare-hub/context';

/** The header in which a client names the 支援会議 its request is made in. */
const MEETING_HEADER = 'x-hub-meeting';
/** The header in which a client names the 多機関協働 case its request is made for: the recorded purpose of its decisions. */
const CASE_HEADER = 'x-hub-case';

/** The context of one authenticated client request, as every subgraph call made for it is signed with. */
export function requestContext(viewer: Viewer, headers: IncomingHttpHeaders): HubContext {
  const meeting = headers[MEETING_HEADER];
  const caseId = headers[CASE_HEADER];
  return {
    viewer,
    meetingId: typeof meeting === 'string' && meeting !== '' ? meeting : null,
    requestId: randomUUID(),
    caseId: typeof caseId === 'string' && caseId !== '' ? caseId : null,
  };
}

/**
 * A case id names a record, it carries nothing else: the value is written to the audit log as the purpose of every
 * decision, so anything but an id (a name, a note) is refused before any subgraph is called.
 */
export function badCaseHeader(headers: IncomingHttpHeaders): boolean {
  const value = headers[CASE_HEADER];
  return value !== undefined && (typeof value !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/.test(value));
}
