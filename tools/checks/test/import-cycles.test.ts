// No import cycles in the hub's source: within a package, between files (type-only imports and `export … from`
// included, and dynamic `import()` too: a cycle through a lazy import is still a cycle), and between packages (one
// package importing another that imports it back). The imports are listed with the TypeScript compiler's
// `preProcessFile`, which only scans the text (no type checking), so the check takes about a second.
import { readFileSync, statSync, existsSync } from 'node:fs';
import { join, dirname, relative, resolve } from 'node:path';
import ts from 'typescript';
import { ROOT, SOURCE, sourceFiles, sourcePackages } from './support/workspaces.js';

// A relative specifier to the source file it names: NodeNext style (`./a.js` is `./a.ts`) or bundler style (the
// console: `./a`, `./dir` for `./dir/index.ts`). Undefined for what is not source (CSS, JSON, GraphQL…).
function resolveRelative(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier);
  const stem = base.replace(/\.(js|jsx|mjs|cjs)$/, '');
  const candidates = [
    base,
    ...['.ts', '.tsx', '.mts', '.cts'].map((ext) => stem + ext),
    ...['index.ts', 'index.tsx'].map((index) => join(base, index)),
  ];
  return candidates.find((path) => SOURCE.test(path) && existsSync(path) && statSync(path).isFile());
}

// Every cycle of a graph, one per edge that closes one in a depth-first walk (so each strongly connected component
// is reported at least once), as the path `a → b → a`.
function cycles(graph: Map<string, Set<string>>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): void => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of [...(graph.get(node) ?? [])].sort()) {
      if (state.get(next) === 'open') found.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node);
  return found;
}

function importGraphs(): { files: Map<string, Set<string>>; packages: Map<string, Set<string>> } {
  const all = sourcePackages();
  const byName = new Map(all.map((pkg) => [pkg.name, pkg]));
  const files = new Map<string, Set<string>>();
  const packageGraph = new Map<string, Set<string>>(all.map((pkg) => [pkg.name, new Set<string>()]));
  for (const pkg of all) {
    for (const file of sourceFiles(join(ROOT, pkg.dir, 'src'), { tests: true })) {
      const edges = new Set<string>();
      files.set(relative(ROOT, file), edges);
      const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
      for (const { fileName: specifier } of importedFiles) {
        if (specifier.startsWith('.')) {
          const target = resolveRelative(file, specifier);
          if (target) edges.add(relative(ROOT, target));
          continue;
        }
        // `@welfare-hub/store` or `@welfare-hub/store/sub`: the package, whatever the file.
        const name = specifier
          .split('/')
          .slice(0, specifier.startsWith('@') ? 2 : 1)
          .join('/');
        if (byName.has(name) && name !== pkg.name) packageGraph.get(pkg.name)!.add(name);
      }
    }
  }
  return { files, packages: packageGraph };
}

describe('import cycles', () => {
  const graphs = importGraphs();

  it('reads the source of every package', () => {
    // Guards against the check passing because it found nothing to check.
    expect(graphs.packages.size).toBeGreaterThan(30);
    expect(graphs.files.has('subgraphs/hub/src/resolvers.ts')).toBe(true);
    expect(graphs.files.get('subgraphs/hub/src/subgraph.ts')?.size).toBeGreaterThan(0);
    expect(graphs.files.get('console/src/App.tsx')?.has('console/src/screens/household/HouseholdScreen.tsx')).toBe(true);
    expect(graphs.packages.get('@welfare-hub/subgraph-hub')?.has('@welfare-hub/policy')).toBe(true);
  });

  it('finds a cycle when there is one', () => {
    const graph = new Map([
      ['a.ts', new Set(['b.ts'])],
      ['b.ts', new Set(['c.ts'])],
      ['c.ts', new Set(['a.ts'])],
      ['d.ts', new Set(['d.ts'])],
    ]);
    expect(cycles(graph).map((cycle) => cycle.join(' → '))).toEqual(['a.ts → b.ts → c.ts → a.ts', 'd.ts → d.ts']);
  });

  it('has none between the files of a package', () => {
    expect(cycles(graphs.files).map((cycle) => cycle.join(' → '))).toEqual([]);
  });

  it('has none between packages', () => {
    expect(cycles(graphs.packages).map((cycle) => cycle.join(' → '))).toEqual([]);
  });
});
