export { startHub, startSubgraphs, type RunningHub, type RunningSubgraphs, type StartOptions } from './hub.js';
export { hubConfig, isDemo, type HubConfig } from './config.js';
export { allMigrations } from './migrations.js';
export { seedDemoRegister } from './seed.js';
