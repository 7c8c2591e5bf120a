// Runs every pending migration against HUB_DATABASE_URL (or HUB_DATABASE_URL_FILE) and exits: a deployment's one-shot step.
import { openStore } from '@welfare-hub/store';
import { ConfigError, databaseUrlOf } from './config/index.js';
import { sectorModuleSpecifiers } from './config/load.js';
import { allMigrations } from './migrations.js';
import { loadSectorModules } from './sectors.js';

try {
  // The tables of every sector of HUB_SECTOR_MODULES too.
  const extra = await loadSectorModules(sectorModuleSpecifiers(process.env['HUB_SECTOR_MODULES']));
  const store = await openStore({ databaseUrl: databaseUrlOf(process.env), migrations: [...allMigrations, ...extra.flatMap((m) => m.migrations)] });
  await store.close();
  console.log('migrations applied');
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(2);
}
