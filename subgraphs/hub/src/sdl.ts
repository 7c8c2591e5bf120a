// This subgraph's SDL, beside its code (schema.graphql): the hub's own types: the register, consent, meetings, access, situations, audit and analytics. A light entry
// (`@welfare-hub/subgraph-hub/sdl`): the composition reads it without loading the subgraph.
import { readFileSync } from 'node:fs';
import { withSectorLines } from '@welfare-hub/schema';
import { sectors } from '@welfare-hub/sectors';

/** The SDL file as committed, written for the four built-in sectors: a schema codegen and editors read on its own. */
export const committedSdl = (): string => readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8');

/** The SDL the subgraph serves: its sector-dependent lines written from the registry (the committed file for the four). */
export const sdl = (): string => withSectorLines(committedSdl(), sectors());
