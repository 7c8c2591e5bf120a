import { ShogaiSnapshots1763800000400 } from './migration.js';

export { replaceSnapshot } from './snapshots.js';
export { shogaiProfiles, type ShogaiProfile } from './profiles.js';
export const shogaiMigrations = [ShogaiSnapshots1763800000400];
