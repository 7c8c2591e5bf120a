export { JukiIngest, type JukiIngestOptions, type JukiSourceHealth } from './juki-ingest.js';
export { listJukiFiles, missingDays, type JukiFile } from './folder.js';
export type { FileOutcome } from './apply-file.js';
