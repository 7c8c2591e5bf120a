// The hub subgraph's resolver types (src/generated/resolvers.ts), generated from its SDL: `npm run codegen`, run by the build.
import { subgraphCodegen } from '../../codegen.base.ts';

export default subgraphCodegen({
  name: 'hub',
  contextType: '../hub-context.js#HubContext',
  // The domain's own unions: one source of truth per enum (test/enums.test.ts compares their values). SourceName,
  // ConsentMethod, ConsentStatus and AccessStatus stay the SDL's: the ledger names sources in lower case.
  enumValues: {
    Sector: '@welfare-hub/policy#Sector',
    AccessBasis: '@welfare-hub/policy#AccessBasis',
    MeetingContextState: '@welfare-hub/policy#MeetingContextState',
    Grouping: '@welfare-hub/analytics#Grouping',
    AuditProblem: '@welfare-hub/audit#AuditProblem',
    SituationKind: '@welfare-hub/situations#SituationKind',
    MeetingRole: '../meeting/meetings.js#MeetingRole',
    MeetingFlag: '../meeting/review.js#MeetingFlag',
    GuardianRelationship: '../consent/guardian.js#GuardianRelationship',
    ConsentFlag: '../consent/consents.js#ConsentFlag',
    RegisterEntity: '../register/history.js#RegisterEntity',
    RegisterChangeFlag: '../register/history.js#RegisterChangeFlag',
  },
  // What the resolvers return for each type: the hub's records and the packages' rows.
  mappers: {
    SupportMeeting: '../meeting/meetings.js#Meeting',
    MeetingMember: '../meeting/meetings.js#MeetingMember',
    Concern: '../meeting/meetings.js#Concern',
    Consent: '../consent/consents.js#ConsentRecord',
    Guardian: '../consent/guardian.js#Guardian',
    Organisation: '../register/register.js#Organisation',
    Staff: '../register/register.js#Staff',
    RegisterChange: '../register/history.js#RegisterChange',
    Household: '../situations/household.js#HouseholdWithFacts',
    Viewer: '../register/register.js#ViewerRecord',
    Person: '{ id: string }',
    StatisticsTable: '@welfare-hub/analytics#StatisticsTable',
    IndicatorTable: '@welfare-hub/analytics#IndicatorTable',
    AuditIntegrity: '@welfare-hub/audit#Integrity',
    AccessRecord: '@welfare-hub/audit#AccessRecord',
    IdentityAccessRecord: '@welfare-hub/audit#IdentityAccessRecord',
  },
});
