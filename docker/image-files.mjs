// Copies what the image runs, and nothing else, from a built checkout: the root manifest and lock, every workspace's
// package.json (npm ci checks the lock against all of them), and for the workspaces the entry package depends on, the files
// their package.json ships ("files", default ["dist"]). Then `npm ci --omit=dev --workspace=<entry>` in the copy installs
// the third-party packages those need. Used by docker/Dockerfile and checked by deploy/test.
//   node docker/image-files.mjs <checkout> <out> [entry workspace, default @welfare-hub/launcher]
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** Every workspace of the checkout: name → folder (relative), from the root package.json's globs ("dir/*" or "dir"). */
export function workspaces(root) {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const found = new Map();
  for (const pattern of manifest.workspaces ?? []) {
    const dirs = pattern.endsWith('/*')
      ? readdirSync(join(root, pattern.slice(0, -2)))
          .map((d) => join(pattern.slice(0, -2), d))
          .filter((d) => statSync(join(root, d)).isDirectory())
      : [pattern];
    for (const dir of dirs) {
      const file = join(root, dir, 'package.json');
      if (existsSync(file)) found.set(JSON.parse(readFileSync(file, 'utf8')).name, dir);
    }
  }
  return found;
}

/** The entry workspace and every workspace it depends on at run time (dependencies, not devDependencies). */
export function runtimeClosure(root, entry) {
  const all = workspaces(root);
  const needed = new Set();
  const visit = (name) => {
    if (needed.has(name) || !all.has(name)) return;
    needed.add(name);
    const manifest = JSON.parse(readFileSync(join(root, all.get(name), 'package.json'), 'utf8'));
    for (const dependency of Object.keys(manifest.dependencies ?? {})) visit(dependency);
  };
  if (!all.has(entry)) throw new Error(`no workspace named ${entry}`);
  visit(entry);
  return { all, needed };
}

/** Copies the image's files; returns the paths copied, relative to `out`. */
export function copyImageFiles(root, out, entry = '@welfare-hub/launcher') {
  const { all, needed } = runtimeClosure(root, entry);
  const copied = [];
  const copy = (relative) => {
    const from = join(root, relative);
    if (!existsSync(from)) throw new Error(`${relative} is missing: build first`);
    mkdirSync(dirname(join(out, relative)), { recursive: true });
    cpSync(from, join(out, relative), { recursive: true, filter: (source) => !/\.(map|tsbuildinfo)$/.test(source) });
    copied.push(relative);
  };
  copy('package.json');
  copy('package-lock.json');
  for (const [name, dir] of all) {
    copy(join(dir, 'package.json'));
    if (!needed.has(name)) continue;
    const manifest = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8'));
    for (const shipped of manifest.files ?? ['dist']) copy(join(dir, shipped));
  }
  return copied;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  const [root, out, entry] = process.argv.slice(2);
  if (!root || !out) {
    console.error('usage: node docker/image-files.mjs <checkout> <out> [entry workspace]');
    process.exit(2);
  }
  const copied = copyImageFiles(resolve(root), resolve(out), entry);
  console.log(`${copied.length} paths copied to ${out}`);
}
