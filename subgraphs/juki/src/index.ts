export { jukiSubgraph } from './subgraph.js';
export { ageOn, todayInTokyo } from './age.js';
