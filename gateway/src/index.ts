export { startGateway, type GatewayOptions, type RunningGateway } from './gateway.js';
export { createAuthenticator, Unauthenticated, type Authenticator } from './authenticate.js';
export { authConfig, ConfigError, DEMO_JWT_SECRET, type AuthConfig } from './config.js';
export { readiness, type Readiness } from './health.js';
