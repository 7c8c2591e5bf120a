import { startTracing } from '@welfare-hub/telemetry';
import type { DataSource } from 'typeorm';
import { publicKeyFromEnv, replayGuardFor } from '@welfare-hub/context';
import { subgraphEndpoints, type SubgraphName } from '@welfare-hub/schema';
import { openStore } from '@welfare-hub/store';
import { logEvent } from './log.js';
import { serveSubgraph } from './serve.js';
import type { SubgraphDefinition } from './subgraph.js';

/** What a subgraph process runs beside serving: reading its source, and letting go of it. */
export interface SubgraphParts<C extends object> {
  definition: SubgraphDefinition<C>;
  /** Reads the source once, then keeps it fresh (watch or poll). */
  start?(): Promise<void>;
  close?(): Promise<void>;
}

/**
 * One subgraph as its own process (multi-process deployments): the store named by HUB_DATABASE_URL (migrated
 * by the launcher or the migrate step), the gateway's public key, its port, its source, and a clean stop.
 */
export async function runSubgraphProcess<C extends object>(
  name: SubgraphName,
  required: readonly string[],
  build: (db: DataSource, env: Record<string, string>) => Promise<SubgraphParts<C>>,
): Promise<void> {
  const env: Record<string, string> = {};
  for (const key of ['HUB_DATABASE_URL', ...required]) {
    const value = process.env[key];
    if (!value) throw new Error(`${key} is required`);
    env[key] = value;
  }
  const tracing = startTracing(`welfare-hub-${name}`);
  const store = await openStore({ databaseUrl: env['HUB_DATABASE_URL'], migrate: false });
  const parts = await build(store.dataSource, env);
  const endpoint = subgraphEndpoints().find((e) => e.name === name)!;
  const running = await serveSubgraph(parts.definition, { host: endpoint.host, port: endpoint.port, publicKey: await publicKeyFromEnv(), replays: replayGuardFor(store) });
  parts.start?.().catch(() => logEvent('source.read_failed', { subgraph: name }));
  const stop = async (): Promise<void> => {
    await running.close();
    await parts.close?.();
    await store.close();
    await tracing?.shutdown();
    process.exit(0);
  };
  process.once('SIGTERM', stop).once('SIGINT', stop);
}
