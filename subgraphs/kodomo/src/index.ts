export { kodomoSubgraph } from './subgraph.js';
