import { Linkage1763800000300 } from './migration.js';
import { LinkagePersonSource1763800001700 } from './migration-person-source.js';
import { LinkageWaitingIdentity1763800002100 } from './migration-identity.js';
import { LinkageLinkedRecord1763800013600 } from './migration-linked-record.js';

export { Linker, type Identity, type Candidate, type LinkOutcome } from './linker.js';
export { LinkDecisions, type QueueEntry } from './decisions.js';
export { DEFAULT_WEIGHTS, MATCH_FIELDS, QUEUE_THRESHOLD, type Weights, type MatchField } from './weights.js';
export const linkageMigrations = [
  Linkage1763800000300,
  LinkagePersonSource1763800001700,
  LinkageWaitingIdentity1763800002100,
  LinkageLinkedRecord1763800013600,
];
