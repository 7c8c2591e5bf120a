import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allMigrations } from '@welfare-hub/launcher';
import { openStore } from '@welfare-hub/store';

/**
 * An embedded hub's store starts as a copy of one already migrated: a fresh PGlite and every migration cost about
 * three seconds per hub, and every end-to-end file starts at least one. The copy is what `openStore` would have made
 * (the hub still runs its migrations on it, and finds none pending), so the test sees the same store; the template is
 * made once per set of migrations and shared by the jest workers (made aside, then renamed into place).
 */
export async function useMigratedTemplate(hubDataDir: string): Promise<void> {
  const target = join(hubDataDir, 'pglite');
  if (existsSync(target)) return; // a restart keeps its own store
  const key = createHash('sha256')
    .update(allMigrations.map((m) => m.name).join('\n'))
    .digest('hex')
    .slice(0, 16);
  const template = join(tmpdir(), `welfare-hub-e2e-store-${key}`);
  if (!existsSync(template)) {
    const making = mkdtempSync(join(tmpdir(), 'welfare-hub-e2e-store-making-'));
    const store = await openStore({ dataDir: join(making, 'pglite'), migrations: allMigrations });
    await store.close();
    try {
      renameSync(join(making, 'pglite'), template);
    } catch {
      // Another worker made it first: theirs is the same.
    }
    rmSync(making, { recursive: true, force: true });
  }
  cpSync(template, target, { recursive: true });
}
