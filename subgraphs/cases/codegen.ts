// The cases subgraph's resolver types (src/generated/resolvers.ts), generated from its SDL: `npm run codegen`, run by the build.
import { subgraphCodegen } from '../../codegen.base.ts';

export default subgraphCodegen({
  name: 'cases',
  contextType: '../context.js#CasesContext',
  // The domain's own unions: one source of truth per enum (tools/checks/test/generated-resolvers.test.ts compares their values).
  enumValues: {
    CaseStage: '../stage-machine.js#Stage',
    DecisionKind: '../stage-machine.js#DecisionKind',
    ParticipationState: '../stage-machine.js#ParticipationState',
    CaseVisibility: '@welfare-hub/policy#CaseLevel',
    Sector: '../figures/funding-rule.js#FundingSector',
    IntakeRoute: '../figures/indicators.js#IntakeRoute',
    ReferralState: '../store/referrals.js#ReferralState',
    ContactKind: '../store/case-parts.js#ContactKind',
  },
  // What the resolvers return for each type: the store's rows, seen through the policy.
  mappers: {
    Case: '../resolvers/access.js#CaseView',
    Referral: '../resolvers/access.js#ReferralView',
    Participation: '../resolvers/access.js#ParticipationView',
    Plan: '../store/case-parts.js#PlanRow',
    CaseDecision: '../store/case-parts.js#DecisionRow',
    CaseContact: '../store/case-parts.js#ContactRow',
    Assessment: '../store/case-parts.js#AssessmentRow',
    Host: '../store/case-parts.js#HostRow',
    CaseIndicators: '../figures/indicators.js#CaseIndicators',
    ActivityRow: '../figures/activity.js#ActivityRow',
    CaseAccessRecord: '@welfare-hub/audit#CaseAccessRecord',
    Person: '{ id: string }',
    Organisation: '{ id: string }',
    Consent: '{ id: string }',
  },
});
