export { serveSubgraph, HEALTH_OPERATION, type ServeOptions, type RunningSubgraph } from './serve.js';
export type { SubgraphDefinition, SourceHealth } from './subgraph.js';
export { forbidden, badInput } from './errors.js';
export { logEvent } from './log.js';
export { DateScalar, DateTimeScalar } from './scalars.js';
export { runSubgraphProcess, type SubgraphParts } from './process.js';
