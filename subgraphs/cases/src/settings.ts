// What a configuration needs of case work (the issue codes and the funding rule it validates), without the subgraph:
// the launcher's configuration is loaded by every process of a deployment.
export { issueCodes, DEFAULT_ISSUES } from './config.js';
export { fundingRule, DEFAULT_FUNDING_RULE, type FundingRule } from './figures/funding-rule.js';
