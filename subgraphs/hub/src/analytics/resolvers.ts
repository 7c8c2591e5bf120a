import { forbidden } from '@welfare-hub/subgraph-host';
import { situationStatistics, statisticsCsv, type Grouping, type IndexSources, type StatisticsTable } from '@welfare-hub/analytics';
import type { HubContext } from '../resolvers.js';

export interface AnalyticsDeps {
  sources: IndexSources;
  threshold: number;
}

export const analyticsQuery = {
  /** Role analyst. What was asked and by whom is logged before anything is answered. */
  situationStatistics: async (_: unknown, args: { asOf?: string | null; groupBy: Grouping }, ctx: HubContext): Promise<StatisticsTable> => {
    if (!ctx.policy.hasRole('analyst')) throw forbidden();
    const { viewer } = ctx.policy.context;
    await ctx.db.query(`INSERT INTO analytics.query_log (staff_id, org_id, query, arguments) VALUES ($1, $2, 'situationStatistics', $3)`, [
      viewer.staffId, viewer.orgId, JSON.stringify({ asOf: args.asOf ?? null, groupBy: args.groupBy }),
    ]);
    return situationStatistics(ctx.analytics.sources, { asOf: args.asOf ?? null, groupBy: args.groupBy, threshold: ctx.analytics.threshold });
  },
};

export const statisticsTableType = {
  csv: (table: StatisticsTable): string => statisticsCsv(table),
};
