import { buildSchema } from 'graphql';
import { clientSchemaSdl, committedClientSchema, supergraphSdl } from '../src/index.js';

// The committed supergraph is kept in step with composition by launcher/test/supergraph.test.ts.
describe('the client-facing schema (schema/client.graphql)', () => {
  const generated = clientSchemaSdl(supergraphSdl());

  it('is what the supergraph gives today (run `npm run compose` after changing a subgraph SDL)', () => {
    expect(committedClientSchema()).toBe(generated);
  });

  it('leaves out what the gateway refuses to clients: @inaccessible fields and types, and federation internals', () => {
    const schema = buildSchema(generated);
    for (const internal of ['SituationFacts', 'FactPeriod', 'FactConsultation', 'FactCase', 'join__Graph', 'link__Purpose', '_Entity', '_Service']) {
      expect(schema.getType(internal)).toBeUndefined();
    }
    const person = schema.getType('Person');
    expect(person && 'getFields' in person ? Object.keys(person.getFields()) : []).not.toContain('kaigoFacts');
    expect(Object.keys(schema.getQueryType()!.getFields())).not.toContain('_entities');
    expect(generated.replace(/^#.*$/gm, '')).not.toMatch(/@join__|@inaccessible|@link/);
  });

  it("keeps the contract's entry points and documents the scalars", () => {
    const fields = Object.keys(buildSchema(generated).getQueryType()!.getFields());
    expect(fields).toEqual(expect.arrayContaining(['person', 'household', 'searchPersons', 'situationStatistics', 'accessLog', 'auditIntegrity']));
    expect(generated).toContain('scalar Date');
    expect(generated).toContain('scalar DateTime');
    expect(generated).toMatch(/Date is an ISO 8601 calendar date/);
  });
});
