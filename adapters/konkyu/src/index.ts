import { KonkyuLedger1763800000500 } from './migration.js';

export { readLedger, COLUMNS, CONCERNS, SHEET, type KonkyuRow, type Ledger } from './ledger.js';
export { applyLedger, konkyuProfiles, type KonkyuConsultation } from './store.js';
export { KonkyuIngest, KONKYU_FILES, parseKonkyuFileName } from './ingest.js';
export const konkyuMigrations = [KonkyuLedger1763800000500];
export { konkyuFacts } from './facts.js';
export { konkyuSector } from './sector.js';
