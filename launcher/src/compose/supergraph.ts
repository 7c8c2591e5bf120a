import { composeSupergraph, sectorSubgraphSdl, subgraphNames, subgraphSdl, type Composition, type SubgraphSdl } from '@welfare-hub/schema';
import { sectorBySubgraph } from '@welfare-hub/sectors';
import type { HubSectorModule } from '../sectors.js';

/** Every subgraph's SDL as it serves it, in port order: the core ones with their sector lines, each sector's own. */
export function registrySubgraphs(modules: readonly HubSectorModule[]): SubgraphSdl[] {
  return subgraphNames().map((name) => {
    const module = modules.find((m) => m.info.subgraph === name);
    if (module) return { name, sdl: sectorSubgraphSdl(module.sdl, module.info.field) };
    if (sectorBySubgraph(name)) throw new Error(`sector subgraph ${name} has no module`);
    return { name, sdl: subgraphSdl(name as 'juki' | 'hub' | 'cases') };
  });
}

/** The supergraph of the registry's subgraphs, composed at start: for the four built-in sectors, schema/supergraph.graphql. */
export function registrySupergraph(modules: readonly HubSectorModule[]): Promise<Composition> {
  return composeSupergraph(registrySubgraphs(modules));
}
