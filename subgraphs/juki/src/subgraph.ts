import { parse } from 'graphql';
import type { GraphQLResolverMap } from '@apollo/subgraph';
import type { Policy } from '@welfare-hub/policy';
import type { SourceHealth, SubgraphDefinition } from '@welfare-hub/subgraph-host';
import type { JukiIngest } from '@welfare-hub/adapter-juki';
import { createLoaders } from './loaders.js';
import { resolvers } from './resolvers.js';
import type { JukiContext } from './juki-context.js';
import { IdentityLog } from './identity-log.js';
import { sdl } from './sdl.js';

/** 住民記録 as a subgraph: persons and registered 世帯, read from the juki extract by the adapter. */
export function jukiSubgraph(deps: { ingest: JukiIngest; policy: Policy }): SubgraphDefinition<JukiContext> {
  return {
    name: 'juki',
    typeDefs: parse(sdl()),
    // Typed against the SDL by the generated Resolvers (resolvers.ts); Apollo's map is looser (no __resolveReference).
    resolvers: resolvers as GraphQLResolverMap<JukiContext>,
    context: (hub) => {
      const policy = deps.policy.forRequest(hub);
      return {
        policy,
        loaders: createLoaders(deps.ingest.persons),
        store: deps.ingest.persons,
        ingest: deps.ingest,
        identity: new IdentityLog(policy, deps.ingest.persons),
      };
    },
    sources: async (): Promise<Record<string, SourceHealth>> => ({ juki: await deps.ingest.health() }),
  };
}
