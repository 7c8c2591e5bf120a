import type { GraphQLFormattedError } from 'graphql';

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

/**
 * The last filter before a client: subgraph errors arrive already cleaned; anything else (a subgraph that
 * could not be reached, a planner failure) becomes INTERNAL without its message, which can name hosts.
 */
export function formatGatewayError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const code = formatted.extensions?.['code'];
  if (typeof code === 'string' && PUBLIC_CODES.has(code)) {
    const { stacktrace: _s, serviceName: _n, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  return { message: 'Internal error', ...(formatted.path ? { path: formatted.path } : {}), extensions: { code: 'INTERNAL' } };
}
