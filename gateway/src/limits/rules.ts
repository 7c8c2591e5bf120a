import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphQLError, ValidationContext, ValidationRule } from 'graphql';
import type { QueryLimits } from './limits.js';
import { limitExceeded, malformed } from './rejection.js';

type Reject = (context: ValidationContext | null, error: GraphQLError) => void;

/**
 * graphql-armor's depth, alias, cost and directive rules, run by Apollo with its own validation. Armor's Apollo
 * preset is not used as it stands: under Apollo Server 5 its errors come out as GRAPHQL_VALIDATION_FAILED ("Syntax
 * Error: …") and its token plugin throws from a hook, which Apollo answers with HTTP 500. So each rule reports a
 * QueryRejected of its own (BAD_USER_INPUT), tokens are counted before Apollo (request.ts), and suggestions are
 * hidden by Apollo's own option.
 */
export function limitRules(limits: QueryLimits): ValidationRule[] {
  const report = (kind: 'depth' | 'aliases' | 'cost' | 'directives', maximum: number): Reject[] => [
    (context, error) => {
      // Armor's message ends "…, found N." (exposeLimits); only the number is kept, never armor's wording.
      const found = /found (\d+(?:\.\d+)?)\.?$/.exec(error.message);
      context?.reportError(limitExceeded(kind, maximum, found ? Number(found[1]) : undefined));
    },
  ];
  const common = { exposeLimits: true, propagateOnRejection: false } as const;
  return new ApolloArmor({
    maxDepth: { ...common, n: limits.maxDepth, onReject: report('depth', limits.maxDepth) },
    maxAliases: { ...common, n: limits.maxAliases, onReject: report('aliases', limits.maxAliases) },
    costLimit: { ...common, maxCost: limits.maxCost, onReject: report('cost', limits.maxCost) },
    maxDirectives: { ...common, n: limits.maxDirectives, onReject: report('directives', limits.maxDirectives) },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  })
    .protect()
    .validationRules.concat(noNulInStrings);
}

/** A string literal in the document with a NUL character (`"\u0000"`): refused like one in the variables. */
const noNulInStrings: ValidationRule = (context) => ({
  StringValue(node) {
    if (node.value.includes('\u0000')) context.reportError(malformed('query', 'A string may not contain the NUL character (U+0000)'));
  },
});
