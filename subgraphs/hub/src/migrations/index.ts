import { HubRegister1763800000100 } from './1763800000100-register.js';

export const hubMigrations = [HubRegister1763800000100];
