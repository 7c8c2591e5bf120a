import { ApolloServerValidationErrorCode } from '@apollo/server/errors';
import type { GraphQLFormattedError, ParseOptions, ValidationRule } from 'graphql';
import type { QueryLimitsConfig } from './limits.js';
import { introspectionDisabled, QueryRejected } from './rejection.js';
import { checkRequest, type CheckedRequest } from './request.js';
import { limitRules } from './rules.js';

export { DEFAULT_QUERY_LIMITS, type QueryLimits, type QueryLimitsConfig } from './limits.js';
export { QueryRejected, type RejectionKind } from './rejection.js';
export { loadPersistedQueries, PersistedQueriesError, queryHash } from './persisted.js';
export { checkRequest, exceedsTokens, type CheckedRequest } from './request.js';
export { limitRules } from './rules.js';

type FormatError = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

export interface QueryGuard {
  /** The HTTP body's checks (batch, persisted queries, tokens); run before Apollo. */
  checkRequest(body: unknown): CheckedRequest;
  /** Spread into the ApolloServer options. */
  apolloOptions(formatError: FormatError): {
    introspection: boolean;
    hideSchemaDetailsFromClientErrors: boolean;
    allowBatchedHttpRequests: boolean;
    validationRules: ValidationRule[];
    parseOptions: ParseOptions;
    formatError: FormatError;
  };
}

const SUGGESTION = / ?Did you mean [^?]*\?/g;

/**
 * The gateway's query limits. In production mode, introspection is refused and no error suggests a field,
 * type or value name ("Did you mean …"), so the schema cannot be read off error messages either.
 */
export function queryGuard(config: QueryLimitsConfig, production: boolean): QueryGuard {
  const wrap =
    (inner: FormatError): FormatError =>
    (formatted, error) => {
      const original = error instanceof Error && 'originalError' in error && error.originalError ? error.originalError : error;
      if (original instanceof QueryRejected) return inner(original.toFormatted(), original);
      // Apollo's own NoIntrospection rule, active when introspection is off.
      if (formatted.extensions?.['validationErrorCode'] === ApolloServerValidationErrorCode.INTROSPECTION_DISABLED) {
        return inner(introspectionDisabled().toFormatted(), error);
      }
      const shown = inner(formatted, error);
      return production ? { ...shown, message: shown.message.replace(SUGGESTION, '') } : shown;
    };
  return {
    checkRequest: (body) => checkRequest(body, config),
    apolloOptions: (formatError) => ({
      introspection: !production,
      hideSchemaDetailsFromClientErrors: production,
      allowBatchedHttpRequests: config.maxBatch > 1,
      validationRules: limitRules(config),
      // Unreachable once checkRequest has counted the tokens; kept so that no path parses an unbounded document.
      parseOptions: { maxTokens: config.maxTokens },
      formatError: wrap(formatError),
    }),
  };
}
