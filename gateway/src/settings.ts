// What a configuration needs of the gateway (its defaults and how it reads its files), without the gateway itself:
// the launcher's configuration is loaded by every process, and only the gateway's process should load Apollo's gateway.
export { DEFAULT_SUBGRAPH_RESPONSE_BYTES, DEMO_JWT_SECRET, type AuthConfig } from './config.js';
export { DEFAULT_QUERY_LIMITS, type QueryLimits, type QueryLimitsConfig } from './limits/limits.js';
export { loadPersistedQueries } from './limits/persisted.js';
export { frontEndConfig, type FrontEndConfig, type OidcConfig } from './front-end/config.js';
export { defaultConsoleDir } from './front-end/console-dir.js';
