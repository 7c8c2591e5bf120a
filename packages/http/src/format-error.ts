import type { GraphQLFormattedError } from 'graphql';

/** Codes a client may see as they are; anything else becomes INTERNAL with a fixed message. */
const PUBLIC_CODES = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'SECTOR_UNAVAILABLE',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
  'INTERNAL',
]);

/** A code a client may see as it is (anything else is answered INTERNAL). */
export function isPublicCode(code: unknown): boolean {
  return typeof code === 'string' && (PUBLIC_CODES.has(code) || code === 'BAD_REQUEST');
}

/**
 * Keeps internals out of answers, at each subgraph and again at the gateway: no stack, no SQL, no host
 * names, no personal data. A database error can quote the row it choked on and a transport error can name a
 * host, so an error without a public code keeps only its path.
 */
export function formatError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const code = formatted.extensions?.['code'];
  // Apollo's own word for a request it cannot read (a body that is not a GraphQL request): the client's to fix.
  if (code === 'BAD_REQUEST') return { message: formatted.message, extensions: { code: 'BAD_USER_INPUT' } };
  if (typeof code === 'string' && PUBLIC_CODES.has(code)) {
    const { stacktrace: _stack, serviceName: _service, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  return { message: 'Internal error', ...(formatted.path ? { path: formatted.path } : {}), extensions: { code: 'INTERNAL' } };
}
