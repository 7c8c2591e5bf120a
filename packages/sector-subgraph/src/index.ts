import DataLoader from 'dataloader';
import { parse } from 'graphql';
import type { GraphQLResolverMap } from '@apollo/subgraph';
import type { Decision, Policy, RequestPolicy, Sector } from '@welfare-hub/policy';
import { profileTypeName, sectorSubgraphSdl } from '@welfare-hub/schema';
import { noFacts, type SituationFacts } from '@welfare-hub/situations';
import { DateScalar, DateTimeScalar, type SourceHealth, type SubgraphDefinition } from '@welfare-hub/subgraph-host';
import { todayInTokyo } from '@welfare-hub/codec';
import type { DataSource } from 'typeorm';
import type { SectorModule, SectorSource } from './module.js';

export { connectIngest, type IngestSettings, type SectorDemo, type SectorModule, type SectorSource, type SectorSourceDeps } from './module.js';

export interface SectorContext<P> {
  policy: RequestPolicy;
  profiles: DataLoader<string, P>;
  facts: DataLoader<string, SituationFacts>;
  /** The organisation registered as holding the sector, read once per request. */
  lead(): Promise<LeadOrganisation | null>;
  /** The last successful read of the sector's sources, once per request. */
  sourceReadAt(): Promise<string | null>;
}

interface LeadOrganisation {
  id: string;
  name: string;
  contact: string | null;
}

/** A profile as the sector gives it, with the person it is about and the decision it was shown on (not in the schema: for the fields below). */
type Revealed<P> = P & { personId: string; decision: Decision };

/** The latest date in the person's sector records, up to the reference day. */
function lastInvolvement(facts: SituationFacts, today: string): string | null {
  const dates = [
    ...facts.periods.map((p) => p.from),
    ...facts.consultations.map((c) => c.date),
    ...facts.cases.flatMap((c) => [c.openedOn, c.closedOn]),
  ].filter((d): d is string => d !== null && d <= today);
  return dates.length ? dates.reduce((a, b) => (a > b ? a : b)) : null;
}

export interface SectorSubgraphOptions<P> {
  name: string;
  sector: Sector;
  /** The subgraph's own SDL; the sector value types are added to it (schema/subgraphs/sector-values.graphql). */
  sdl: string;
  /** The Person field the sector adds (kaigo, shogai, kodomo, konkyu). */
  field: string;
  policy: Policy;
  /** Every person's profile in one read; a person the sector holds nothing about gets an empty profile. */
  loadProfiles(atenaNos: readonly string[]): Promise<Map<string, P>>;
  /** What Household.situations needs of every person, in one read (Person.<field>Facts, internal to the graph). */
  loadFacts(atenaNos: readonly string[]): Promise<Map<string, SituationFacts>>;
  sources(): Promise<Record<string, SourceHealth>>;
  /** The hub's store, for the register's lead organisation. */
  db: DataSource;
  /**
   * What of a granted profile and its facts the decision releases, where a basis does not release the whole sector (kodomo:
   * a 要対協 case, access rule 4). Applied to everything that leaves the subgraph: the profile, the facts the situations rest
   * on, and the dates derived from them. Without it, the sector is released whole.
   */
  release?: { profile(profile: P, decision: Decision): P; facts(facts: SituationFacts, decision: Decision): SituationFacts };
}

/**
 * A sector subgraph: extends Person with the sector's profile, shown only on a basis the policy grants. The
 * decision comes first and never reads sector data, so a denial is the same answer at the same cost whether
 * or not the sector holds a record. Profiles are batched per request.
 */
export function sectorSubgraph<P>(options: SectorSubgraphOptions<P>): SubgraphDefinition<SectorContext<P>> {
  const releaseProfile = (p: P, d: Decision): P => (options.release ? options.release.profile(p, d) : p);
  const releaseFacts = (f: SituationFacts, d: Decision): SituationFacts => (options.release ? options.release.facts(f, d) : f);
  const resolvers: GraphQLResolverMap<SectorContext<P>> = {
    Date: DateScalar,
    DateTime: DateTimeScalar,
    Person: {
      __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
      [options.field]: (person: { id: string }, _: unknown, ctx: SectorContext<P>) =>
        ctx.policy.reveal(person.id, options.sector, `Person.${options.field}`, async (decision): Promise<Revealed<P>> => ({
          ...releaseProfile(await ctx.profiles.load(person.id), decision),
          personId: person.id,
          decision,
        })),
      // The same basis as the profile: a situation never rests on what the viewer may not see.
      [`${options.field}Facts`]: (person: { id: string }, _: unknown, ctx: SectorContext<P>) =>
        ctx.policy.reveal(person.id, options.sector, 'Household.situations', async (decision) =>
          releaseFacts(await ctx.facts.load(person.id), decision),
        ),
    },
  };
  // On the profile, so shown on the profile's basis only: who leads, when the sector last saw the person, how fresh.
  resolvers[profileTypeName(options.field)] = {
    // The fields every profile has (PROFILE_FIELD_NAMES, added to its SDL by @welfare-hub/schema); the reader gives the others.
    lead: (_: Revealed<P>, __: unknown, ctx: SectorContext<P>) => ctx.lead(),
    lastInvolvementOn: async (profile: Revealed<P>, _: unknown, ctx: SectorContext<P>) =>
      lastInvolvement(releaseFacts(await ctx.facts.load(profile.personId), profile.decision), todayInTokyo()),
    sourceReadAt: (_: Revealed<P>, __: unknown, ctx: SectorContext<P>) => ctx.sourceReadAt(),
  };
  const once = <T>(read: () => Promise<T>): (() => Promise<T>) => {
    let value: Promise<T> | undefined;
    return () => (value ??= read());
  };
  return {
    name: options.name,
    typeDefs: parse(sectorSubgraphSdl(options.sdl, options.field)),
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
      lead: once(async () => {
        const [org]: LeadOrganisation[] = await options.db.query(
          `SELECT id, name, contact FROM hub.registered_organisation WHERE $1 = ANY(sectors) ORDER BY id LIMIT 1`,
          [options.sector],
        );
        return org ?? null;
      }),
      sourceReadAt: once(async () => {
        const reads = Object.values(await options.sources()).map((h) => h.lastSuccessfulReadAt ?? null);
        return reads.length === 0 || reads.includes(null) ? null : reads.reduce((a, b) => (a! < b! ? a : b));
      }),
    }),
    sources: options.sources,
  };
}

/** A registered sector as its subgraph: the one descriptor-driven sector subgraph every sector is served by. */
export function moduleSubgraph<P>(
  module: SectorModule<P, never>,
  deps: { db: DataSource; policy: Policy; source: Pick<SectorSource, 'health'> },
): SubgraphDefinition<SectorContext<P>> {
  return sectorSubgraph<P>({
    name: module.info.subgraph,
    sector: module.info.code,
    field: module.info.field,
    sdl: module.sdl,
    policy: deps.policy,
    db: deps.db,
    loadProfiles: (ids) => module.profiles(deps.db, ids, todayInTokyo()),
    loadFacts: (ids) => module.facts(deps.db, ids),
    sources: async (): Promise<Record<string, SourceHealth>> => ({ [module.info.source]: await deps.source.health() }),
    ...(module.release ? { release: module.release } : {}),
  });
}
