// The hub subgraph's per-request context, in a module of its own so that the resolvers of each area can name it
// without importing `resolvers.ts`, which imports them all (an import cycle). It imports types only.
import type { DataSource } from 'typeorm';
import type { RequestPolicy } from '@welfare-hub/policy';
import type { LinkDecisions } from '@welfare-hub/linkage';
import type { AuditKeeper, AuditLog, AuditRecords } from '@welfare-hub/audit';
import type { IndexSources } from '@welfare-hub/analytics';
import type { MeetingReview } from './meeting/review.js';
import type { Meetings } from './meeting/meetings.js';
import type { Consents } from './consent/consents.js';
import type { Register } from './register/register.js';
import type { RegisterHistory } from './register/history.js';

/** What the analytics resolvers read from, given when the hub starts. */
export interface AnalyticsDeps {
  sources: IndexSources;
  threshold: number;
}

export interface HubContext {
  policy: RequestPolicy;
  register: Register;
  decisions: LinkDecisions;
  audit: AuditLog;
  records: AuditRecords;
  keeper: AuditKeeper;
  consents: Consents;
  meetings: Meetings;
  meetingReview: MeetingReview;
  registerHistory: RegisterHistory;
  db: DataSource;
  analytics: AnalyticsDeps;
  /** Below this age a consent is given by a representative (HUB_CONSENT_OWN_AGE). */
  consentOwnAge: number;
}
