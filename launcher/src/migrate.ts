// Runs every pending migration against HUB_DATABASE_URL and exits (a deployment's one-shot step).
import { openStore } from '@welfare-hub/store';
import { allMigrations } from './migrations.js';

const databaseUrl = process.env['HUB_DATABASE_URL']?.trim();
if (!databaseUrl) {
  console.error('HUB_DATABASE_URL: required (the PostgreSQL server to migrate)');
  process.exit(2);
}
const store = await openStore({ databaseUrl, migrations: allMigrations });
await store.close();
console.log('migrations applied');
