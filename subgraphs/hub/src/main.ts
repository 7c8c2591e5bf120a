// The hub subgraph as its own process (multi-process deployments); the embedded hub mounts it in the launcher.
// It alone holds the audit checkpoint key (HUB_AUDIT_SIGNING_KEY) and signs the chain's head on a timer.
import { AuditKeeper, auditKeeperConfig, auditSigningKey } from '@welfare-hub/audit';
import { Policy } from '@welfare-hub/policy';
import { IndexRefresher, pseudonymKey, storeIndexSources, suppressionThreshold } from '@welfare-hub/analytics';
import { logEvent, runSubgraphProcess } from '@welfare-hub/subgraph-host';
import { hubSubgraph } from './subgraph.js';

await runSubgraphProcess('hub', [], async (db) => {
  const keeper = new AuditKeeper(db, auditSigningKey(process.env, { production: process.env['HUB_MODE'] === 'production' }), auditKeeperConfig(process.env, { production: process.env['HUB_MODE'] === 'production' }));
  const analytics = { sources: storeIndexSources(db, pseudonymKey(process.env, { production: process.env['HUB_MODE'] === 'production' })), threshold: suppressionThreshold() };
  // In a multi-process hub the sources are read in other processes: the index is rebuilt on a timer instead.
  const refresher = new IndexRefresher(analytics.sources, () => logEvent('analytics.index_failed', {}));
  const refreshTimer = setInterval(() => void refresher.refresh(), Number(process.env['HUB_ANALYTICS_REFRESH_SECONDS'] || 900) * 1000);
  refreshTimer.unref();
  return {
    definition: hubSubgraph({ db, policy: new Policy(db), keeper, analytics }),
    start: async () => {
      keeper.start((what) => logEvent('audit.keeper_failed', { what }));
      await refresher.refresh();
    },
    close: async () => {
      clearInterval(refreshTimer);
      await keeper.stop();
    },
  };
});
