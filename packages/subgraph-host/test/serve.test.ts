import { connect, createServer } from 'node:net';
import { parse } from 'graphql';
import {
  contextMigrations,
  ContextSigner,
  CONTEXT_HEADER,
  generateSigningKeys,
  operationHash,
  SharedReplayGuard,
  type SigningKeys,
} from '@welfare-hub/context';
import { openTestStore, type Store } from '@welfare-hub/store';
import { serveSubgraph, type RunningSubgraph, type SubgraphDefinition } from '../src/index.js';
import { configureLog } from '@welfare-hub/telemetry';

configureLog('silent');

const EIGHT_MB = 8 * 1024 * 1024;
const QUERY = '{ viewer }';
const definition: SubgraphDefinition<{ staffId: string }> = {
  name: 'shogai',
  typeDefs: parse('type Query { viewer: String }'),
  resolvers: { Query: { viewer: (_: unknown, __: unknown, ctx: { staffId: string }) => ctx.staffId } },
  context: (hub) => ({ staffId: hub.viewer.staffId }),
};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

interface RawAnswer {
  /** The status line's code, or null when nothing came back in time. */
  status: number | null;
  /** The server closed the connection. */
  closed: boolean;
  text: string;
}

/**
 * Speaks HTTP/1.1 on a socket so the test decides what of the body is sent: the headers declare `declared` bytes, then
 * `parts` are written with `pauseMs` before each. Resolves once the server closes or `waitMs` passed.
 */
function rawPost(port: number, headers: Record<string, string>, declared: number, parts: string[], pauseMs = 0, waitMs = 2_000): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let text = '';
    let closed = false;
    const done = (): void => {
      clearTimeout(timer);
      socket.destroy();
      const match = /^HTTP\/1\.1 (\d{3})/.exec(text);
      resolve({ status: match ? Number(match[1]) : null, closed, text });
    };
    const timer = setTimeout(done, waitMs);
    socket.on('data', (chunk) => (text += chunk.toString('utf8')));
    socket.on('end', () => {
      closed = true;
      done();
    });
    socket.on('error', reject);
    const head = [
      `POST /graphql HTTP/1.1`,
      `host: 127.0.0.1:${port}`,
      `content-type: application/json`,
      `content-length: ${declared}`,
      ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
    ];
    socket.write(`${head.join('\r\n')}\r\n\r\n`);
    void (async () => {
      for (const part of parts) {
        await new Promise((r) => setTimeout(r, pauseMs));
        if (!socket.destroyed) socket.write(part);
      }
    })();
  });
}

const viewer = { viewer: { staffId: 'S001', orgId: 'ORG1', roles: [] }, meetingId: null, requestId: 'r-1' };

