export * from './subgraphs.js';
export { composeSupergraph, ACCEPTED_HINTS, type Composition, type SubgraphSdl } from './compose.js';
export { subgraphSdlFile, withSectorLines } from './sector-lines.js';
export { PROFILE_FIELD_NAMES, profileTypeName } from './sector-profile.js';
export { clientSchemaSdl, clientSchemaPath, committedClientSchema } from './client-schema.js';
