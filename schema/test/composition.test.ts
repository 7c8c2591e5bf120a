import { Kind, parse, print } from 'graphql';
import { committedSubgraphSdl, sectorValueTypesSdl, subgraphSdl, supergraphSdl, withSectorLines } from '../src/index.js';
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

// The hub's SDL file keeps the facts types it @requires, so that it stays a schema codegen and editors can read on its
// own; they are the shared fragment's, definition for definition, so the two cannot drift.
describe("the hub's copy of the sector facts types", () => {
  const definitions = (sdl: string): Map<string, string> =>
    new Map(parse(sdl).definitions.flatMap((d) => (d.kind === Kind.OBJECT_TYPE_DEFINITION ? [[d.name.value, print(d)] as const] : [])));
  it.each(['SituationFacts', 'FactPeriod', 'FactConsultation', 'FactCase'])('%s is the one in sector-values.graphql', (name) => {
    const shared = definitions(sectorValueTypesSdl()).get(name);
    expect(shared).toBeDefined();
    expect(definitions(committedSubgraphSdl('hub')).get(name)).toBe(shared);
  });
});
