import { composeSupergraph, supergraphSdl } from '../src/index.js';

describe('supergraph composition', () => {
  const composition = composeSupergraph();

  it('composes without a hint nobody accepted', () => {
    expect(composition.unacceptedHints).toEqual([]);
  });

  it('matches the committed supergraph (run `npm run compose` after changing a subgraph SDL)', () => {
    expect(supergraphSdl()).toBe(composition.supergraphSdl);
  });

  it('exposes the contract\'s core entry points', () => {
    for (const field of ['person(id: ID!): Person', 'household(id: ID!): Household', 'searchPersons(']) {
      expect(composition.supergraphSdl).toContain(field);
    }
  });
});
