export * from './subgraphs.js';
export { composeSupergraph, ACCEPTED_HINTS, type Composition } from './compose.js';
export { clientSchemaSdl, clientSchemaPath, committedClientSchema } from './client-schema.js';
