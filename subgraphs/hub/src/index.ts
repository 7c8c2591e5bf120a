export { hubSubgraph } from './subgraph.js';
export { hubMigrations } from './migrations/index.js';
export { Register, type Organisation, type Staff } from './register/register.js';
export { DEMO_ORGANISATIONS, DEMO_STAFF } from './register/demo-register.js';
export { Consents, consentFlags, type ConsentRecord, type ConsentFlag } from './consent/consents.js';
export { RegisterHistory, type RegisterChange } from './register/history.js';
