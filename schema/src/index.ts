export * from './subgraphs.js';
export { composeSupergraph, ACCEPTED_HINTS, type Composition } from './compose.js';
