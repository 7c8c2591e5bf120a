export { startKodomoSimulator, type Faults, type KodomoSimulator } from './server.js';
