export * from './ledger.js';

import { IngestLedger1763800000000 } from './migration.js';
export const ingestMigrations = [IngestLedger1763800000000];
export { SourceIngest, type SourceState, type SourceHealthReport, type ReadOutcome } from './source-ingest.js';
