import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { ContextSigner, generateSigningKeys } from '@welfare-hub/context';
import { supergraphSdl } from '@welfare-hub/schema';
import { createAuthenticator } from '../src/authenticate.js';
import { startGateway, type RunningGateway } from '../src/gateway.js';
import { gatewayDefaults } from './support/defaults.js';
import { DEFAULT_QUERY_LIMITS, loadPersistedQueries, queryHash, type QueryLimitsConfig } from '../src/limits/index.js';
import { startStandInSubgraphs, type StandInSubgraphs } from './support/stand-in-subgraphs.js';

const SECRET = 'a-test-secret-of-more-than-thirty-two-bytes';

/**
 * The household view with every field of the contract that the graph serves today, the biggest legitimate
 * query (depth 5, cost 241.25, 100 tokens; with `situations { kind personIds evidence }`, once served: cost 251,
 * 106 tokens).
 */
const HOUSEHOLD_VIEW = `query HouseholdView($id: ID!) {
  household(id: $id) {
    id address district
    members {
      id name nameKana birthDate age sex relationship
      household { id }
      access { sector status basis reference }
      kaigo { insuredNumber careLevel careLevelValidUntil consultations { id date category status summary } }
      shogai { certificates { type grade validUntil } supportLevel services consultations { id date category status summary } }
      kodomo { cases { id category status openedOn closedOn youngCarerConcern } }
      konkyu { consultations { id date category status summary } }
    }
  }
}`;

/** A query `depth` fields deep: person, then household and members in turn, then id. */
const deep = (depth: number): string => {
  let inner = 'id';
  for (let level = depth - 1; level >= 2; level--) inner = `${level % 2 === 0 ? 'household' : 'members'} { ${inner} }`;
  return `{ person(id: "0000000001") { ${inner} } }`;
};
const aliased = (n: number): string => `{ ${Array.from({ length: n }, (_, i) => `v${i}: me { staffId }`).join(' ')} }`;
const directed = (n: number): string =>
  `{ me { ${Array.from({ length: n }, (_, i) => `staffId @${i % 2 ? 'skip(if: false)' : 'include(if: true)'}`).join(' ')} } }`;
/** Cost 2 + 1.5 n (graphql-armor: an object 2, each leaf under it 1.5); 5 + n tokens. */
const wide = (n: number): string => `{ me { ${Array(n).fill('staffId').join(' ')} } }`;

/** A field, an enum literal and an enum variable, each one letter short. */
const TYPOS = [
  { query: '{ me { staffI } }' },
  { query: '{ linkageQueue(sector: KAIG) { __typename } }' },
  { query: 'query ($s: Sector!) { linkageQueue(sector: $s) { __typename } }', variables: { s: 'KAIG' } },
];

interface Answer {
  status: number;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] } | unknown[];
}

