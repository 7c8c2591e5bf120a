// What the repository checks share: the workspace packages (by the globs of the root package.json's workspaces) with
// their manifests, and the TypeScript sources below a folder.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

export interface Workspace {
  /** Its folder, relative to ROOT. */
  dir: string;
  name: string;
  /** Its run-time dependencies (not devDependencies). */
  dependencies: Record<string, string>;
}

/** The workspace packages under these globs (`packages/*`, `gateway`), in the globs' order: each folder with a package.json. */
export function workspaces(globs: readonly string[]): Workspace[] {
  return globs
    .flatMap((glob) => (glob.endsWith('/*') ? readdirSync(join(ROOT, glob.slice(0, -2))).map((entry) => join(glob.slice(0, -2), entry)) : [glob]))
    .filter((dir) => existsSync(join(ROOT, dir, 'package.json')))
    .map((dir) => {
      const manifest = JSON.parse(readFileSync(join(ROOT, dir, 'package.json'), 'utf8')) as { name: string; dependencies?: Record<string, string> };
      return { dir, name: manifest.name, dependencies: manifest.dependencies ?? {} };
    });
}

/** A TypeScript source file's name. */
export const SOURCE = /\.(ts|tsx|mts|cts)$/;

/** Every TypeScript source file below a folder, declaration files left out, and test files unless `tests`. */
export function sourceFiles(dir: string, options: { tests: boolean }): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return sourceFiles(path, options);
    return SOURCE.test(entry) && !entry.endsWith('.d.ts') && (options.tests || !/\.test\.tsx?$/.test(entry)) ? [path] : [];
  });
}

/** Every workspace package with source of its own (the root package.json's workspaces, less those without `src/`). */
export function sourcePackages(): Workspace[] {
  return workspaces(['packages/*', 'adapters/*', 'subgraphs/*', 'tools/*', 'gateway', 'launcher', 'schema', 'console']).filter((w) =>
    existsSync(join(ROOT, w.dir, 'src')),
  );
}
