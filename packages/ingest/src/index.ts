export * from './ledger.js';

import { IngestLedger1763800000000 } from './migration.js';
import { IngestSourceState1763800002000 } from './migration-generation.js';
import { IngestHolds1764200000000 } from './migration-holds.js';
export const ingestMigrations = [IngestLedger1763800000000, IngestSourceState1763800002000, IngestHolds1764200000000];
export { SourceGenerations, SOURCE_CHANNEL, type GenerationMap, type SourceGeneration } from './generations.js';
export { SourceIngest, type SourceState, type SourceHealthReport, type ReadOutcome } from './source-ingest.js';
export { DEFAULT_INGEST_CONFIG, type IngestConfig } from './config.js';
export {
  listDropFolder,
  openDropFile,
  readFrom,
  DropUnreadable,
  type DropFile,
  type DropFileSpec,
  type RefusedDrop,
  type DropListing,
} from './drop-folder.js';
export { DropDiscipline, type Seen } from './drop-discipline.js';
export { BOUNDS, PastBound, pastBound, textPastBound, readWithin, zipPastBounds, type ZipBounds } from './bounds.js';
export {
  acceptHeldRead,
  acceptances,
  commonestReason,
  holdReason,
  Holds,
  HOLD_MIN_RECORDS,
  HOLD_SUFFIX,
  ACCEPTANCE_POLL_MS,
  type AcceptOutcome,
  type ReadCounts,
} from './hold.js';
export { OpenProblems, type ProblemKind } from './problems.js';
export { withDeadline, ReadTimedOut } from './deadline.js';
export { sha256Of } from './sha256.js';
