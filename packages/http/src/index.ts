export { readJsonBody, BodyError } from './body.js';
export { sendJson, sendError, sendGraphQLResponse } from './respond.js';
export { toHttpGraphQLRequest, pathOf } from './request.js';
export { listen, closeServer } from './listen.js';
export { formatError, isPublicCode } from './format-error.js';
export { internalErrorPlugin, type InternalErrorReport } from './internal-errors.js';
