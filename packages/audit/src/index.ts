import { AuditLog1763800000800 } from './migration.js';
import { AuditCheckpoint1763800001100 } from './migration-checkpoint.js';
import { AuditIdentityReads1763800013000 } from './migration-identity.js';
import { AuditCheckpointChain1763800013100 } from './migration-checkpoint-chain.js';

export { AuditLog } from './audit-log.js';
export { entryHash, type AuditEntry, type EntryAction } from './chain.js';
export { exportCheckpoint, importCheckpoint, type Checkpoint } from './checkpoint.js';
export { verifyChain, type AuditProblem, type Integrity, type KnownHead } from './verify.js';
export {
  AuditRecords,
  NoSuchRecord,
  type AccessRecord,
  type Disclosure,
  type IdentityAccessRecord,
  type Restriction,
  type Restrictor,
} from './records.js';
export { decisionPurpose, identityPurpose } from './purpose.js';
export { AuditHeadRefused, AuditKeeper, BadExportedHead, type AuditKeeperConfig } from './keeper.js';
export { FileWitness, type ObservedHead, type Witness, type WitnessState } from './witness.js';
export { auditSigningKey, generateAuditSigningKey, type AuditSigningKey } from './signing-key.js';
export const auditMigrations = [
  AuditLog1763800000800,
  AuditCheckpoint1763800001100,
  AuditIdentityReads1763800013000,
  AuditCheckpointChain1763800013100,
];
export { caseReadsOf, type CaseAccessRecord } from './case-log.js';
export { ownSectorGrants } from './grant-count.js';
