export { ALL_ROLES, composeHub, type ComposeOptions, type ComposedHub } from './compose/index.js';
export { demoServed, prepareDemo } from './compose/demo.js';
export { ConfigError, FILE_VARIABLES, loadConfig, type HubConfig, type Role, type Scope } from './config/index.js';
export { allMigrations } from './migrations.js';
export { seedDemoRegister } from './seed.js';
export { whenReady } from './run/ready.js';
export { demoCitySectors, SECTOR_MODULES, sectorFacts, sectorModules, type HubSectorModule } from './sectors.js';
export { registrySubgraphs, registrySupergraph } from './compose/supergraph.js';
