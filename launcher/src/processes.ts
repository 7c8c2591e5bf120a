import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { exportSigningKeys, generateSigningKeys } from '@welfare-hub/context';
import { openStore } from '@welfare-hub/store';
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { auditSigningKey } from '@welfare-hub/audit';
import { todayInTokyo } from '@welfare-hub/subgraph-juki';
import { isDemo, type HubConfig } from './config.js';
import { sourceDirs } from './demo-city.js';
import { kodomoSource } from './kodomo-source.js';
import { kaigoSource } from './kaigo-source.js';
import { allMigrations } from './migrations.js';
import { seedDemoRegister } from './seed.js';
import { prepareCaseWork } from './cases.js';

/** A package's process entry: main.js beside its index in dist/. */
function entry(pkg: string): string {
  return fileURLToPath(new URL('./main.js', import.meta.resolve(pkg)));
}

/**
 * With a PostgreSQL server every subgraph and the gateway run as their own process. The launcher migrates
 * and seeds once, hands out the context-signing keys (the private one to the gateway only) and stops every
 * child when it is stopped.
 */
export async function startProcesses(config: HubConfig): Promise<{ stop(): Promise<void> }> {
  const store = await openStore({ databaseUrl: config.databaseUrl!, migrations: allMigrations });
  if (isDemo(config)) await seedDemoRegister(store.dataSource);
  const dirs = await sourceDirs(config, todayInTokyo());
  await prepareCaseWork(config, store.dataSource);
  const { privatePem, publicPem } = await exportSigningKeys(await generateSigningKeys());
  const kodomo = await kodomoSource(config, dirs.kodomoFile);
  // The checkpoint key goes to the hub subgraph only: the appenders never hold it.
  mkdirSync(config.dataDir, { recursive: true });
  const auditKey = auditSigningKey(process.env, { production: process.env['HUB_MODE'] === 'production', file: join(config.dataDir, 'audit-signing-key.pem') });
  const auditKeyPem = auditKey.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
  // The demo's simulated vendor tables live in the hub's database; a real vendor database is named by its URL.
  await (await kaigoSource(config, store.dataSource, dirs.kaigoFile)).close();
  await store.close();
  const base = { ...process.env, HUB_KODOMO_URL: kodomo.url, HUB_KODOMO_API_KEY: kodomo.apiKey, HUB_DATABASE_URL: config.databaseUrl!, HUB_JUKI_DIR: dirs.jukiDir, HUB_SHOGAI_DIR: dirs.shogaiDir, HUB_KONKYU_DIR: dirs.konkyuDir, HUB_KAIGO_DB_URL: config.kaigoDbUrl ?? config.databaseUrl! };
  const children: ChildProcess[] = [
    spawn(process.execPath, [entry('@welfare-hub/subgraph-juki')], { env: { ...base, HUB_CONTEXT_PUBLIC_KEY: publicPem }, stdio: 'inherit' }),
    spawn(process.execPath, [entry('@welfare-hub/subgraph-hub')], { env: { ...base, HUB_CONTEXT_PUBLIC_KEY: publicPem, HUB_AUDIT_SIGNING_KEY: auditKeyPem }, stdio: 'inherit' }),
    spawn(process.execPath, [entry('@welfare-hub/subgraph-shogai')], { env: { ...base, HUB_CONTEXT_PUBLIC_KEY: publicPem }, stdio: 'inherit' }),
    spawn(process.execPath, [entry('@welfare-hub/subgraph-konkyu')], { env: { ...base, HUB_CONTEXT_PUBLIC_KEY: publicPem }, stdio: 'inherit' }),
    spawn(process.execPath, [entry('@welfare-hub/subgraph-kodomo')], { env: { ...base, HUB_CONTEXT_PUBLIC_KEY: publicPem }, stdio: 'inherit' }),
    spawn(process.execPath, [entry('@welfare-hub/subgraph-kaigo')], { env: { ...base, HUB_CONTEXT_PUBLIC_KEY: publicPem }, stdio: 'inherit' }),
    spawn(process.execPath, [entry('@welfare-hub/subgraph-cases')], { env: { ...base, HUB_CONTEXT_PUBLIC_KEY: publicPem }, stdio: 'inherit' }),
    spawn(process.execPath, [entry('@welfare-hub/gateway')], { env: { ...base, HUB_CONTEXT_PRIVATE_KEY: privatePem }, stdio: 'inherit' }),
  ];
  let stopping = false;
  const stop = async (): Promise<void> => {
    stopping = true;
    await kodomo.close();
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
          }),
      ),
    );
  };
  for (const child of children) {
    child.once('exit', (code) => {
      // One part gone means the hub is not whole: stop the rest rather than serve half a graph.
      if (!stopping) stop().then(() => process.exit(code ?? 1));
    });
  }
  return { stop };
}
