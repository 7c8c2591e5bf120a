import { KodomoRecords1763800000600 } from './migration.js';

export { KodomoClient, KodomoUnavailable, KodomoUnauthorized, type ClientOptions } from './client.js';
export { checkCase, checkChild, KNOWN_CATEGORIES, type Case, type Child } from './records.js';
export { kodomoProfiles, type ChildCase } from './store.js';
export { KodomoIngest } from './ingest.js';
export const kodomoMigrations = [KodomoRecords1763800000600];
export { kodomoFacts } from './facts.js';
export { kodomoCasePeriods, type KodomoCasePeriod } from './case-periods.js';
