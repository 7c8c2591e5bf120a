// This subgraph's SDL, beside its code (schema.graphql): the hub's own types: the register, consent, meetings, access, situations, audit and analytics. A light entry
// (`@welfare-hub/subgraph-hub/sdl`): the composition reads it without loading the subgraph.
import { subgraphSdlFile } from '@welfare-hub/schema';

export const { committedSdl, sdl } = subgraphSdlFile(new URL('../schema.graphql', import.meta.url));
