export { ShogaiIngest, type ShogaiOutcome } from './shogai-ingest.js';
