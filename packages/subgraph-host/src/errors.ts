import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';

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
]);

/**
 * Keeps internals out of answers: no stack, no SQL, no personal data. A database error message can quote
 * the row it choked on, so unknown errors keep only their path.
 */
export function formatError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const code = formatted.extensions?.['code'];
  if (typeof code === 'string' && PUBLIC_CODES.has(code)) {
    const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  return {
    message: 'Internal error',
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: 'INTERNAL' },
  };
}

export function forbidden(message = 'This operation needs a role the token does not carry'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });
}

export function badInput(field: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', field } });
}
