import type { DataSource } from 'typeorm';
import type { HubContext } from '@welfare-hub/context';
import { policyFacts, type ActiveConsent, type MeetingKind, type PolicyFacts } from './facts.js';
import type { Registration } from './registration.js';

interface PersonFacts {
  consents: ActiveConsent[];
  inMeeting: boolean;
}

interface Entry {
  expires: number;
  registration: Promise<Registration | null> | null;
  meetingKind: Promise<MeetingKind | null> | null;
  persons: Map<string, Promise<PersonFacts>>;
}

/**
 * The policy's facts read for one client request (the gateway's signed request id, with the viewer and the meeting
 * it names), shared by the subgraphs that serve that request in this process: the five subgraph calls of one
 * household view read the register, consents and meeting once instead of five times. Every client request reads
 * afresh; an entry lives for its request only (ttlMs at most), so a revocation holds from the next request.
 */
export class RequestFactsCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly ttlMs = 5_000) {}

  async facts(db: DataSource, context: HubContext, personIds: readonly string[], today: string): Promise<PolicyFacts> {
    const now = Date.now();
    for (const [key, entry] of this.entries) if (entry.expires <= now) this.entries.delete(key);
    const { viewer, meetingId, requestId } = context;
    const key = `${requestId}\u0000${viewer.staffId}\u0000${viewer.orgId}\u0000${meetingId ?? ''}\u0000${today}`;
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { expires: now + this.ttlMs, registration: null, meetingKind: null, persons: new Map() };
      this.entries.set(key, entry);
    }
    const missing = [...new Set(personIds)].filter((id) => !entry.persons.has(id));
    if (missing.length > 0 || !entry.registration) {
      const read = policyFacts(db, viewer, meetingId, missing, today);
      entry.registration ??= read.then((f) => f.registration);
      entry.meetingKind ??= read.then((f) => f.meetingKind);
      for (const id of missing) {
        entry.persons.set(
          id,
          read.then((f) => ({ consents: f.consents.filter((c) => c.personId === id), inMeeting: f.inMeeting.has(id) })),
        );
      }
      // A failed read is not kept: the next subgraph call of the request reads again.
      read.catch(() => this.entries.delete(key));
    }
    const registration = await entry.registration!;
    const meetingKind = await entry.meetingKind!;
    const persons = await Promise.all(personIds.map((id) => entry.persons.get(id)!));
    return {
      registration,
      consents: persons.flatMap((p) => p.consents),
      inMeeting: new Set(personIds.filter((_, i) => persons[i]!.inMeeting)),
      meetingKind,
    };
  }
}
