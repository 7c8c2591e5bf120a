export { ConfigError, databaseUrlOf, FILE_VARIABLES, loadConfig } from './load.js';
export type { HubConfig, Role, Scope, SourcesConfig } from './types.js';
