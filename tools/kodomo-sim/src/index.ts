export { startKodomoSimulator, type Faults, type KodomoData, type KodomoSimulator } from './server.js';
