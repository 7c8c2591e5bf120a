import { Linkage1763800000300 } from './migration.js';
import { LinkagePersonSource1763800001700 } from './migration-person-source.js';

export { Linker, type Identity, type Candidate, type LinkOutcome } from './linker.js';
export { LinkDecisions, type QueueEntry } from './decisions.js';
export { DEFAULT_WEIGHTS, QUEUE_THRESHOLD, weightsFromEnv, type Weights, type MatchField } from './weights.js';
export const linkageMigrations = [Linkage1763800000300, LinkagePersonSource1763800001700];
