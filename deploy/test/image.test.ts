import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { sectors } from '@welfare-hub/sectors';
import { copyImageFiles } from '../../docker/image-files.mjs';
import { ROOT, readRepoFile } from './support/files.js';

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

describe('the image', () => {
  const dockerfile = readRepoFile('docker/Dockerfile');
  const stages = dockerfile.split(/^FROM /m).slice(1);

  it('is built in stages with the committed lock, and runs as a user that is not root', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(stages[0]).toMatch(/RUN npm ci /);
    const final = stages.at(-1)!;
    expect(final).not.toMatch(/^COPY \. /m);
    expect(final).not.toMatch(/^RUN npm/m);
    const user = /^USER (\S+)/m.exec(final)?.[1];
    expect(user).toBeDefined();
    expect(['root', '0']).not.toContain(user);
    expect(final).toMatch(/^ENTRYPOINT \["node", "launcher\/dist\/main\.js"\]/m);
    expect(existsSync(join(ROOT, 'launcher/src/main.ts'))).toBe(true);
  });

  it('has a lock that npm ci accepts: every optional platform package of every locked package is locked too', () => {
    const lock = JSON.parse(readRepoFile('package-lock.json')) as { packages: Record<string, { optionalDependencies?: Record<string, string> }> };
    const missing: string[] = [];
    for (const [path, entry] of Object.entries(lock.packages)) {
      for (const dependency of Object.keys(entry.optionalDependencies ?? {})) {
        // npm looks in the package's own node_modules, then up the tree.
        const candidates = [`${path ? `${path}/` : ''}node_modules/${dependency}`, `node_modules/${dependency}`];
        if (!candidates.some((c) => c in lock.packages)) missing.push(`${path} → ${dependency}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("leaves the developer's machine out of the build context", () => {
    const ignored = readRepoFile('.dockerignore')
      .split('\n')
      .map((l) => l.trim());
    for (const pattern of ['**/node_modules', '**/dist', '.git', '**/.hub-data', '**/*.pem', '**/*.key', 'docker/secrets', '**/.env'])
      expect(ignored).toContain(pattern);
  });

  it('takes only what runs: the launcher and the workspaces it needs, built, and no sources, tests, keys or data', () => {
    const out = mkdtempSync(join(tmpdir(), 'hub-image-'));
    try {
      copyImageFiles(ROOT, out);
      const files = walk(out).map((f) => relative(out, f));
      for (const entry of [
        'launcher/dist/main.js',
        'launcher/dist/migrate.js',
        'schema/supergraph.graphql',
        'schema/subgraphs/sector-values.graphql',
        // Each subgraph's SDL ships beside its code.
        ...['juki', 'hub', 'cases'].map((n) => `subgraphs/${n}/schema.graphql`),
        // Each sector's SDL ships beside its adapter.
        ...sectors().map((s) => `adapters/${s.field}/schema.graphql`),
        'package-lock.json',
      ]) {
        expect(files).toContain(entry);
      }
      expect(
        files.filter(
          (f) =>
            /(^|\/)(src|test|\.hub-data|\.bench-data|node_modules)\//.test(f) || (/\.(ts|pem|key|map|tsbuildinfo)$/.test(f) && !f.endsWith('.d.ts')),
        ),
      ).toEqual([]);
      // Workspaces that do not run (tests, the bench, this one) bring their package.json only, for npm ci's sake.
      for (const idle of ['tests', 'tools/bench', 'deploy']) expect(files.filter((f) => f.startsWith(`${idle}/`))).toEqual([`${idle}/package.json`]);
      expect(JSON.parse(readFileSync(join(out, 'package.json'), 'utf8')).workspaces).toEqual(JSON.parse(readRepoFile('package.json')).workspaces);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
