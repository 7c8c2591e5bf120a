import { KaigoCopy1763800000700 } from './migration.js';

export { openVendorDb } from './vendor.js';
export { readVendor } from './read.js';
export { checkHihokensha, checkNintei, checkSodan, CARE_LEVELS } from './records.js';
export { kaigoProfiles, type KaigoProfile } from './store.js';
export { KaigoIngest } from './ingest.js';
export const kaigoMigrations = [KaigoCopy1763800000700];
export { kaigoFacts } from './facts.js';
export { kaigoSector } from './sector.js';
