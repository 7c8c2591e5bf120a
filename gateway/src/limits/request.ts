import { GraphQLError, Lexer, Source, TokenKind } from 'graphql';
import type { QueryLimitsConfig } from './limits.js';
import { queryHash } from './persisted.js';
import { batchExceeded, limitExceeded, malformed, notPersisted, type QueryRejected } from './rejection.js';

export type CheckedRequest = { ok: true; body: unknown } | { ok: false; error: QueryRejected };

/**
 * What is decided on the HTTP body, before Apollo sees it: that it is a GraphQL request at all (an object with a string
 * query, object variables, no NUL character in any string), the batch size, the persisted-query allowlist (an
 * operation sent by its sha256 alone gets its text from the list), and the token count.
 */
export function checkRequest(body: unknown, config: QueryLimitsConfig): CheckedRequest {
  if (body === undefined) return { ok: false, error: malformed('body', 'The request has no body: send a JSON object with "query"') };
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
  if (operation === null || typeof operation !== 'object' || Array.isArray(operation)) {
    return { ok: false, error: malformed('body', 'The request body must be a JSON object with "query"') };
  }
  const request = operation as {
    query?: unknown;
    variables?: unknown;
    operationName?: unknown;
    extensions?: { persistedQuery?: { sha256Hash?: unknown } };
  };
  const sent = request.extensions?.persistedQuery?.sha256Hash;
  const sentHash = typeof sent === 'string' ? sent.toLowerCase() : undefined;
  if (request.query !== undefined && typeof request.query !== 'string') return { ok: false, error: malformed('query', '"query" must be a string') };
  if (request.query === undefined && sentHash === undefined) return { ok: false, error: malformed('query', 'The request has no "query"') };
  if (request.variables != null && (typeof request.variables !== 'object' || Array.isArray(request.variables))) {
    return { ok: false, error: malformed('variables', '"variables" must be a JSON object') };
  }
  if (request.operationName != null && typeof request.operationName !== 'string')
    return { ok: false, error: malformed('operationName', '"operationName" must be a string') };
  const nul = nulAt(request.variables, 'variables') ?? nulAt(request.operationName, 'operationName');
  if (nul) return { ok: false, error: malformed(nul, 'A string may not contain the NUL character (U+0000)') };
  let query = typeof request.query === 'string' ? request.query : undefined;
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

/** Where a NUL character sits in a request's values (no registry or legacy system can hold one), if anywhere. */
function nulAt(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = nulAt(item, `${path}.${i}`);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = nulAt(key, path) ?? nulAt(item, `${path}.${key}`);
      if (found) return found;
    }
  }
  return null;
}
