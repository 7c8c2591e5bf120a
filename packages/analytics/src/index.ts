import { AnalyticsIndex1763800001300 } from './migration.js';
import { AnalyticsIndicators1763800001500 } from './migration-indicators.js';
import { AnalyticsProvenance1763800002200 } from './migration-provenance.js';

export { buildIndex, indexHouseholds, type FactsLoader, type IndexSources } from './index-builder.js';
export { pseudonym, pseudonymKey } from './pseudonym.js';
export {
  AGE_BANDS,
  SITUATION_KINDS,
  situationStatistics,
  statisticsCsv,
  type Grouping,
  type StatisticsRow,
  type StatisticsTable,
} from './statistics.js';
export { DEFAULT_SUPPRESSION_THRESHOLD, MIN_SUPPRESSION_THRESHOLD, suppressList, suppressTable } from './suppression.js';
export { indicatorCsv, indicators, type IndicatorTable } from './indicators.js';
export const analyticsMigrations = [AnalyticsIndex1763800001300, AnalyticsIndicators1763800001500, AnalyticsProvenance1763800002200];
export { indexProvenance, sourcesReadAt, type IndexProvenance, type SourceSnapshot } from './provenance.js';
export { storeIndexSources, type FactsReader } from './sources.js';
export { IndexRefresher } from './refresher.js';
export { csvText } from './csv.js';
export { logAnalystQuery } from './query-log.js';
