import DataLoader from 'dataloader';
import { parse } from 'graphql';
import type { GraphQLResolverMap } from '@apollo/subgraph';
import type { Policy, RequestPolicy, Sector } from '@welfare-hub/policy';
import { subgraphSdl, type SubgraphName } from '@welfare-hub/schema';
import { noFacts, type SituationFacts } from '@welfare-hub/situations';
import { DateScalar, type SourceHealth, type SubgraphDefinition } from '@welfare-hub/subgraph-host';

export interface SectorContext<P> {
  policy: RequestPolicy;
  profiles: DataLoader<string, P>;
  facts: DataLoader<string, SituationFacts>;
}

export interface SectorSubgraphOptions<P> {
  name: SubgraphName;
  sector: Sector;
  /** The Person field the sector adds (kaigo, shogai, kodomo, konkyu). */
  field: string;
  policy: Policy;
  /** Every person's profile in one read; a person the sector holds nothing about gets an empty profile. */
  loadProfiles(atenaNos: readonly string[]): Promise<Map<string, P>>;
  /** What Household.situations needs of every person, in one read (Person.<field>Facts, internal to the graph). */
  loadFacts(atenaNos: readonly string[]): Promise<Map<string, SituationFacts>>;
  sources(): Promise<Record<string, SourceHealth>>;
}

/**
 * A sector subgraph: extends Person with the sector's profile, shown only on a basis the policy grants. The
 * decision comes first and never reads sector data, so a denial is the same answer at the same cost whether
 * or not the sector holds a record. Profiles are batched per request.
 */
export function sectorSubgraph<P>(options: SectorSubgraphOptions<P>): SubgraphDefinition<SectorContext<P>> {
  const resolvers: GraphQLResolverMap<SectorContext<P>> = {
    Date: DateScalar,
    Person: {
      __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
      [options.field]: async (person: { id: string }, _: unknown, ctx: SectorContext<P>) => {
        const decision = await ctx.policy.decide(person.id, options.sector);
        return decision.status === 'GRANTED' ? ctx.profiles.load(person.id) : null;
      },
      // The same basis as the profile: a situation never rests on what the viewer may not see.
      [`${options.field}Facts`]: async (person: { id: string }, _: unknown, ctx: SectorContext<P>) => {
        const decision = await ctx.policy.decide(person.id, options.sector, 'Household.situations');
        return decision.status === 'GRANTED' ? ctx.facts.load(person.id) : null;
      },
    },
  };
  return {
    name: options.name,
    typeDefs: parse(subgraphSdl(options.name)),
    resolvers,
    context: (hub) => ({
      policy: options.policy.forRequest(hub),
      profiles: new DataLoader(async (ids) => {
        const found = await options.loadProfiles(ids);
        return ids.map((id) => found.get(id)!);
      }),
      facts: new DataLoader(async (ids) => {
        const found = await options.loadFacts(ids);
        return ids.map((id) => found.get(id) ?? noFacts());
      }),
    }),
    sources: options.sources,
  };
}
