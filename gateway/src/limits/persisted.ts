import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

export class PersistedQueriesError extends Error {}

/** The sha256 hex of a query text, as Apollo's automatic persisted queries compute it. */
export function queryHash(query: string): string {
  return createHash('sha256').update(query, 'utf8').digest('hex');
}

/**
 * Reads a persisted-query list: a JSON object mapping the sha256 hex of each query text to that text. Every
 * entry is checked against its hash, so a list that was edited by hand fails here rather than at request time.
 */
export function loadPersistedQueries(path: string): ReadonlyMap<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new PersistedQueriesError(`cannot read the persisted-query list ${path}: ${error instanceof Error ? error.message : 'unreadable'}`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new PersistedQueriesError(`the persisted-query list ${path} must be a JSON object of sha256 hex → query text`);
  }
  const queries = new Map<string, string>();
  for (const [key, text] of Object.entries(parsed)) {
    const hash = key.toLowerCase();
    if (!/^[0-9a-f]{64}$/.test(hash)) throw new PersistedQueriesError(`persisted-query key ${key} is not a sha256 hex digest`);
    if (typeof text !== 'string') throw new PersistedQueriesError(`persisted query ${key} is not a string`);
    if (queryHash(text) !== hash) throw new PersistedQueriesError(`persisted query ${key} does not hash to its key`);
    queries.set(hash, text);
  }
  return queries;
}
