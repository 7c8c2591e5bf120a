import { JukiPersons1763800000200 } from './migration.js';
import { JukiSochi1763800013100 } from './sochi-migration.js';
import { JukiViews1763800013400 } from './views-migration.js';

export { PersonStore, addressWithheldIds, type PersonRow, type StoredPerson } from './person-store.js';
export { SochiStore, SOCHI_IN_FORCE, ADDRESS_WITHHELD, type SochiListInForce } from './sochi-store.js';
export const jukiMigrations = [JukiPersons1763800000200, JukiSochi1763800013100, JukiViews1763800013400];
