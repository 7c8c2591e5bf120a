export { casesSubgraph, type CasesDeps } from './subgraph.js';
export { casesMigrations } from './migrations/index.js';
export { loadCaseHistory, type HubRecordsWriter } from './demo-history.js';
export { issueCodes, DEFAULT_ISSUES } from './config.js';
export { fundingRule, fundingSector, DEFAULT_FUNDING_RULE, type FundingRule } from './figures/funding-rule.js';
