import DataLoader from 'dataloader';
import { parse } from 'graphql';
import type { GraphQLResolverMap } from '@apollo/subgraph';
import type { DataSource } from 'typeorm';
import { shogaiProfiles, type ShogaiIngest, type ShogaiProfile } from '@welfare-hub/adapter-shogai';
import type { Policy, RequestPolicy } from '@welfare-hub/policy';
import { subgraphSdl } from '@welfare-hub/schema';
import { DateScalar, type SourceHealth, type SubgraphDefinition } from '@welfare-hub/subgraph-host';

interface ShogaiContext {
  policy: RequestPolicy;
  profiles: DataLoader<string, ShogaiProfile>;
}

function todayInTokyo(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(new Date());
}

const resolvers: GraphQLResolverMap<ShogaiContext> = {
  Date: DateScalar,
  Person: {
    __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
    // The decision comes first and never looks at 障害 data: a denial costs the same with or without a record.
    shogai: async (person: { id: string }, _: unknown, ctx: ShogaiContext) => {
      const decision = await ctx.policy.decide(person.id, 'SHOGAI');
      return decision.status === 'GRANTED' ? ctx.profiles.load(person.id) : null;
    },
  },
};

/** 障害 as a subgraph: Person.shogai from the 障害者福祉システム's exports, on a lawful basis only. */
export function shogaiSubgraph(deps: { db: DataSource; ingest: ShogaiIngest; policy: Policy }): SubgraphDefinition<ShogaiContext> {
  return {
    name: 'shogai',
    typeDefs: parse(subgraphSdl('shogai')),
    resolvers,
    context: (hub) => ({
      policy: deps.policy.forRequest(hub),
      // One read of the sector for every person of a request, whatever the query's shape.
      profiles: new DataLoader(async (ids) => {
        const found = await shogaiProfiles(deps.db, ids, todayInTokyo());
        return ids.map((id) => found.get(id)!);
      }),
    }),
    sources: async (): Promise<Record<string, SourceHealth>> => ({ shogai: (await deps.ingest.health()) as SourceHealth }),
  };
}
