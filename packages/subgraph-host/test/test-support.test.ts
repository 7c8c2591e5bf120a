import { parse } from 'graphql';
import type { HubContext } from '@welfare-hub/context';
import type { SubgraphDefinition } from '../src/index.js';
import { inProcessSubgraph } from '../src/test-support.js';

// A subgraph whose answers echo the context it was given: the helper must hand the viewer to context() unchanged.
const definition: SubgraphDefinition<{ hub: HubContext }> = {
  name: 'shogai',
  typeDefs: parse(`
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
    type Query { me: String, roles: [String!]!, meeting: String }
    type Person @key(fields: "id") { id: ID!, seenBy: String }`),
  resolvers: {
    Query: {
      me: (_: unknown, __: unknown, ctx: { hub: HubContext }) => `${ctx.hub.viewer.staffId}@${ctx.hub.viewer.orgId}`,
      roles: (_: unknown, __: unknown, ctx: { hub: HubContext }) => ctx.hub.viewer.roles,
      meeting: (_: unknown, __: unknown, ctx: { hub: HubContext }) => ctx.hub.meetingId,
    },
    Person: {
      __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
      seenBy: (p: { id: string }, _: unknown, ctx: { hub: HubContext }) => `${p.id}:${ctx.hub.viewer.staffId}`,
    },
  },
  context: (hub) => ({ hub }),
};

describe('inProcessSubgraph', () => {
  const subgraph = inProcessSubgraph(definition);

  it('gives the operation the viewer, roles and meeting the test states', async () => {
    const result = await subgraph.run({ staffId: 's1', orgId: 'O', roles: ['coordinator'], meetingId: 'M1' }, '{ me roles meeting }');
    expect(result).toEqual({ data: { me: 's1@O', roles: ['coordinator'], meeting: 'M1' } });
  });

  it('defaults to no roles and no meeting', async () => {
    expect((await subgraph.run({ staffId: 's2', orgId: 'P' }, '{ roles meeting }')).data).toEqual({ roles: [], meeting: null });
  });

  it('answers _entities in the order of the representations, as the gateway expects', async () => {
    const result = await subgraph.entities(
      { staffId: 's3', orgId: 'O' },
      [
        { __typename: 'Person', id: 'b' },
        { __typename: 'Person', id: 'a' },
      ],
      '... on Person { id seenBy }',
    );
    expect(result.data?._entities).toEqual([
      { id: 'b', seenBy: 'b:s3' },
      { id: 'a', seenBy: 'a:s3' },
    ]);
  });

  it('returns validation errors instead of executing an operation the schema does not have', async () => {
    const result = await subgraph.run({ staffId: 's1', orgId: 'O' }, '{ nobody }');
    expect(result.data).toBeUndefined();
    expect(result.errors?.map((e) => e.message)).toEqual(['Cannot query field "nobody" on type "Query".']);
  });
});