describe('a subgraph checks the gateway signature before it reads a body', () => {
  let keys: SigningKeys;
  let stranger: SigningKeys;
  let running: RunningSubgraph;
  let port: number;
  beforeAll(async () => {
    keys = await generateSigningKeys();
    stranger = await generateSigningKeys();
    port = await freePort();
    running = await serveSubgraph(definition, { host: '127.0.0.1', port, publicKey: keys.publicKey });
  });
  afterAll(() => running.close());

  it('refuses an unsigned caller announcing 8 MB on its headers alone, and closes the connection', async () => {
    const answer = await rawPost(port, {}, EIGHT_MB, []);
    expect(answer.status).toBe(401);
    expect(answer.text).toContain('UNAUTHENTICATED');
    expect(answer.closed).toBe(true);
  });

  it('refuses a caller signing with another key the same way', async () => {
    const token = await new ContextSigner(stranger.privateKey).sign('shogai', viewer, operationHash(QUERY, {}));
    const answer = await rawPost(port, { [CONTEXT_HEADER]: token }, EIGHT_MB, []);
    expect(answer.status).toBe(401);
    expect(answer.closed).toBe(true);
  });

  it('refuses a gateway signature made for another subgraph before the body', async () => {
    const token = await new ContextSigner(keys.privateKey).sign('juki', viewer, operationHash(QUERY, {}));
    const answer = await rawPost(port, { [CONTEXT_HEADER]: token }, EIGHT_MB, []);
    expect(answer.status).toBe(401);
  });

  it('waits for the body of a caller the gateway signed for, then answers it', async () => {
    const body = JSON.stringify({ query: QUERY, variables: {} });
    const token = await new ContextSigner(keys.privateKey).sign('shogai', viewer, operationHash(QUERY, {}));
    // Headers alone: nothing to answer yet (the binding to the operation needs the body).
    const early = await rawPost(port, { [CONTEXT_HEADER]: token }, Buffer.byteLength(body), [], 0, 300);
    expect(early.status).toBeNull();
    const token2 = await new ContextSigner(keys.privateKey).sign('shogai', viewer, operationHash(QUERY, {}));
    const answer = await rawPost(port, { [CONTEXT_HEADER]: token2, connection: 'close' }, Buffer.byteLength(body), [body], 300);
    expect(answer.status).toBe(200);
    expect(answer.text).toContain('"viewer":"S001"');
  });

  it('checks the operation against the body once read: a signature for another query is refused', async () => {
    const body = JSON.stringify({ query: '{ __typename }', variables: {} });
    const token = await new ContextSigner(keys.privateKey).sign('shogai', viewer, operationHash(QUERY, {}));
    const answer = await rawPost(port, { [CONTEXT_HEADER]: token, connection: 'close' }, Buffer.byteLength(body), [body]);
    expect(answer.status).toBe(401);
  });

  it('refuses an unsigned 8 MB body sent whole (fetch), with 401', async () => {
    const response = await fetch(running.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"query":"${'x'.repeat(EIGHT_MB - 20)}"}`,
    }).catch((e: unknown) => e);
    // The server may close before the client has sent it all; either the 401 arrives or the send is cut short.
    if (response instanceof Response) expect(response.status).toBe(401);
    else expect(String((response as Error).cause ?? response)).toMatch(/ECONNRESET|EPIPE|other side closed|socket/i);
  });
});

describe('replicas of a subgraph share the signatures used', () => {
  let keys: SigningKeys;
  let store: Store;
  let a: RunningSubgraph;
  let b: RunningSubgraph;
  beforeAll(async () => {
    keys = await generateSigningKeys();
    store = await openTestStore({ migrations: contextMigrations });
    a = await serveSubgraph(definition, {
      host: '127.0.0.1',
      port: await freePort(),
      publicKey: keys.publicKey,
      replays: new SharedReplayGuard(store.dataSource),
    });
    b = await serveSubgraph(definition, {
      host: '127.0.0.1',
      port: await freePort(),
      publicKey: keys.publicKey,
      replays: new SharedReplayGuard(store.dataSource),
    });
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    await store.close();
  });

  const post = async (url: string, token: string): Promise<{ status: number; body: { data?: { viewer?: string } } }> => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [CONTEXT_HEADER]: token },
      body: JSON.stringify({ query: QUERY, variables: {} }),
    });
    return { status: response.status, body: (await response.json()) as { data?: { viewer?: string } } };
  };

  it('a signature one replica accepted is refused by the other', async () => {
    const token = await new ContextSigner(keys.privateKey).sign('shogai', viewer, operationHash(QUERY, {}));
    await expect(post(a.url, token)).resolves.toMatchObject({ status: 200, body: { data: { viewer: 'S001' } } });
    await expect(post(b.url, token)).resolves.toMatchObject({ status: 401 });
    await expect(post(a.url, token)).resolves.toMatchObject({ status: 401 });
    const fresh = await new ContextSigner(keys.privateKey).sign('shogai', viewer, operationHash(QUERY, {}));
    await expect(post(b.url, fresh)).resolves.toMatchObject({ status: 200 });
  });
});
