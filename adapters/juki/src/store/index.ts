import { JukiPersons1763800000200 } from './migration.js';

export { PersonStore, type PersonRow, type StoredPerson } from './person-store.js';
export const jukiMigrations = [JukiPersons1763800000200];
