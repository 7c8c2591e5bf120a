// `npm start` and every process of a deployment:
//   node launcher/dist/main.js                 the whole hub: one process (embedded store), or, with HUB_DATABASE_URL,
//                                              one process per part over PostgreSQL
//   node launcher/dist/main.js --role <part>   one part: gateway, juki, hub, kaigo, shogai, kodomo or konkyu
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type Role } from './config/index.js';
import { ALL_ROLES } from './roles.js';

const { values } = parseArgs({ options: { role: { type: 'string' } } });
const role = values.role as Role | undefined;
if (role !== undefined && !ALL_ROLES.includes(role)) {
  console.error(`--role must be one of ${ALL_ROLES.join(', ')}`);
  process.exit(2);
}
try {
  const scope = role ?? (process.env['HUB_DATABASE_URL']?.trim() ? 'supervisor' : 'embedded');
  const config = loadConfig(process.env, scope);
  // Each process loads only what it runs: a part of a deployment does not load the other parts' packages (eight
  // processes start at once on a small machine, and loading every package costs each about two seconds of CPU).
  if (config.scope === 'supervisor') await (await import('./run/supervisor.js')).runSupervisor(config);
  else if (config.scope === 'embedded') await (await import('./run/embedded.js')).runEmbedded(config);
  else await (await import('./run/role.js')).runRole(config, config.scope);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(2);
}
