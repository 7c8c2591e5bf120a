import { Kind, parse, type DocumentNode, type SelectionSetNode } from 'graphql';

/** The fields of the supergraph that clients never see (@inaccessible), as `Type.field`. */
export function inaccessibleFields(supergraphSdl: string): ReadonlySet<string> {
  const hidden = new Set<string>();
  for (const definition of parse(supergraphSdl).definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    for (const field of definition.fields ?? []) {
      if (field.directives?.some((d) => d.name.value === 'inaccessible')) hidden.add(`${definition.name.value}.${field.name.value}`);
    }
  }
  return hidden;
}

/** An error as a subgraph's JSON answer carries it. */
interface AnsweredError {
  message: string;
  path: (string | number)[];
  extensions: Record<string, unknown>;
}

interface EntitiesAnswer {
  data: { _entities: Record<string, unknown>[] };
  errors: AnsweredError[];
}

/**
 * What a sector that did not answer contributes to an entity fetch: each entity it was asked for, with every asked
 * field null, and one SECTOR_UNAVAILABLE error per field a client can see, with its path (the gateway maps
 * `_entities` paths to the client's). The rest of the plan goes on as if the sector had withheld everything, so what
 * is derived from it (a household's situations) is derived from the sectors that answered. Null when the call was
 * not an entity fetch.
 */
export function sectorOutageAnswer(
  query: string,
  variables: Record<string, unknown> | undefined,
  message: string,
  extensions: Record<string, unknown>,
  hidden: ReadonlySet<string>,
): EntitiesAnswer | null {
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch {
    return null;
  }
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  const root = operation?.selectionSet.selections.find((s) => s.kind === Kind.FIELD && s.name.value === '_entities');
  const representations = variables?.['representations'];
  if (!root || root.kind !== Kind.FIELD || !root.selectionSet || !Array.isArray(representations)) return null;
  const errors: AnsweredError[] = [];
  const entities = representations.map((representation: { __typename?: string }, i) => {
    const typename = representation?.__typename ?? '';
    const entity: Record<string, unknown> = {};
    for (const field of fieldsFor(root.selectionSet!, typename)) {
      if (field.name === '__typename') {
        entity[field.key] = typename;
        continue;
      }
      entity[field.key] = null;
      if (!hidden.has(`${typename}.${field.name}`)) {
        errors.push({ message, path: ['_entities', i, field.key], extensions: { ...extensions } });
      }
    }
    return entity;
  });
  return { data: { _entities: entities }, errors };
}

/** The fields selected for an entity of this type: directly, or in a fragment on the type. */
function fieldsFor(selectionSet: SelectionSetNode, typename: string): { key: string; name: string }[] {
  return selectionSet.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [{ key: selection.alias?.value ?? selection.name.value, name: selection.name.value }];
    if (selection.kind === Kind.INLINE_FRAGMENT && (!selection.typeCondition || selection.typeCondition.name.value === typename)) {
      return fieldsFor(selection.selectionSet, typename);
    }
    return [];
  });
}
