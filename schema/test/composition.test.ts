import { committedSubgraphSdl, subgraphSdl, supergraphSdl, withSectorLines } from '../src/index.js';
import { sectors } from '@welfare-hub/sectors';

// The supergraph itself is composed from the registry's subgraphs by the launcher, which knows every sector's SDL:
// launcher/test/supergraph.test.ts keeps schema/supergraph.graphql in step.
describe('the sector-dependent lines of the SDL', () => {
  it.each(['hub', 'juki', 'cases'] as const)('written from the four built-in sectors, are the committed %s.graphql', (name) => {
    expect(subgraphSdl(name)).toBe(committedSubgraphSdl(name));
  });

  it("name a registered sector's facts in the hub's @requires and add it to the enums", () => {
    const extra = { code: 'KYOIKU', field: 'kyoiku', subgraph: 'kyoiku', label: '教育', source: 'kyoiku', linkageSources: ['kyoiku'] };
    const hub = withSectorLines(committedSubgraphSdl('hub'), [...sectors(), extra]);
    expect(hub).toContain('  kyoikuFacts: SituationFacts @external\n');
    expect(hub).toMatch(/konkyuFacts \{[^"]*\} kyoikuFacts \{ periods/);
    expect(hub).toContain('extend enum Sector {\n  KYOIKU\n}');
    expect(hub).toContain('extend enum SourceName {\n  KYOIKU\n}');
  });

  it('leave the committed supergraph a supergraph', () => {
    expect(supergraphSdl()).toContain('person(id: ID!): Person');
  });
});
