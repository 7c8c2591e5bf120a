// The hub subgraph as its own process (multi-process deployments); the embedded hub mounts it in the launcher.
// It alone holds the audit checkpoint key (HUB_AUDIT_SIGNING_KEY) and signs the chain's head on a timer.
import { AuditKeeper, auditKeeperConfig, auditSigningKey } from '@welfare-hub/audit';
import { Policy } from '@welfare-hub/policy';
import { logEvent, runSubgraphProcess } from '@welfare-hub/subgraph-host';
import { hubSubgraph } from './subgraph.js';

await runSubgraphProcess('hub', [], async (db) => {
  const keeper = new AuditKeeper(db, auditSigningKey(process.env, { production: process.env['HUB_MODE'] === 'production' }), auditKeeperConfig(process.env));
  return {
    definition: hubSubgraph({ db, policy: new Policy(db), keeper }),
    start: async () => keeper.start((what) => logEvent('audit.keeper_failed', { what })),
    close: () => keeper.stop(),
  };
});
