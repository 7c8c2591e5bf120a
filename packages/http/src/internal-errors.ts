import type { ApolloServerPlugin } from '@apollo/server';
import { isPublicCode } from './format-error.js';

/** What is kept of an error answered as INTERNAL: where, the request, the path of the field. Never a message. */
export interface InternalErrorReport {
  requestId: string | null;
  path: string | null;
  /** The class of what was thrown (a driver's error, a TypeError): enough to look for it, nothing it said. */
  error: string;
}

/**
 * Reports every error that will reach the client as INTERNAL, so that none goes unseen: the caller logs and counts it.
 * Messages are never passed on: a database error can quote the row it choked on.
 */
export function internalErrorPlugin<C>(
  requestIdOf: (context: C) => string | null,
  report: (r: InternalErrorReport) => void,
): ApolloServerPlugin<C & object> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            if (isPublicCode(error.extensions?.['code']) && error.extensions?.['code'] !== 'INTERNAL') continue;
            const original = error.originalError ?? error;
            report({ requestId: requestIdOf(contextValue), path: error.path?.join('.') ?? null, error: original.constructor.name });
          }
        },
      };
    },
  };
}
