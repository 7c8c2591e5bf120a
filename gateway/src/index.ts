export { startGateway, type GatewayOptions, type RunningGateway } from './gateway.js';
export { createAuthenticator, Unauthenticated, type Authenticator } from './authenticate.js';
export { DEFAULT_SUBGRAPH_RESPONSE_BYTES, DEMO_JWT_SECRET, type AuthConfig } from './config.js';
export { DEFAULT_QUERY_LIMITS, loadPersistedQueries, QueryRejected, queryHash, type QueryLimits, type QueryLimitsConfig } from './limits/index.js';
export { readiness, type Readiness } from './health.js';
export { requestContext } from './request-context.js';
export { frontEndConfig, defaultConsoleDir, MEETING_CONTEXT_INVALID, type FrontEndConfig, type OidcConfig } from './front-end/index.js';
