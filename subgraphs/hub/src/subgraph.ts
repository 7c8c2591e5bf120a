import { parse } from 'graphql';
import type { GraphQLResolverMap } from '@apollo/subgraph';
import type { DataSource } from 'typeorm';
import type { Policy } from '@welfare-hub/policy';
import type { SubgraphDefinition } from '@welfare-hub/subgraph-host';
import { resolvers } from './resolvers.js';
import type { AnalyticsDeps, HubContext } from './hub-context.js';
import { Register } from './register/register.js';
import { LinkDecisions } from '@welfare-hub/linkage';
import { AuditLog, AuditRecords, type AuditKeeper } from '@welfare-hub/audit';
import { Consents } from './consent/consents.js';
import { Meetings } from './meeting/meetings.js';
import { MeetingReview } from './meeting/review.js';
import { RegisterHistory } from './register/history.js';
import { sdl } from './sdl.js';

/** The hub's own records as a subgraph: organisations, staff, and the ledger of source reads. */
export function hubSubgraph(deps: {
  db: DataSource;
  policy: Policy;
  keeper: AuditKeeper;
  analytics: AnalyticsDeps;
  consentOwnAge: number;
}): SubgraphDefinition<HubContext> {
  const register = new Register(deps.db);
  const decisions = new LinkDecisions(deps.db);
  const audit = new AuditLog(deps.db);
  const records = new AuditRecords(deps.db, audit);
  const consents = new Consents(deps.db);
  const meetings = new Meetings(deps.db);
  const meetingReview = new MeetingReview(deps.db, meetings);
  const registerHistory = new RegisterHistory(deps.db);
  return {
    name: 'hub',
    typeDefs: parse(sdl()),
    // Typed against the SDL by the generated Resolvers (resolvers.ts); Apollo's map is looser (no __resolveReference).
    resolvers: resolvers as GraphQLResolverMap<HubContext>,
    context: (hub) => ({
      policy: deps.policy.forRequest(hub),
      register,
      decisions,
      audit,
      records,
      keeper: deps.keeper,
      consents,
      meetings,
      meetingReview,
      registerHistory,
      db: deps.db,
      analytics: deps.analytics,
      consentOwnAge: deps.consentOwnAge,
    }),
  };
}
