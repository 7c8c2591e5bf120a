// Runs every pending migration against HUB_DATABASE_URL (or HUB_DATABASE_URL_FILE) and exits: a deployment's one-shot step.
import { openStore } from '@welfare-hub/store';
import { ConfigError, databaseUrlOf } from './config/index.js';
import { allMigrations } from './migrations.js';

try {
  const store = await openStore({ databaseUrl: databaseUrlOf(process.env), migrations: allMigrations });
  await store.close();
  console.log('migrations applied');
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(2);
}
