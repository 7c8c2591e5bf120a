import { SignJWT } from 'jose';
import { ContextSigner, generateSigningKeys, operationHash, CONTEXT_HEADER, type HubContext } from '@welfare-hub/context';
import { graphql, startHubUnderTest, token, type HubUnderTest } from './support/hub-under-test.js';

const ME = '{ me { staffId registered } }';

describe('the gateway and the signed subgraph calls', () => {
  let t: HubUnderTest;
  beforeAll(async () => {
    t = await startHubUnderTest(null);
  }, 120_000);
  afterAll(() => t.stop());

  describe('client authentication', () => {
    it('answers 401 without a token, with a bad signature and with an expired token', async () => {
      expect((await graphql(t.url, ME)).status).toBe(401);
      const forged = await token({ sub: 'kaigo-01', org: 'KAIGO-HOKATSU' }, { secret: 'not-the-secret-not-the-secret-not-the' });
      expect((await graphql(t.url, ME, { token: forged })).status).toBe(401);
      const expired = await token({ sub: 'kaigo-01', org: 'KAIGO-HOKATSU' }, { expiresIn: '-1m' });
      const answer = await graphql(t.url, ME, { token: expired });
      expect(answer.status).toBe(401);
      expect(answer.data).toBeUndefined();
      expect(answer.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('answers a valid token', async () => {
      const answer = await graphql<{ me: { staffId: string; registered: boolean } }>(t.url, ME, {
        token: await token({ sub: 'kaigo-01', org: 'KAIGO-HOKATSU' }),
      });
      expect(answer.status).toBe(200);
      expect(answer.data?.me).toEqual({ staffId: 'kaigo-01', registered: true });
    });

    it('does not count a staff id under another organisation as registered', async () => {
      const answer = await graphql<{ me: { registered: boolean } }>(t.url, ME, {
        token: await token({ sub: 'kaigo-01', org: 'KODOMO-CENTER' }),
      });
      expect(answer.data?.me.registered).toBe(false);
    });
  });

  describe('requests a client can fix', () => {
    const post = async (body: string, headers: Record<string, string> = {}): Promise<{ status: number; codes: string[]; fields: unknown[] }> => {
      const response = await fetch(t.url, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${await token({ sub: 'kaigo-01', org: 'KAIGO-HOKATSU' })}`,
          'content-type': 'application/json',
          ...headers,
        },
        body,
      });
      const answer = (await response.json()) as { errors?: { extensions?: { code?: string; field?: string } }[] };
      return {
        status: response.status,
        codes: (answer.errors ?? []).map((e) => e.extensions?.code ?? ''),
        fields: (answer.errors ?? []).map((e) => e.extensions?.field),
      };
    };

    it.each([
      ['an empty body', '', 'body'],
      ['a query that is a number', '{"query": 12}', 'query'],
      ['no query at all', '{"variables": {}}', 'query'],
      ['variables that are not an object', '{"query": "{ me { staffId } }", "variables": [1]}', 'variables'],
      ['a body that is not an object', '"{ me { staffId } }"', 'body'],
      ['JSON that does not parse', '{"query": ', 'body'],
      [
        'a NUL character in a variable',
        JSON.stringify({ query: 'query ($k: String) { searchPersons(nameKana: $k) { id } }', variables: { k: 'ヤマ\u0000ダ' } }),
        'variables.k',
      ],
      ['a NUL character in a string of the query', JSON.stringify({ query: '{ searchPersons(nameKana: "ヤマ\\u0000ダ") { id } }' }), 'query'],
    ])('answers %s with BAD_USER_INPUT naming the part at fault, never INTERNAL', async (_, body, field) => {
      const answer = await post(body);
      expect(answer.status).toBe(400);
      expect(answer.codes).toEqual(['BAD_USER_INPUT']);
      expect(answer.fields).toEqual([field]);
    });

    it('answers a body that is not JSON with 415 and BAD_USER_INPUT', async () => {
      for (const type of ['text/plain', 'application/x-www-form-urlencoded', '']) {
        const answer = await post('{"query": "{ me { staffId } }"}', { 'content-type': type });
        expect(answer).toEqual({ status: 415, codes: ['BAD_USER_INPUT'], fields: ['content-type'] });
      }
    });

    it('answers a token whose claims hold a NUL character with 401', async () => {
      const bearer = await token({ sub: 'kaigo-01\u0000', org: 'KAIGO-HOKATSU' });
      const answer = await graphql(t.url, ME, { token: bearer });
      expect(answer.status).toBe(401);
      expect(answer.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('a subgraph called without the gateway', () => {
    const direct = async (name: string, body: { query: string; variables?: unknown }, headers: Record<string, string> = {}) => {
      const endpoint = t.endpoints.find((e) => e.name === name)!;
      const response = await fetch(endpoint.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: await response.text() };
    };
    const service = { query: '{ _service { sdl } }' };
    const entities = {
      query: 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Person { name } } }',
      variables: { r: [{ __typename: 'Person', id: '0000000001' }] },
    };
    const context: HubContext = { viewer: { staffId: 'kaigo-01', orgId: 'KAIGO-HOKATSU', roles: [] }, meetingId: null, requestId: 'r' };

    it.each(['juki', 'hub'])('refuses unsigned _service and _entities on %s with 401', async (name) => {
      for (const body of [service, entities]) {
        const answer = await direct(name, body);
        expect(answer.status).toBe(401);
        expect(answer.body).not.toContain('sdl');
      }
    });

    it('refuses a context signed with another key, for another subgraph, or for another operation', async () => {
      const stranger = new ContextSigner((await generateSigningKeys()).privateKey);
      const hubSigner = new ContextSigner(t.keys.privateKey);
      const op = operationHash(entities.query, entities.variables);
      const cases = [
        await stranger.sign('juki', context, op),
        await hubSigner.sign('hub', context, op),
        await hubSigner.sign('juki', context, operationHash(service.query, {})),
      ];
      for (const header of cases) expect((await direct('juki', entities, { [CONTEXT_HEADER]: header })).status).toBe(401);
    });

    it('refuses an expired context and a replayed one', async () => {
      const op = operationHash(service.query, {});
      const past = Math.floor(Date.now() / 1000) - 300;
      const expired = await new SignJWT({ org: 'KAIGO-HOKATSU', roles: [], rid: 'r', op })
        .setProtectedHeader({ alg: 'EdDSA' })
        .setIssuer('welfare-hub-gateway')
        .setSubject('kaigo-01')
        .setAudience('juki')
        .setIssuedAt(past)
        .setExpirationTime(past + 30)
        .setJti('old')
        .sign(t.keys.privateKey);
      expect((await direct('juki', service, { [CONTEXT_HEADER]: expired })).status).toBe(401);

      const fresh = await new ContextSigner(t.keys.privateKey).sign('juki', context, op);
      const first = await direct('juki', service, { [CONTEXT_HEADER]: fresh });
      expect(first.status).toBe(200);
      expect(first.body).toContain('type Person');
      expect((await direct('juki', service, { [CONTEXT_HEADER]: fresh })).status).toBe(401);
    });
  });

  describe('the entity resolvers', () => {
    const signedEntities = async (viewer: HubContext['viewer'], representations: unknown[]) => {
      const query = 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Person { id name } ... on Household { id members { id } } } }';
      const variables = { r: representations };
      const header = await new ContextSigner(t.keys.privateKey).sign(
        'juki',
        { viewer, meetingId: null, requestId: 'e' },
        operationHash(query, variables),
      );
      const endpoint = t.endpoints.find((e) => e.name === 'juki')!;
      const response = await fetch(endpoint.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [CONTEXT_HEADER]: header },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as { data: { _entities: ({ id: string; name?: string; members?: unknown[] } | null)[] } };
    };

    it('gives registered staff persons and households, and anyone else nulls, through _entities as through root fields', async () => {
      const [row] = await t.db.query(`SELECT atena_no, setai_no FROM juki.person WHERE resident_status = 1 LIMIT 1`);
      const representations = [
        { __typename: 'Person', id: row.atena_no },
        { __typename: 'Household', id: row.setai_no },
        { __typename: 'Person', id: '9999999999' },
      ];
      const registered = await signedEntities({ staffId: 'kaigo-01', orgId: 'KAIGO-HOKATSU', roles: [] }, representations);
      expect(registered.data._entities[0]).toMatchObject({ id: row.atena_no, name: expect.any(String) });
      expect(registered.data._entities[1]?.members?.length).toBeGreaterThan(0);
      expect(registered.data._entities[2]).toBeNull();
      for (const viewer of [
        { staffId: 'stranger', orgId: 'KAIGO-HOKATSU', roles: [] },
        { staffId: 'analyst-01', orgId: 'KIKAKU', roles: ['analyst' as const] },
      ]) {
        expect((await signedEntities(viewer, representations)).data._entities).toEqual([null, null, null]);
      }
    });
  });

  describe('readiness', () => {
    it('is ready with every source of the contract reported', async () => {
      const response = await fetch(t.readyUrl);
      const body = (await response.json()) as { ready: boolean; sources: Record<string, { state: string; recordsRead: number }> };
      expect(response.status).toBe(200);
      expect(body.ready).toBe(true);
      expect(Object.keys(body.sources).sort()).toEqual(['juki', 'kaigo', 'kodomo', 'konkyu', 'shogai']);
      expect(body.sources['juki']).toMatchObject({ state: 'ok', recordsRejected: expect.any(Number), awaitingLink: 0 });
      expect(body.sources['juki']!.recordsRead).toBeGreaterThan(300);
    });
  });

  describe('the register', () => {
    const register = `mutation ($o: OrganisationInput!, $s: StaffInput!) {
      registerOrganisation(input: $o) { id name sectors }
      registerStaff(input: $s) { id name organisation { id } }
    }`;
    const variables = {
      o: { id: 'SHAKYO-2', name: '第二社協', sectors: ['KONKYU', 'KAIGO'] },
      s: { id: 'shakyo-2-01', orgId: 'SHAKYO-2', name: '相談 員' },
    };

    it('needs the admin role', async () => {
      const answer = await graphql(t.url, register, { token: await token({ sub: 'kaigo-01', org: 'KAIGO-HOKATSU' }), variables });
      expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });

    it('names the field at fault', async () => {
      const admin = await token({ sub: 'someone', org: 'ANY', roles: ['admin'] });
      const answer = await graphql(t.url, register, {
        token: admin,
        variables: { ...variables, o: { ...variables.o, id: 'bad id with spaces' } },
      });
      expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.id' });
    });

    it('registers, updates, and keeps what it registered across a restart', async () => {
      const admin = await token({ sub: 'someone', org: 'ANY', roles: ['admin'] });
      const first = await graphql<{ registerOrganisation: { sectors: string[] } }>(t.url, register, { token: admin, variables });
      expect(first.errors).toBeUndefined();
      expect(first.data?.registerOrganisation.sectors).toEqual(['KAIGO', 'KONKYU']);
      const renamed = { ...variables, o: { ...variables.o, name: '第二社会福祉協議会' } };
      await graphql(t.url, register, { token: admin, variables: renamed });

      await t.restart();

      const me = await graphql<{ me: { registered: boolean; organisation: { name: string; sectors: string[] } } }>(
        t.url,
        '{ me { registered organisation { name sectors } } }',
        { token: await token({ sub: 'shakyo-2-01', org: 'SHAKYO-2' }) },
      );
      expect(me.data?.me).toEqual({ registered: true, organisation: { name: '第二社会福祉協議会', sectors: ['KAIGO', 'KONKYU'] } });
    }, 60_000);
  });
});