describe('query limits at the gateway', () => {
  let standIns: StandInSubgraphs;
  let signer: ContextSigner;
  let bearer: string;
  const running: RunningGateway[] = [];
  let persistedDir: string;

  const start = async (limits: Partial<QueryLimitsConfig>, production = false): Promise<string> => {
    const gateway = await startGateway({
      host: '127.0.0.1',
      port: 0,
      supergraphSdl: supergraphSdl(),
      endpoints: standIns.endpoints,
      signer,
      authenticate: createAuthenticator({ mode: 'demo', secret: SECRET, jwksUrl: null, issuer: null, audience: null }),
      production,
      ...gatewayDefaults(),
      limits: { ...DEFAULT_QUERY_LIMITS, persistedQueries: null, persistedOnly: false, ...limits },
    });
    running.push(gateway);
    return gateway.url;
  };

  const post = async (url: string, body: unknown): Promise<Answer> => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Answer['body'] };
  };

  /** Sends the request and reports how many subgraph calls it caused. */
  const send = async (url: string, body: unknown): Promise<Answer & { subgraphCalls: number }> => {
    const before = standIns.calls();
    const answer = await post(url, body);
    return { ...answer, subgraphCalls: standIns.calls() - before };
  };

  const expectAnswered = (answer: Answer & { subgraphCalls: number }): void => {
    expect(answer.status).toBe(200);
    expect(answer.body).not.toHaveProperty('errors');
    expect(answer.subgraphCalls).toBeGreaterThan(0);
  };

  const expectRefused = (answer: Answer & { subgraphCalls: number }, limit: string, maximum: number | null, query?: string): void => {
    expect(answer.status).toBe(400);
    expect(answer.subgraphCalls).toBe(0);
    const body = answer.body as Exclude<Answer['body'], unknown[]>;
    expect(body.data).toBeUndefined();
    expect(body.errors).toHaveLength(1);
    const [error] = body.errors!;
    expect(error!.extensions).toEqual({ code: 'BAD_USER_INPUT', limit, ...(maximum !== null ? { maximum } : {}) });
    if (maximum !== null) expect(error!.message).toContain(`maximum ${maximum}`);
    expect(error!.message).not.toMatch(/Syntax Error|staffId|person|household|\{/);
    if (query) expect(error!.message).not.toContain(query.slice(0, 12));
  };

  let defaults: string;
  let configured: string;
  let fewTokens: string;
  let production: string;
  let persistedOnly: string;
  const LISTED = '{ me { staffId registered } }';

  beforeAll(async () => {
    standIns = await startStandInSubgraphs();
    signer = new ContextSigner((await generateSigningKeys()).privateKey);
    bearer = await new SignJWT({ org: 'KAIGO-HOKATSU', roles: [] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('kaigo-01')
      .setExpirationTime('10m')
      .sign(new TextEncoder().encode(SECRET));
    persistedDir = mkdtempSync(join(tmpdir(), 'hub-persisted-'));
    const list = join(persistedDir, 'persisted.json');
    writeFileSync(list, JSON.stringify({ [queryHash(LISTED)]: LISTED, [queryHash(HOUSEHOLD_VIEW)]: HOUSEHOLD_VIEW }));
    [defaults, configured, fewTokens, production, persistedOnly] = await Promise.all([
      start({}),
      start({ maxDepth: 3, maxAliases: 2, maxCost: 20, maxDirectives: 1, maxBatch: 2 }),
      start({ maxTokens: 17 }),
      start({ persistedQueries: loadPersistedQueries(list) }, true),
      start({ persistedQueries: loadPersistedQueries(list), persistedOnly: true }, true),
    ]);
  }, 30_000);

  afterAll(async () => {
    for (const gateway of running) await gateway.close();
    await standIns?.close();
    rmSync(persistedDir, { recursive: true, force: true });
  });

  describe('with the defaults', () => {
    it('lets the whole household view through to the subgraphs', async () => {
      const answer = await send(defaults, { query: HOUSEHOLD_VIEW, variables: { id: '0000000001' } });
      expectAnswered(answer);
      const household = (answer.body as { data: { household: { members: Record<string, unknown>[] } } }).data.household;
      expect(household.members[0]).toMatchObject({
        kaigo: expect.any(Object),
        shogai: expect.any(Object),
        kodomo: expect.any(Object),
        konkyu: expect.any(Object),
      });
      for (const name of ['juki', 'kaigo', 'shogai', 'kodomo', 'konkyu', 'hub']) expect(standIns.callsTo(name)).toBeGreaterThan(0);
    });

    it.each([
      ['depth', 8, deep],
      ['aliases', 30, aliased],
      ['directives', 10, directed],
    ] as const)('answers a query at the %s limit (%i) and refuses one past it', async (limit, maximum, make) => {
      expectAnswered(await send(defaults, { query: make(maximum) }));
      const over = make(maximum + 1);
      const answer = await send(defaults, { query: over });
      expectRefused(answer, limit, maximum, over);
      expect((answer.body as { errors: { message: string }[] }).errors[0]!.message).toContain(`found ${maximum + 1}`);
    });

    it('has batching off: one operation in an object, never a JSON array', async () => {
      expectAnswered(await send(defaults, { query: wide(1) }));
      expectRefused(await send(defaults, [{ query: wide(1) }, { query: wide(1) }]), 'batch', 1);
    });

    it('lets a screen of twelve household views through, under aliases', async () => {
      const view = HOUSEHOLD_VIEW.slice(HOUSEHOLD_VIEW.indexOf('household(id: $id)'), HOUSEHOLD_VIEW.lastIndexOf('}'));
      const screen = `query Screen($id: ID!) { ${Array.from({ length: 12 }, (_, i) => `h${i}: ${view}`).join(' ')} }`;
      expectAnswered(await send(defaults, { query: screen, variables: { id: '0000000001' } }));
    });

    it('answers introspection and suggests names in demo mode', async () => {
      const schema = await send(defaults, { query: '{ __schema { queryType { name } } }' });
      expect(schema.body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
      for (const typo of TYPOS) {
        const answer = await send(defaults, typo);
        expect(answer.status).toBe(400);
        expect((answer.body as { errors: { message: string }[] }).errors[0]!.message).toContain('Did you mean');
      }
    });
  });

  describe('with limits from the environment', () => {
    it('holds the cost limit: cost 20 answered, 21.5 refused', async () => {
      expectAnswered(await send(configured, { query: wide(12) }));
      expectRefused(await send(configured, { query: wide(13) }), 'cost', 20, wide(13));
    });

    it('holds the token limit: 17 tokens answered, 18 refused before parsing', async () => {
      expectAnswered(await send(fewTokens, { query: wide(12) }));
      expectRefused(await send(fewTokens, { query: `query ${wide(12)}` }), 'tokens', 17);
    });

    it('holds the batch limit: two operations answered, three refused', async () => {
      const two = await send(configured, [{ query: wide(1) }, { query: wide(2) }]);
      expect(two.status).toBe(200);
      expect(two.body).toHaveLength(2);
      expect(two.subgraphCalls).toBe(2);
      expectRefused(await send(configured, [{ query: wide(1) }, { query: wide(1) }, { query: wide(1) }]), 'batch', 2);
    });

    it.each([
      ['depth', 3, deep],
      ['aliases', 2, aliased],
      ['directives', 1, directed],
    ] as const)('holds the %s limit of %i', async (limit, maximum, make) => {
      expectAnswered(await send(configured, { query: make(maximum) }));
      expectRefused(await send(configured, { query: make(maximum + 1) }), limit, maximum);
    });

    it('judges each operation of a batch on its own: the one past a limit is refused and never planned', async () => {
      const answer = await send(configured, [{ query: wide(1) }, { query: deep(4) }]);
      expect(answer.status).toBe(400);
      expect(answer.subgraphCalls).toBe(1);
      const [first, second] = answer.body as Exclude<Answer['body'], unknown[]>[];
      expect(first).toEqual({ data: { me: { staffId: expect.any(String) } } });
      expect(second!.errors?.map((e) => e.extensions)).toEqual([{ code: 'BAD_USER_INPUT', limit: 'depth', maximum: 3 }]);
    });
  });

  describe('in production mode', () => {
    it.each([
      '{ __schema { types { name } } }',
      '{ __type(name: "Person") { fields { name } } }',
      '{ me { staffId } __schema { queryType { name } } }',
    ])('refuses introspection: %s', async (query) => {
      const answer = await send(production, { query });
      expectRefused({ ...answer, subgraphCalls: answer.subgraphCalls }, 'introspection', null, query);
      expect((answer.body as { errors: { message: string }[] }).errors[0]!.message).toBe('Introspection (__schema, __type) is disabled on this hub');
    });

    it('still answers __typename', async () => {
      expectAnswered(await send(production, { query: '{ __typename me { __typename staffId } }' }));
    });

    it('suggests no field or value names, in validation or in variables', async () => {
      const messages: string[] = [];
      for (const typo of TYPOS) {
        const answer = await send(production, typo);
        expect(answer.status).toBe(400);
        expect(answer.subgraphCalls).toBe(0);
        messages.push(...(answer.body as { errors: { message: string }[] }).errors.map((e) => e.message));
      }
      expect(messages[0]).toBe('Cannot query field "staffI" on type "Viewer".');
      for (const message of messages) expect(message).not.toMatch(/Did you mean|KAIGO|staffId/);
    });

    it('serves a query sent by its sha256 alone from the persisted-query list', async () => {
      const answer = await send(production, { extensions: { persistedQuery: { version: 1, sha256Hash: queryHash(LISTED) } } });
      expectAnswered(answer);
      expect((answer.body as { data: unknown }).data).toEqual({ me: { staffId: expect.any(String), registered: false } });
    });

    describe('with HUB_PERSISTED_ONLY=true', () => {
      it('answers a listed query, by its text or by its sha256 alone', async () => {
        expectAnswered(await send(persistedOnly, { query: LISTED }));
        expectAnswered(await send(persistedOnly, { query: HOUSEHOLD_VIEW, variables: { id: '0000000001' } }));
        expectAnswered(
          await send(persistedOnly, {
            extensions: { persistedQuery: { version: 1, sha256Hash: queryHash(HOUSEHOLD_VIEW) } },
            variables: { id: '1' },
          }),
        );
      });

      it('refuses any other operation before it reaches a subgraph', async () => {
        const other = '{ me { staffId } }';
        expectRefused(await send(persistedOnly, { query: other }), 'persisted', null, other);
        expectRefused(await send(persistedOnly, { query: `${LISTED} ` }), 'persisted', null);
        expectRefused(await send(persistedOnly, { extensions: { persistedQuery: { version: 1, sha256Hash: queryHash(other) } } }), 'persisted', null);
        expectRefused(
          await send(persistedOnly, { query: other, extensions: { persistedQuery: { version: 1, sha256Hash: queryHash(LISTED) } } }),
          'persisted',
          null,
        );
      });
    });
  });
});
