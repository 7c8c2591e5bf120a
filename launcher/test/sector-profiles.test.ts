import { Kind, parse, type FieldDefinitionNode, type ObjectTypeDefinitionNode, type TypeNode } from 'graphql';
import { PROFILE_FIELD_NAMES, sectorSubgraphSdl } from '@welfare-hub/schema';
import { openTestStore, type Store } from '@welfare-hub/store';
import { allMigrations, SECTOR_MODULES } from '../src/index.js';

// A sector's profile is written twice: its SDL type (adapters/<sector>/schema.graphql) and the TypeScript its profile
// reader returns. GraphQL answers null for a field the reader never fills, so a field that drifted would be silently
// empty: this holds every registered sector's reader to its SDL, field for field, on an empty profile and a real store.
describe("each sector's profile reader gives what its SDL declares", () => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore({ migrations: allMigrations });
  }, 60_000);
  afterAll(() => store.close());

  const named = (type: TypeNode): string => (type.kind === Kind.NAMED_TYPE ? type.name.value : named(type.type));
  const listOrNonNull = (type: TypeNode): string =>
    type.kind === Kind.NON_NULL_TYPE ? `${listOrNonNull(type.type)}!` : type.kind === Kind.LIST_TYPE ? `[${listOrNonNull(type.type)}]` : 'value';

  it.each(SECTOR_MODULES.map((m) => [m.info.code, m] as const))('%s', async (_, module) => {
    const types = parse(sectorSubgraphSdl(module.sdl, module.info.field)).definitions.filter(
      (d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION,
    );
    const person = types.find((t) => t.name.value === 'Person')!;
    const profileType = named(person.fields!.find((f) => f.name.value === module.info.field)!.type);
    const fields = new Map<string, FieldDefinitionNode>(types.find((t) => t.name.value === profileType)!.fields!.map((f) => [f.name.value, f]));
    for (const added of PROFILE_FIELD_NAMES) fields.delete(added);

    const profile = (await module.profiles(store.dataSource, ['0000000001'], '2026-11-22')).get('0000000001') as Record<string, unknown>;
    expect(Object.keys(profile).sort()).toEqual([...fields.keys()].sort());
    // An empty profile is empty the way its type says: a list where the SDL has one, never a missing value where it may not be.
    for (const [name, field] of fields) {
      const shape = listOrNonNull(field.type);
      if (shape.startsWith('[') && shape.endsWith('!')) expect({ [name]: Array.isArray(profile[name]) }).toEqual({ [name]: true });
      else if (shape === 'value!') expect({ [name]: profile[name] ?? 'missing' }).not.toEqual({ [name]: 'missing' });
    }
  });
});
