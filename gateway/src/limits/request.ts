import { GraphQLError, Lexer, Source, TokenKind } from 'graphql';
import type { QueryLimitsConfig } from './limits.js';
import { queryHash } from './persisted.js';
import { batchExceeded, limitExceeded, notPersisted, type QueryRejected } from './rejection.js';

export type CheckedRequest = { ok: true; body: unknown } | { ok: false; error: QueryRejected };

/**
 * What is decided on the HTTP body, before Apollo sees it: the batch size, the persisted-query allowlist (an
 * operation sent by its sha256 alone gets its text from the list), and the token count. Anything that is not a
 * well-formed operation is passed on for Apollo to refuse in its own words.
 */
export function checkRequest(body: unknown, config: QueryLimitsConfig): CheckedRequest {
  if (Array.isArray(body)) {
    // A batch limit of 1 turns batching off: any JSON array is refused. An empty one is Apollo's to refuse.
    if (body.length > 0 && (config.maxBatch <= 1 || body.length > config.maxBatch)) {
      return { ok: false, error: batchExceeded(config.maxBatch, body.length) };
    }
    const operations: unknown[] = [];
    for (const operation of body) {
      const checked = checkOperation(operation, config);
      if (!checked.ok) return checked;
      operations.push(checked.body);
    }
    return { ok: true, body: operations };
  }
  return checkOperation(body, config);
}

function checkOperation(operation: unknown, config: QueryLimitsConfig): CheckedRequest {
  if (operation === null || typeof operation !== 'object') return { ok: true, body: operation };
  const request = operation as { query?: unknown; extensions?: { persistedQuery?: { sha256Hash?: unknown } } };
  let query = typeof request.query === 'string' ? request.query : undefined;
  const sent = request.extensions?.persistedQuery?.sha256Hash;
  const sentHash = typeof sent === 'string' ? sent.toLowerCase() : undefined;
  let resolved = operation;
  if (query === undefined && sentHash !== undefined && config.persistedQueries?.has(sentHash)) {
    query = config.persistedQueries.get(sentHash)!;
    resolved = { ...request, query };
  }
  if (config.persistedOnly) {
    const hash = query !== undefined ? queryHash(query) : sentHash;
    if (hash === undefined || !config.persistedQueries?.has(hash)) return { ok: false, error: notPersisted() };
  }
  if (query !== undefined && exceedsTokens(query, config.maxTokens)) return { ok: false, error: limitExceeded('tokens', config.maxTokens) };
  return { ok: true, body: resolved };
}

/** Counts tokens as graphql-js's parser does (comments and commas are not tokens), stopping past the limit. */
export function exceedsTokens(query: string, maximum: number): boolean {
  const lexer = new Lexer(new Source(query));
  let count = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) {
      if (++count > maximum) return true;
    }
  } catch (error) {
    // A lexical error: Apollo's parser refuses the document with its own GRAPHQL_PARSE_FAILED.
    if (error instanceof GraphQLError) return false;
    throw error;
  }
  return false;
}
