// The hub's layers, from the bottom: the shared packages (packages/*, schema), the sources' adapters (adapters/*), the
// subgraphs (subgraphs/*), then the gateway and the launcher, the composition root. A package may depend at run time
// on its own layer and those below, never above: a lower layer that imported a higher one (analytics once imported
// every adapter to assemble the sectors' facts) is what the sector registry and the composition root are for. Test
// code may reach up (devDependencies): a sector's tests run the hub's register beside it. The tools' simulators and the
// city generator are libraries any layer may use for its demo.
import { workspaces, type Workspace } from './support/workspaces.js';

const LAYERS: readonly (readonly string[])[] = [['packages/*', 'schema'], ['adapters/*'], ['subgraphs/*'], ['gateway', 'launcher']];

type Manifest = Pick<Workspace, 'name' | 'dependencies'>;

const layered = LAYERS.map((globs) => workspaces(globs));
const manifests: Manifest[] = layered.flat();
const layer = new Map(layered.flatMap((packages, index) => packages.map((p) => [p.name, index] as const)));

/** Each run-time dependency of a workspace package on a package of a higher layer, as `from → to`. */
function upwardDependencies(all: readonly Manifest[], layer: ReadonlyMap<string, number>): string[] {
  return all.flatMap((m) =>
    Object.keys(m.dependencies).flatMap((dep) => ((layer.get(dep) ?? -1) > (layer.get(m.name) ?? Infinity) ? [`${m.name} → ${dep}`] : [])),
  );
}

describe('the layers', () => {
  it('knows every workspace package of the four layers', () => {
    expect(layer.get('@welfare-hub/analytics')).toBe(0);
    expect(layer.get('@welfare-hub/adapter-kaigo')).toBe(1);
    expect(layer.get('@welfare-hub/subgraph-hub')).toBe(2);
    expect(layer.get('@welfare-hub/launcher')).toBe(3);
  });

  it('finds a lower layer depending on a higher one (a planted case)', () => {
    const planted = [...manifests, { name: '@welfare-hub/analytics', dependencies: { '@welfare-hub/adapter-kaigo': '0.1.0' } }];
    expect(upwardDependencies(planted, layer)).toEqual(['@welfare-hub/analytics → @welfare-hub/adapter-kaigo']);
  });

  it('holds: no package depends at run time on a layer above its own', () => {
    expect(upwardDependencies(manifests, layer)).toEqual([]);
  });
});
