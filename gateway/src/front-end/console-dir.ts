import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';

/** The console's build (console/dist), found through the workspace's package, or null when it is not there. */
export function defaultConsoleDir(): string | null {
  try {
    const dir = join(dirname(createRequire(import.meta.url).resolve('@welfare-hub/console/package.json')), 'dist');
    return existsSync(join(dir, 'index.html')) ? dir : null;
  } catch {
    return null;
  }
}
