export { Policy, RequestPolicy } from './policy.js';
export { SECTORS, isSector, registeredSectors, type Sector } from './sector.js';
export type { Registration } from './registration.js';
export { denied, type Decision, type AccessBasis } from './decision.js';
export { releasedCases, releasedFacts, releasedProfile } from './youtaikyo.js';
export type { IdentityRead } from './identity-reads.js';
export { CasePolicy, CASE_AUDIT_SECTOR } from './case-policy.js';
export {
  caseAccess,
  referralAccess,
  recordedPurpose,
  type CaseAccess,
  type CaseBasis,
  type CaseFacts,
  type CaseLevel,
  type CaseViewer,
  type ReferralFacts,
} from './case-rules.js';
export { meetingContextState, type MeetingContextState } from './meeting-context.js';
