import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { SUBGRAPH_NAMES, subgraphSdl } from './subgraphs.js';

/**
 * Hints we have read and accept. Any other hint fails the composition test, so a new one is looked at
 * rather than scrolled past.
 */
export const ACCEPTED_HINTS: ReadonlySet<string> = new Set<string>([]);

export interface Composition {
  supergraphSdl: string;
  unacceptedHints: string[];
}

export function composeSupergraph(): Composition {
  const result = composeServices(
    SUBGRAPH_NAMES.map((name) => ({
      name,
      // The URL in the supergraph is a placeholder: the gateway takes each subgraph's address from configuration.
      url: `http://${name}.subgraph.invalid/graphql`,
      typeDefs: parse(subgraphSdl(name)),
    })),
  );
  if (result.errors) {
    throw new Error(`composition failed:\n${result.errors.map((e) => e.message).join('\n')}`);
  }
  const unacceptedHints = result.hints
    .filter((hint) => !ACCEPTED_HINTS.has(hint.definition.code))
    .map((hint) => `${hint.definition.code}: ${hint.message}`);
  return { supergraphSdl: result.supergraphSdl, unacceptedHints };
}
