import { parse } from 'graphql';

/**
 * Hints we have read and accept. Any other hint fails the composition test, so a new one is looked at
 * rather than scrolled past.
 */
export const ACCEPTED_HINTS: ReadonlySet<string> = new Set<string>([]);

export interface Composition {
  supergraphSdl: string;
  unacceptedHints: string[];
}

/** One subgraph to compose: its name and its SDL as it serves it. */
export interface SubgraphSdl {
  name: string;
  sdl: string;
}

/**
 * The supergraph of the given subgraphs, in port order. The launcher composes the registry's subgraphs at start
 * (launcher/src/compose/supergraph.ts); for the four built-in sectors that is the committed schema/supergraph.graphql.
 */
export async function composeSupergraph(subgraphs: readonly SubgraphSdl[]): Promise<Composition> {
  // Loaded when asked: every process reads this package, only a hub given more sectors (and `npm run compose`) composes.
  const { composeServices } = await import('@apollo/composition');
  const result = composeServices(
    subgraphs.map(({ name, sdl }) => ({
      name,
      // The URL in the supergraph is a placeholder: the gateway takes each subgraph's address from configuration.
      url: `http://${name}.subgraph.invalid/graphql`,
      typeDefs: parse(sdl),
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
