/**
 * What one request may ask of the gateway. Checked before any planning, so a refused request never reaches a
 * subgraph. Sized for the household view (a household, its members, their four sector profiles, access entries
 * and situations: depth 5, cost 251, 106 tokens, no alias, no directive) with ample headroom.
 */
export interface QueryLimits {
  /** Nesting of fields (a fragment spread counts one level). */
  maxDepth: number;
  maxAliases: number;
  /** graphql-armor's cost: 1 a leaf, 2 an object, each nested level weighing 1.5 times its parent. */
  maxCost: number;
  /** Lexical tokens of the document, counted before it is parsed. */
  maxTokens: number;
  maxDirectives: number;
  /** Operations in one HTTP body; 1 means a JSON array body (a batch) is refused. */
  maxBatch: number;
}

export interface QueryLimitsConfig extends QueryLimits {
  /** sha256 hex of the query text → the query text, from HUB_PERSISTED_QUERIES; null when none is configured. */
  persistedQueries: ReadonlyMap<string, string> | null;
  /** Refuse every operation whose sha256 is not in persistedQueries. */
  persistedOnly: boolean;
}

export const DEFAULT_QUERY_LIMITS: Readonly<QueryLimits> = Object.freeze({
  maxDepth: 8,
  maxAliases: 30,
  maxCost: 5000,
  maxTokens: 2000,
  maxDirectives: 10,
  maxBatch: 1,
});
