import { Kind, parse, print } from 'graphql';
import { sectorValueTypesSdl, withSectorLines } from '@welfare-hub/schema';
import { sectors } from '@welfare-hub/sectors';
import { committedSdl } from '../src/sdl.js';

// The hub's SDL (schema.graphql beside the package) and what the registry writes into it. That the served SDL of the
// four built-in sectors is the committed file, for hub, juki and cases, is in launcher/test/supergraph.test.ts.
describe("the sector-dependent lines of the hub's SDL", () => {
  it("name a registered sector's facts in the hub's @requires and add it to the enums", () => {
    const extra = { code: 'KYOIKU', field: 'kyoiku', subgraph: 'kyoiku', label: '教育', source: 'kyoiku', linkageSources: ['kyoiku'] };
    const hub = withSectorLines(committedSdl(), [...sectors(), extra]);
    expect(hub).toContain('  kyoikuFacts: SituationFacts @external\n');
    expect(hub).toMatch(/konkyuFacts \{[^"]*\} kyoikuFacts \{ periods/);
    expect(hub).toContain('extend enum Sector {\n  KYOIKU\n}');
    expect(hub).toContain('extend enum SourceName {\n  KYOIKU\n}');
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
    expect(definitions(committedSdl()).get(name)).toBe(shared);
  });
});
