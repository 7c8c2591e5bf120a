// The juki subgraph's resolver types (src/generated/resolvers.ts), generated from its SDL: `npm run codegen`, run by the build.
import { subgraphCodegen } from '../../codegen.base.ts';

export default subgraphCodegen({
  name: 'juki',
  contextType: '../juki-context.js#JukiContext',
  // Sex, ResidentStatus and SourceName stay the SDL's unions: the registry's rows hold codes (1-4) or lower-case names,
  // translated by the resolvers (RESIDENT_STATUS is typed by the generated union).
  enumValues: {},
  // What the resolvers return for each type: the registry's rows.
  mappers: {
    Person: '@welfare-hub/adapter-juki#PersonRow',
    Household: '../household.js#HouseholdView',
  },
});
