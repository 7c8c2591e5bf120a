export { noFacts, type SituationFacts } from './facts.js';
export { householdSituations, involvement, SECTORS, type MemberFacts, type Sector, type Situation, type SituationKind } from './rules.js';
export { DEFAULT_THRESHOLDS, type SituationThresholds } from './thresholds.js';
