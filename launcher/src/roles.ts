import { SUBGRAPH_NAMES } from '@welfare-hub/schema';
import type { Role } from './config/index.js';

/** Every part a process can run: each subgraph, and the gateway. */
export const ALL_ROLES: readonly Role[] = [...SUBGRAPH_NAMES, 'gateway'];
