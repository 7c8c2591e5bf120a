// This subgraph's SDL, beside its code (schema.graphql): case work across agencies (多機関協働): referrals, cases, plans, decisions. A light entry
// (`@welfare-hub/subgraph-cases/sdl`): the composition reads it without loading the subgraph.
import { readFileSync } from 'node:fs';
import { withSectorLines } from '@welfare-hub/schema';
import { sectors } from '@welfare-hub/sectors';

/** The SDL file as committed, written for the four built-in sectors: a schema codegen and editors read on its own. */
export const committedSdl = (): string => readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8');

/** The SDL the subgraph serves: its sector-dependent lines written from the registry (the committed file for the four). */
export const sdl = (): string => withSectorLines(committedSdl(), sectors());
