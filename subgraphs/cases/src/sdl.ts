// This subgraph's SDL, beside its code (schema.graphql): case work across agencies (多機関協働): referrals, cases, plans, decisions. A light entry
// (`@welfare-hub/subgraph-cases/sdl`): the composition reads it without loading the subgraph.
import { subgraphSdlFile } from '@welfare-hub/schema';

export const { committedSdl, sdl } = subgraphSdlFile(new URL('../schema.graphql', import.meta.url));
