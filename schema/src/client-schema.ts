import { readFileSync } from 'node:fs';
import { Supergraph } from '@apollo/federation-internals';
import { lexicographicSortSchema, printSchema } from 'graphql';

const HEADER = `# The client-facing schema: what a client of the gateway may query. Generated from supergraph.graphql by
# \`npm run compose\` (the supergraph without its @inaccessible parts and federation's join directives); a test keeps it
# in step. Point graphql-codegen here, never at the supergraph: codegen would accept internal fields the gateway refuses.
# Scalars: Date is an ISO 8601 calendar date "yyyy-mm-dd" (Japan's calendar), DateTime an ISO 8601 instant with offset
# ("2026-11-27T04:05:06.789Z"); both travel as JSON strings.
`;

/**
 * The API schema the gateway serves, printed as SDL: federation's own view (`Supergraph.apiSchema`) of what is left
 * once @inaccessible elements are removed, so the file and the gateway cannot disagree.
 */
export function clientSchemaSdl(supergraphSdl: string): string {
  const api = Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
  return HEADER + '\n' + printSchema(lexicographicSortSchema(api)) + '\n';
}

export function clientSchemaPath(): URL {
  return new URL('../client.graphql', import.meta.url);
}

/** The committed client-facing schema. */
export function committedClientSchema(): string {
  return readFileSync(clientSchemaPath(), 'utf8');
}
