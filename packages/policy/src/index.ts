export { Policy, RequestPolicy } from './policy.js';
export { SECTORS, isSector, type Sector } from './sector.js';
export type { Registration } from './registration.js';
export { denied, type Decision, type AccessBasis } from './decision.js';
export { meetingContextState, type MeetingContextState } from './meeting-context.js';
