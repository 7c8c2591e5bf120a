export * from './parse/index.js';
export * from './store/index.js';
export * from './ingest/index.js';
export * from './sochi/index.js';
