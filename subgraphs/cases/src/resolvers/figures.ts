import { badInput, forbidden } from '@welfare-hub/subgraph-host';
import { logAnalystQuery } from '@welfare-hub/analytics';
import type { CasesContext } from '../context.js';
import type { CaseIndicatorsResolvers, QueryResolvers } from '../generated/resolvers.js';
import { caseIndicators, indicatorsCsv } from '../figures/indicators.js';
import { activityCsv, activityGrid, activityTable, attribute, monthActivities, monthBounds } from '../figures/activity.js';
import { subjectAttributes } from '../figures/subject-attributes.js';
import { describeRule } from '../figures/funding-rule.js';
import { activityWorkbook } from '../figures/workbook.js';

/** Role analyst only: counts, never a person; what was asked, and by whom, is logged before anything is answered. */
async function asAnalyst(ctx: CasesContext, query: string, args: object): Promise<void> {
  if (!ctx.policy.hasRole('analyst')) throw forbidden('Figures are for the role analyst');
  await logAnalystQuery(ctx.db, ctx.policy.context.viewer, query, args);
}

export const figureQueries: QueryResolvers = {
  caseIndicators: async (_, args, ctx) => {
    if (args.from > args.to) throw badInput('to', 'to is before from');
    const years = (Date.parse(args.to) - Date.parse(args.from)) / (365.25 * 86_400_000);
    if (years > 10) throw badInput('to', 'A period of at most ten years');
    await asAnalyst(ctx, 'caseIndicators', args);
    return caseIndicators(ctx.db, args, ctx.figures.threshold, await ctx.hub.sectorsByOrganisation());
  },

  /** 実績報告 of a month by funding sector (按分), as rows, CSV and an .xlsx workbook. */
  activityReport: async (_, args, ctx) => {
    if (!monthBounds(args.month)) throw badInput('month', "month is 'YYYY-MM'");
    await asAnalyst(ctx, 'activityReport', args);
    const activities = await monthActivities(ctx.db, args.month);
    const subject = await subjectAttributes(
      ctx.db,
      activities.flatMap((a) => (a.personId ? [a.personId] : [])),
    );
    const table = activityTable(attribute(activities, subject, ctx.figures.rule), ctx.figures.threshold);
    const grid = activityGrid(table);
    const rule = describeRule(ctx.figures.rule);
    return {
      month: args.month,
      rows: table.rows,
      totals: table.totals,
      rule,
      threshold: ctx.figures.threshold,
      csv: activityCsv(grid),
      xlsx: await activityWorkbook(args.month, grid, rule, ctx.figures.threshold),
    };
  },
};

export const caseIndicatorsType: CaseIndicatorsResolvers = {
  csv: (i) => indicatorsCsv(i),
};
