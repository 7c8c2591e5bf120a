export { frontEndConfig, type FrontEndConfig, type OidcConfig } from './config.js';
export { cors } from './cors.js';
export { uncacheable } from './context-headers.js';
export { MeetingContextCheck, MEETING_CONTEXT_INVALID, refuseMeetingContext } from './meeting-context.js';
export { serveConsoleFile, securityHeaders, contentSecurityPolicy } from './console-files.js';
export { defaultConsoleDir } from './console-dir.js';
