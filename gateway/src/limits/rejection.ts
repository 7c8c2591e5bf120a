import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/** What a refused request broke: a limit, the persisted-query allowlist, or introspection in production. */
export type RejectionKind = 'depth' | 'aliases' | 'cost' | 'tokens' | 'directives' | 'batch' | 'persisted' | 'introspection' | 'malformed';

/**
 * A request refused before execution. Always BAD_USER_INPUT (HTTP 400), naming the limit and its configured
 * maximum, or, for a request that is not a well-formed GraphQL request, the part at fault; never quoting the query.
 */
export class QueryRejected extends GraphQLError {
  constructor(
    message: string,
    readonly kind: RejectionKind,
    readonly maximum: number | null,
    field?: string,
  ) {
    super(message, {
      extensions: { code: 'BAD_USER_INPUT', ...(field !== undefined ? { field } : { limit: kind }), ...(maximum !== null ? { maximum } : {}) },
    });
    this.name = 'QueryRejected';
  }

  /** The shape a client sees, within or outside Apollo. */
  toFormatted(): GraphQLFormattedError {
    return { message: this.message, extensions: { ...this.extensions } };
  }
}

const NOUN: Record<'depth' | 'aliases' | 'cost' | 'tokens' | 'directives', string> = {
  depth: 'depth',
  aliases: 'alias',
  cost: 'cost',
  tokens: 'token',
  directives: 'directive',
};

/** `Query exceeds the depth limit: maximum 8, found 9`. */
export function limitExceeded(kind: keyof typeof NOUN, maximum: number, found?: number): QueryRejected {
  const seen = found === undefined || !Number.isFinite(found) ? '' : `, found ${Math.ceil(found)}`;
  return new QueryRejected(`Query exceeds the ${NOUN[kind]} limit: maximum ${maximum}${seen}`, kind, maximum);
}

export function batchExceeded(maximum: number, found: number): QueryRejected {
  const message =
    maximum <= 1
      ? 'Batched operations are off: maximum 1 operation per request, sent as a JSON object, not an array'
      : `Request exceeds the batch limit: maximum ${maximum} operations per request, found ${found}`;
  return new QueryRejected(message, 'batch', maximum);
}

export function notPersisted(): QueryRejected {
  return new QueryRejected('Only persisted queries are accepted, and this operation is not one of them', 'persisted', null);
}

export function introspectionDisabled(): QueryRejected {
  return new QueryRejected('Introspection (__schema, __type) is disabled on this hub', 'introspection', null);
}

/** A body that is not a GraphQL request: a client's mistake, named with the part at fault, never INTERNAL. */
export function malformed(field: string, message: string): QueryRejected {
  return new QueryRejected(message, 'malformed', null, field);
}
