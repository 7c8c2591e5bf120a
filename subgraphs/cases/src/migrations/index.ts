import { CasesRecords1763800002600 } from './1763800002600-cases.js';

export const casesMigrations = [CasesRecords1763800002600];
