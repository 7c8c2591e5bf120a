import { Kind, parse, print, type DocumentNode, type FieldDefinitionNode, type ObjectTypeDefinitionNode } from 'graphql';

/** The name of a sector's profile type: Person.kaigo is a KaigoProfile. */
export const profileTypeName = (field: string): string => `${field[0]!.toUpperCase()}${field.slice(1)}Profile`;

/**
 * The fields every sector's profile has, which the sector subgraph resolves (packages/sector-subgraph), not the sector's
 * profile reader: who leads, when the sector last saw the person, how fresh its copy is. Written once, here.
 */
const PROFILE_FIELDS = (
  parse(`type Profile {
  "The organisation registered in the hub as holding this sector: whom to call about this person. Null if none is."
  lead: LeadOrganisation
  "The latest date in this sector's records about the person (a consultation, a certification, a case), up to today."
  lastInvolvementOn: Date
  "The last successful read of this sector's system: how fresh this profile is."
  sourceReadAt: DateTime
}`).definitions[0] as ObjectTypeDefinitionNode
).fields!;

export const PROFILE_FIELD_NAMES: readonly string[] = PROFILE_FIELDS.map((f) => f.name.value);

/**
 * A sector's SDL with the common profile fields at the end of its profile type, in their order. A sector may write one
 * of them itself, to say more of it (kodomo's lastInvolvementOn counts the cases it shows only): its own stands in that
 * place.
 */
export function withProfileFields(own: string, field: string): string {
  const name = profileTypeName(field);
  const document = parse(own);
  if (!document.definitions.some((d) => d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === name)) return own;
  const withFields: DocumentNode = {
    ...document,
    definitions: document.definitions.map((d) => {
      if (d.kind !== Kind.OBJECT_TYPE_DEFINITION || d.name.value !== name) return d;
      const declared = new Map((d.fields ?? []).map((f) => [f.name.value, f]));
      const common: FieldDefinitionNode[] = PROFILE_FIELDS.map((f) => declared.get(f.name.value) ?? f);
      return { ...d, fields: [...(d.fields ?? []).filter((f) => !PROFILE_FIELD_NAMES.includes(f.name.value)), ...common] };
    }),
  };
  return print(withFields);
}
