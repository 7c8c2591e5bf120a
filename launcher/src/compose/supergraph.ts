import { composeSupergraph, sectorSubgraphSdl, subgraphNames, type Composition, type SubgraphSdl } from '@welfare-hub/schema';
import { sectorBySubgraph } from '@welfare-hub/sectors';
import { sdl as casesSdl } from '@welfare-hub/subgraph-cases/sdl';
import { sdl as hubSdl } from '@welfare-hub/subgraph-hub/sdl';
import { sdl as jukiSdl } from '@welfare-hub/subgraph-juki/sdl';
import type { HubSectorModule } from '../sectors.js';

/** The subgraphs that are not a sector's, each SDL beside its code (subgraphs/<name>/schema.graphql), read through a light entry. */
const CORE_SDL: Readonly<Record<string, () => string>> = { juki: jukiSdl, hub: hubSdl, cases: casesSdl };

/** Every subgraph's SDL as it serves it, in port order: the core ones with their sector lines, each sector's own. */
export function registrySubgraphs(modules: readonly HubSectorModule[]): SubgraphSdl[] {
  return subgraphNames().map((name) => {
    const module = modules.find((m) => m.info.subgraph === name);
    if (module) return { name, sdl: sectorSubgraphSdl(module.sdl, module.info.field) };
    if (sectorBySubgraph(name)) throw new Error(`sector subgraph ${name} has no module`);
    const core = CORE_SDL[name];
    if (!core) throw new Error(`subgraph ${name} has no SDL`);
    return { name, sdl: core() };
  });
}

/** The supergraph of the registry's subgraphs, composed at start: for the four built-in sectors, schema/supergraph.graphql. */
export function registrySupergraph(modules: readonly HubSectorModule[]): Promise<Composition> {
  return composeSupergraph(registrySubgraphs(modules));
}
