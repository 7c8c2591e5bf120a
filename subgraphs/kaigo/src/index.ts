export { kaigoSubgraph } from './subgraph.js';
