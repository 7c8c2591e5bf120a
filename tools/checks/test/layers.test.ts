// The hub's layers, from the bottom: the shared packages (packages/*, schema), the sources' adapters (adapters/*), the
// subgraphs (subgraphs/*), then the gateway and the launcher, the composition root. A package may depend at run time
// on its own layer and those below, never above: a lower layer that imported a higher one (analytics once imported
// every adapter to assemble the sectors' facts) is what the sector registry and the composition root are for. Test
// code may reach up (devDependencies): a sector's tests run the hub's register beside it. The tools' simulators and the
// city generator are libraries any layer may use for its demo.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const LAYERS: readonly (readonly string[])[] = [['packages/*', 'schema'], ['adapters/*'], ['subgraphs/*'], ['gateway', 'launcher']];

interface Manifest {
  name: string;
  dependencies?: Record<string, string>;
}

function layerOf(): Map<string, number> {
  const layer = new Map<string, number>();
  LAYERS.forEach((globs, index) => {
    for (const glob of globs) {
      const dirs = glob.endsWith('/*') ? readdirSync(join(ROOT, glob.slice(0, -2))).map((entry) => join(glob.slice(0, -2), entry)) : [glob];
      for (const dir of dirs) {
        const file = join(ROOT, dir, 'package.json');
        if (existsSync(file)) layer.set((JSON.parse(readFileSync(file, 'utf8')) as Manifest).name, index);
      }
    }
  });
  return layer;
}

function manifests(): Manifest[] {
  return LAYERS.flat().flatMap((glob) =>
    (glob.endsWith('/*') ? readdirSync(join(ROOT, glob.slice(0, -2))).map((entry) => join(glob.slice(0, -2), entry)) : [glob])
      .map((dir) => join(ROOT, dir, 'package.json'))
      .filter((file) => existsSync(file))
      .map((file) => JSON.parse(readFileSync(file, 'utf8')) as Manifest),
  );
}

/** Each run-time dependency of a workspace package on a package of a higher layer, as `from → to`. */
function upwardDependencies(all: readonly Manifest[], layer: ReadonlyMap<string, number>): string[] {
  return all.flatMap((m) =>
    Object.keys(m.dependencies ?? {}).flatMap((dep) => ((layer.get(dep) ?? -1) > (layer.get(m.name) ?? Infinity) ? [`${m.name} → ${dep}`] : [])),
  );
}

describe('the layers', () => {
  const layer = layerOf();

  it('knows every workspace package of the four layers', () => {
    expect(layer.get('@welfare-hub/analytics')).toBe(0);
    expect(layer.get('@welfare-hub/adapter-kaigo')).toBe(1);
    expect(layer.get('@welfare-hub/subgraph-hub')).toBe(2);
    expect(layer.get('@welfare-hub/launcher')).toBe(3);
  });

  it('finds a lower layer depending on a higher one (a planted case)', () => {
    const planted = [...manifests(), { name: '@welfare-hub/analytics', dependencies: { '@welfare-hub/adapter-kaigo': '0.1.0' } }];
    expect(upwardDependencies(planted, layer)).toEqual(['@welfare-hub/analytics → @welfare-hub/adapter-kaigo']);
  });

  it('holds: no package depends at run time on a layer above its own', () => {
    expect(upwardDependencies(manifests(), layer)).toEqual([]);
  });
});
