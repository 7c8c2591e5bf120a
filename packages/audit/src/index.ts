import { AuditLog1763800000800 } from './migration.js';
import { AuditCheckpoint1763800001100 } from './migration-checkpoint.js';

export { AuditLog, type AccessRecord, type Integrity } from './audit-log.js';
export { entryHash, type AuditEntry } from './chain.js';
export { signCheckpoint, type Checkpoint } from './checkpoint.js';
export { AuditKeeper, auditKeeperConfig, type AuditKeeperConfig } from './keeper.js';
export { auditSigningKey, generateAuditSigningKey, type AuditSigningKey } from './signing-key.js';
export const auditMigrations = [AuditLog1763800000800, AuditCheckpoint1763800001100];
export { caseReadsOf, type CaseAccessRecord } from './case-log.js';
