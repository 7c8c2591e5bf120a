import { normaliseKanaForMatch } from '@welfare-hub/codec';
import type { PersonRow } from '@welfare-hub/adapter-juki';
import { badInput } from '@welfare-hub/subgraph-host';
import type { QueryResolvers } from './generated/resolvers.js';

const MAX_PAGE = 100;

interface Position {
  residentStatus: number;
  atenaNo: string;
}

/** A cursor is the position of a row in the search's order, opaque to clients (base64url of JSON). */
export function encodeCursor(row: Pick<PersonRow, 'residentStatus' | 'atenaNo'>): string {
  return Buffer.from(JSON.stringify([row.residentStatus, row.atenaNo]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): Position {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badInput('after', 'after must be a cursor this search returned');
  }
  if (
    !Array.isArray(value) ||
    value.length !== 2 ||
    ![1, 2, 3, 4].includes(value[0] as number) ||
    typeof value[1] !== 'string' ||
    !/^\d{1,15}$/.test(value[1])
  ) {
    throw badInput('after', 'after must be a cursor this search returned');
  }
  return { residentStatus: value[0] as number, atenaNo: value[1] };
}

/** searchPersons as a Relay-style connection (issue 17): the same rules, page by page past searchPersons' 100. */
export const searchConnectionQuery: QueryResolvers = {
  searchPersonsConnection: async (_, args, ctx) => {
    const kanaKey = args.nameKana == null ? null : normaliseKanaForMatch(args.nameKana);
    if (kanaKey !== null && !/^[\u30A1-\u30FA]+$/u.test(kanaKey)) throw badInput('nameKana', 'nameKana must be kana');
    if (kanaKey === null && args.birthDate == null) throw badInput('nameKana', 'Give nameKana, birthDate or both');
    if (!Number.isInteger(args.first) || args.first < 1 || args.first > MAX_PAGE) throw badInput('first', `first must be between 1 and ${MAX_PAGE}`);
    const after = args.after == null ? null : decodeCursor(args.after);
    const empty = { edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: after !== null, startCursor: null, endCursor: null } };
    if (!(await ctx.policy.identityVisible())) return empty;
    const page = await ctx.store.searchPage({ kanaKey, birthDate: args.birthDate ?? null, after, first: args.first });
    for (const row of page.rows) ctx.loaders.person.prime(row.atenaNo, row);
    // Each person a page returns is a SEARCH in the audit log before it leaves, as for searchPersons.
    await ctx.identity.found(page.rows);
    const edges = page.rows.map((row) => ({ cursor: encodeCursor(row), node: row }));
    return {
      edges,
      pageInfo: {
        hasNextPage: page.hasNextPage,
        hasPreviousPage: after !== null,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
    };
  },
};
