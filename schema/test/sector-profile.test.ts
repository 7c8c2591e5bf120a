import { Kind, parse, type ObjectTypeDefinitionNode } from 'graphql';
import { sectorSubgraphSdl } from '../src/index.js';

const fieldsOf = (sdl: string, type: string): [string, string | undefined][] =>
  (parse(sdl).definitions.find((d) => d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === type) as ObjectTypeDefinitionNode).fields!.map(
    (f) => [f.name.value, f.description?.value],
  );

describe('the fields every sector profile has', () => {
  it('are added at the end of the profile type, after its own, with their descriptions', () => {
    const sdl = sectorSubgraphSdl('type KyoikuProfile { grade: Int }\ntype Person @key(fields: "id") { id: ID! kyoiku: KyoikuProfile }', 'kyoiku');
    expect(fieldsOf(sdl, 'KyoikuProfile').map(([name]) => name)).toEqual(['grade', 'lead', 'lastInvolvementOn', 'sourceReadAt']);
    expect(fieldsOf(sdl, 'KyoikuProfile')[1]![1]).toMatch(/^The organisation registered in the hub/);
    // And the shared value types they use come with them.
    expect(sdl).toMatch(/type LeadOrganisation @shareable/);
    expect(sdl).toMatch(/scalar DateTime/);
  });

  it('keep, in their place, one the sector writes itself to say more of it', () => {
    const own = 'type KyoikuProfile { "mine" lastInvolvementOn: Date grade: Int }\ntype Person @key(fields: "id") { id: ID! kyoiku: KyoikuProfile }';
    const fields = fieldsOf(sectorSubgraphSdl(own, 'kyoiku'), 'KyoikuProfile');
    expect(fields.map(([name]) => name)).toEqual(['grade', 'lead', 'lastInvolvementOn', 'sourceReadAt']);
    expect(fields[2]![1]).toBe('mine');
  });
});
