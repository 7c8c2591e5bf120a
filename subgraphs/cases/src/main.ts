// The cases subgraph as its own process (multi-process deployments); the embedded hub mounts it in the launcher.
import { Policy } from '@welfare-hub/policy';
import { suppressionThreshold } from '@welfare-hub/analytics';
import { runSubgraphProcess } from '@welfare-hub/subgraph-host';
import { casesSubgraph } from './subgraph.js';

await runSubgraphProcess('cases', [], async (db) => ({
  definition: casesSubgraph({ db, policy: new Policy(db), threshold: suppressionThreshold() }),
}));
