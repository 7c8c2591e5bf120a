import { supergraphSdl, type Composition } from '@welfare-hub/schema';
import * as cases from '@welfare-hub/subgraph-cases/sdl';
import * as hub from '@welfare-hub/subgraph-hub/sdl';
import * as juki from '@welfare-hub/subgraph-juki/sdl';
import { registrySupergraph, sectorModules } from '../src/index.js';

// The supergraph the hub composes at start from the registry's subgraphs: for the four built-in sectors, the committed
// schema/supergraph.graphql (what the console's and any front-end's types are generated from, through client.graphql).
describe('supergraph composition from the registry', () => {
  let composition: Composition;
  beforeAll(async () => {
    composition = await registrySupergraph(sectorModules());
  });

  it('composes without a hint nobody accepted', () => {
    expect(composition.unacceptedHints).toEqual([]);
  });

  it('matches the committed supergraph (run `npm run compose` after changing a subgraph SDL)', () => {
    expect(supergraphSdl()).toBe(composition.supergraphSdl);
  });

  it("exposes the contract's core entry points", () => {
    for (const field of ['person(id: ID!): Person', 'household(id: ID!): Household', 'searchPersons(']) {
      expect(composition.supergraphSdl).toContain(field);
    }
  });

  // Each core subgraph's SDL file (subgraphs/<name>/schema.graphql) is written for the four built-in sectors, so that
  // codegen and editors read it as the subgraph serves it; the registry's lines change it only for a sector beyond them.
  it.each([
    ['juki', juki],
    ['hub', hub],
    ['cases', cases],
  ] as const)('serves the committed %s SDL as it is, for the four built-in sectors', (_, subgraph) => {
    sectorModules();
    expect(subgraph.sdl()).toBe(subgraph.committedSdl());
  });
});
