import { logEvent, startTracing } from '@welfare-hub/telemetry';
import { composeHub } from '../compose/index.js';
import type { HubConfig, Role } from '../config/index.js';
import { onStop } from './ready.js';

/** One part of the hub as its own process: what the multi-process launcher, compose and Kubernetes run. */
export async function runRole(config: HubConfig, role: Role): Promise<void> {
  const tracing = startTracing(`welfare-hub-${role}`);
  const hub = await composeHub(config, [role]);
  onStop(async () => {
    await hub.close();
    await tracing?.shutdown();
  });
  logEvent('part.started', { part: role });
}
