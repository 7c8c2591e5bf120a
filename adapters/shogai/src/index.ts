export * from './parse/index.js';
export * from './store/index.js';
export * from './ingest/index.js';
export { shogaiFacts } from './store/facts.js';
export { shogaiSector } from './sector.js';
