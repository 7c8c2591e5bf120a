import { forbidden } from '@welfare-hub/subgraph-host';
import { todayInTokyo } from '@welfare-hub/codec';
import { indicatorCsv, indicators, logAnalystQuery, situationStatistics, statisticsCsv } from '@welfare-hub/analytics';
import type { HubContext } from '../hub-context.js';
import type { IndicatorTableResolvers, QueryResolvers, StatisticsTableResolvers } from '../generated/resolvers.js';

/** Role analyst; what was asked, and by whom, is logged before anything is answered. */
async function asAnalyst(ctx: HubContext, query: string, args: object): Promise<void> {
  if (!ctx.policy.hasRole('analyst')) throw forbidden();
  const { viewer } = ctx.policy.context;
  await logAnalystQuery(ctx.db, viewer, query, args);
}

export const analyticsQuery: QueryResolvers = {
  indicators: async (_, __, ctx) => {
    await asAnalyst(ctx, 'indicators', {});
    return indicators(ctx.db, ctx.analytics.threshold);
  },
  situationStatistics: async (_, args, ctx) => {
    await asAnalyst(ctx, 'situationStatistics', { asOf: args.asOf ?? null, groupBy: args.groupBy });
    return situationStatistics(ctx.analytics.sources, {
      asOf: args.asOf ?? null,
      groupBy: args.groupBy,
      threshold: ctx.analytics.threshold,
      today: todayInTokyo(),
    });
  },
};

export const indicatorTableType: IndicatorTableResolvers = {
  csv: (table) => indicatorCsv(table),
};

export const statisticsTableType: StatisticsTableResolvers = {
  csv: (table) => statisticsCsv(table),
};
