import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { exportSigningKeys, generateSigningKeys } from '@welfare-hub/context';
import { openStore } from '@welfare-hub/store';
import { banner } from '../banner.js';
import { allRoles, loadSectorModules, sectorModules } from '../sectors.js';
import { prepareDemo } from '../compose/demo.js';
import type { HubConfig, Role } from '../config/index.js';
import { allMigrations } from '../migrations.js';
import { onStop, whenReady } from './ready.js';

const MAIN = fileURLToPath(new URL('../main.js', import.meta.url));

/**
 * With a PostgreSQL server, `npm start` runs every part as its own process, as a deployment does: it migrates and
 * seeds once, prepares the demo city's sources, hands out the context-signing keys (the private one to the gateway
 * only), starts again a part that ends, and stops every part when it is stopped.
 */
export async function runSupervisor(config: HubConfig): Promise<void> {
  const started = Date.now();
  // A sector of HUB_SECTOR_MODULES is migrated here and run as a part of its own like the built-in ones.
  const extra = await loadSectorModules(config.sectorModules);
  const store = await openStore({ databaseUrl: config.databaseUrl!, migrations: [...allMigrations, ...extra.flatMap((m) => m.migrations)] });
  const demo = await prepareDemo(config, store.dataSource, sectorModules(extra));
  await store.close();
  const { privatePem, publicPem } =
    config.contextKeys.privatePem && config.contextKeys.publicPem
      ? { privatePem: config.contextKeys.privatePem, publicPem: config.contextKeys.publicPem }
      : await exportSigningKeys(await generateSigningKeys());
  const s = demo.config.sources;
  const sources: Record<string, string> = {
    ...(s.jukiDir ? { HUB_JUKI_DIR: s.jukiDir } : {}),
    ...(s.shogaiDir ? { HUB_SHOGAI_DIR: s.shogaiDir } : {}),
    ...(s.konkyuDir ? { HUB_KONKYU_DIR: s.konkyuDir } : {}),
    ...(s.kaigoDbUrl ? { HUB_KAIGO_DB_URL: s.kaigoDbUrl } : {}),
    ...(s.kodomoUrl ? { HUB_KODOMO_URL: s.kodomoUrl, HUB_KODOMO_API_KEY: s.kodomoApiKey } : {}),
    // A given sector's settings, a demo part's among them (its SectorDemo.serve fills them in as the built-ins' above).
    ...Object.fromEntries(
      Object.entries(demo.config.sectorSettings).flatMap(([code, settings]) =>
        Object.entries(settings).map(([name, value]) => [`HUB_SECTOR_${code}_${name}`, value]),
      ),
    ),
  };
  const envFor = (role: Role): NodeJS.ProcessEnv => {
    const { HUB_CONTEXT_PRIVATE_KEY: _private, HUB_CONTEXT_PUBLIC_KEY: _public, ...rest } = process.env;
    return { ...rest, ...sources, ...(role === 'gateway' ? { HUB_CONTEXT_PRIVATE_KEY: privatePem } : { HUB_CONTEXT_PUBLIC_KEY: publicPem }) };
  };
  const children = new Map<Role, ChildProcess>();
  let stopping = false;
  const launch = (role: Role): void => {
    const child = spawn(process.execPath, [MAIN, '--role', role], { env: envFor(role), stdio: 'inherit' });
    children.set(role, child);
    child.once('exit', (code, signal) => {
      if (stopping) return;
      // A part that ends is started again, as a service manager or Kubernetes would; meanwhile only its fields are
      // missing from answers (SECTOR_UNAVAILABLE) and readiness says so.
      console.error(`  the ${role} process ended (${code ?? signal}); starting it again`);
      setTimeout(() => stopping || launch(role), 1_000).unref();
    });
  };
  for (const role of allRoles()) launch(role);

  const stop = async (): Promise<void> => {
    stopping = true;
    await Promise.all(
      [...children.values()].map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
          }),
      ),
    );
    await demo.close();
  };
  onStop(stop);
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${config.port}/graphql`;
  console.log(banner(url, url.replace(/\/graphql$/, '/health/ready'), demo.served, 'one process per part, PostgreSQL'));
  await whenReady(url.replace(/\/graphql$/, '/health/ready'));
  console.log(`  ready: every source read and settled, ${((Date.now() - started) / 1000).toFixed(1)} s after start`);
}
