import { DEFAULT_SUBGRAPH_RESPONSE_BYTES } from '../../src/config.js';
import { DEFAULT_QUERY_LIMITS } from '../../src/limits/index.js';
import type { GatewayOptions } from '../../src/gateway.js';

/** The settings a configuration gives the gateway by default (launcher/src/config), for tests that start it alone. */
export function gatewayDefaults(): Pick<GatewayOptions, 'subgraphTimeoutMs' | 'circuit' | 'limits' | 'maxSubgraphResponseBytes' | 'frontEnd'> {
  return {
    subgraphTimeoutMs: 5_000,
    circuit: { failures: 5, coolDownMs: 10_000 },
    limits: { ...DEFAULT_QUERY_LIMITS, persistedQueries: null, persistedOnly: false },
    maxSubgraphResponseBytes: DEFAULT_SUBGRAPH_RESPONSE_BYTES,
    frontEnd: { corsOrigins: [], consoleDir: null, oidc: null },
  };
}
