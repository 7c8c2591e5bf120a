import { AuditLog1763800000800 } from './migration.js';

export { AuditLog, type AccessRecord, type Integrity } from './audit-log.js';
export { entryHash, type AuditEntry } from './chain.js';
export const auditMigrations = [AuditLog1763800000800];
