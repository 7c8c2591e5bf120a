import { ContextUsedSignature1763800002300 } from './1763800002300-used-signature.js';

export const contextMigrations = [ContextUsedSignature1763800002300];
