export * from './ledger.js';

import { IngestLedger1763800000000 } from './migration.js';
import { IngestSourceState1763800002000 } from './migration-generation.js';
export const ingestMigrations = [IngestLedger1763800000000, IngestSourceState1763800002000];
export { SourceGenerations, SOURCE_CHANNEL, type GenerationMap, type SourceGeneration } from './generations.js';
export { SourceIngest, type SourceState, type SourceHealthReport, type ReadOutcome } from './source-ingest.js';
