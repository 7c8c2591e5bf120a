// This subgraph's SDL, beside its code (schema.graphql): the 住民基本台帳: Person, Household and the search. A light entry
// (`@welfare-hub/subgraph-juki/sdl`): the composition reads it without loading the subgraph.
import { subgraphSdlFile } from '@welfare-hub/schema';

export const { committedSdl, sdl } = subgraphSdlFile(new URL('../schema.graphql', import.meta.url));
