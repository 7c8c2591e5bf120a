// The hub subgraph as its own process (multi-process deployments); the embedded hub mounts it in the launcher.
import { Policy } from '@welfare-hub/policy';
import { runSubgraphProcess } from '@welfare-hub/subgraph-host';
import { hubSubgraph } from './subgraph.js';

await runSubgraphProcess('hub', [], async (db) => ({ definition: hubSubgraph({ db, policy: new Policy(db) }) }));
