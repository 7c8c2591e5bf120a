import { parse } from 'graphql';
import type { GraphQLResolverMap } from '@apollo/subgraph';
import type { DataSource } from 'typeorm';
import type { Policy } from '@welfare-hub/policy';
import type { SubgraphDefinition } from '@welfare-hub/subgraph-host';
import { resolvers } from './resolvers/index.js';
import { caseLoaders, type CasesContext } from './context.js';
import { HubRecords } from './hub-records.js';
import type { FundingRule } from './figures/funding-rule.js';
import { sdl } from './sdl.js';

export interface CasesDeps {
  db: DataSource;
  policy: Policy;
  /** The analysts' suppression threshold (HUB_ANALYTICS_THRESHOLD), shared with their other tables. */
  threshold: number;
  /** The 課題 codes assessments may use (HUB_CASE_ISSUES) and the 按分 rule (HUB_CASE_FUNDING_RULE). */
  issues: ReadonlyMap<string, string>;
  fundingRule: FundingRule;
}

/**
 * Case work across agencies (多機関協働) as a subgraph of its own: the team's referrals, cases, plans, decisions,
 * contacts and 参加支援, and the figures of the 実施計画 and 実績報告. Every read of a case is decided by the policy
 * module and recorded in the audit log (packages/policy case-rules.ts).
 */
export function casesSubgraph(deps: CasesDeps): SubgraphDefinition<CasesContext> {
  const hub = new HubRecords(deps.db);
  const { issues } = deps;
  const figures = { threshold: deps.threshold, rule: deps.fundingRule };
  return {
    name: 'cases',
    typeDefs: parse(sdl()),
    // Typed against the SDL by the generated Resolvers (resolvers/index.ts); Apollo's map is looser (no __resolveReference).
    resolvers: resolvers as GraphQLResolverMap<CasesContext>,
    context: (context) => ({ policy: deps.policy.forRequest(context), hub, db: deps.db, issues, figures, loaders: caseLoaders(deps.db) }),
  };
}
