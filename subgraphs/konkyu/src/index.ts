export { konkyuSubgraph } from './subgraph.js';
