import { KodomoRecords1763800000600 } from './migration.js';
import { KodomoYoutaikyo1763800013100 } from './migration-youtaikyo.js';

export { KodomoClient, KodomoPastBound, KodomoUnavailable, KodomoUnauthorized, type ClientOptions } from './client.js';
export { checkCase, checkChild, KNOWN_CATEGORIES, type Case, type Child, type Guardian } from './records.js';
export { kodomoProfiles, type ChildCase, type ChildGuardian, type KodomoProfile } from './store.js';
export { KodomoIngest } from './ingest.js';
export const kodomoMigrations = [KodomoRecords1763800000600, KodomoYoutaikyo1763800013100];
export { kodomoFacts } from './facts.js';
export { kodomoCasePeriods, type KodomoCasePeriod } from './case-periods.js';
export { kodomoSector } from './sector.js';
