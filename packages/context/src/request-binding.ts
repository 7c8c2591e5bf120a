import { createHash } from 'node:crypto';

/**
 * Binds a signature to the operation it was made for, so that a captured header cannot carry another
 * query or other variables. Both sides hash the query text and the JSON of the variables as sent.
 */
export function operationHash(query: string, variables: unknown): string {
  return createHash('sha256')
    .update(query)
    .update('\n')
    .update(JSON.stringify(variables ?? {}))
    .digest('base64url');
}
