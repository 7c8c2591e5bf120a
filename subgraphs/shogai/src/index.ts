export { shogaiSubgraph } from './subgraph.js';
