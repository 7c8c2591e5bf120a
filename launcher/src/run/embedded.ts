import { startTracing } from '@welfare-hub/telemetry';
import { banner } from '../banner.js';
import { ALL_ROLES, composeHub } from '../compose/index.js';
import type { HubConfig } from '../config/index.js';
import { onStop, whenReady } from './ready.js';

/** The whole hub in one process: the embedded PGlite has a single session and so a single owner. */
export async function runEmbedded(config: HubConfig): Promise<void> {
  const started = Date.now();
  const tracing = startTracing('welfare-hub');
  const hub = await composeHub(config, ALL_ROLES);
  onStop(async () => {
    await hub.close();
    await tracing?.shutdown();
  });
  console.log(banner(hub.url!, hub.readyUrl!, hub.demoSources, 'one process, embedded store'));
  await whenReady(hub.readyUrl!);
  console.log(`  ready: every source read and settled, ${((Date.now() - started) / 1000).toFixed(1)} s after start`);
}
