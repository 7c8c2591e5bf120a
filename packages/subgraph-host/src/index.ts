export { serveSubgraph, HEALTH_OPERATION, type ServeOptions, type RunningSubgraph } from './serve.js';
export type { SubgraphDefinition, SourceHealth, IndexHealth } from './subgraph.js';
export { forbidden, badInput } from './errors.js';
export { DateScalar, DateTimeScalar } from './scalars.js';
