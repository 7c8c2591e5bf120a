import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { request } from 'node:http';
import { SignJWT } from 'jose';
import { ContextSigner, generateSigningKeys } from '@welfare-hub/context';
import { supergraphSdl } from '@welfare-hub/schema';
import { createAuthenticator } from '../src/authenticate.js';
import { gatewayDefaults } from './support/defaults.js';
import { startGateway, type RunningGateway } from '../src/gateway.js';
import { frontEndConfig } from '../src/front-end/index.js';
import { startStandInSubgraphs, type StandInSubgraphs } from './support/stand-in-subgraphs.js';

const SECRET = 'front-end-test-secret-long-enough-for-hs-256';
const PORTAL = 'https://portal.example.jp';

/** A console build as Vite leaves it: an index, GraphiQL's page, hashed assets. */
function fakeConsole(): string {
  const dir = mkdtempSync(join(tmpdir(), 'console-dist-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html lang="ja"><script type="module" src="/assets/index-abc123.js"></script></html>');
  writeFileSync(join(dir, 'graphiql.html'), '<!doctype html><title>GraphiQL</title><script type="module" src="/assets/graphiql-def456.js"></script>');
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), `console.log(${JSON.stringify('x'.repeat(5000))});`);
  writeFileSync(join(dir, 'assets', 'index-abc123.css'), 'body{margin:0}');
  writeFileSync(join(dir, 'secret.txt'), 'inside');
  return dir;
}

/** A raw GET, so that the path is sent exactly as written (fetch would normalise ../). */
function get(
  url: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(url).origin + '/', { path, method: 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the gateway for browsers and other front-ends', () => {
  let standIns: StandInSubgraphs;
  let demo: RunningGateway;
  let production: RunningGateway;
  let consoleDir: string;
  let bearer: string;
  beforeAll(async () => {
    standIns = await startStandInSubgraphs();
    consoleDir = fakeConsole();
    const signer = new ContextSigner((await generateSigningKeys()).privateKey);
    const common = {
      ...gatewayDefaults(),
      host: '127.0.0.1',
      port: 0,
      supergraphSdl: supergraphSdl(),
      endpoints: standIns.endpoints,
      signer,
      authenticate: createAuthenticator({ mode: 'demo', secret: SECRET, jwksUrl: null, issuer: null, audience: null }),
    };
    const oidc = { HUB_OIDC_ISSUER: 'https://idp.example.jp/realms/city', HUB_OIDC_CLIENT_ID: 'welfare-console' };
    demo = await startGateway({
      ...common,
      production: false,
      frontEnd: frontEndConfig({ HUB_CORS_ORIGINS: `${PORTAL}, http://localhost:5173`, ...oidc }, consoleDir),
    });
    production = await startGateway({ ...common, production: true, frontEnd: frontEndConfig({}, consoleDir) });
    bearer = await new SignJWT({ org: 'KAIGO-HOKATSU' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('kaigo-01')
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(SECRET));
  });
  afterAll(async () => {
    await demo.close();
    await production.close();
    await standIns.close();
    rmSync(consoleDir, { recursive: true, force: true });
  });

  const post = (gateway: RunningGateway, headers: Record<string, string> = {}) =>
    fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}`, ...headers },
      body: JSON.stringify({ query: '{ me { staffId } }' }),
    });

  describe('CORS with an allowlist', () => {
    const preflight = (gateway: RunningGateway, origin: string) =>
      fetch(gateway.url, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type, x-hub-meeting' },
      });

    it("answers a listed origin's preflight with that origin, the context headers and no credentials", async () => {
      const response = await preflight(demo, PORTAL);
      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe(PORTAL);
      expect(response.headers.get('access-control-allow-methods')).toContain('POST');
      expect(response.headers.get('access-control-allow-headers')).toEqual(expect.stringContaining('x-hub-meeting'));
      expect(response.headers.get('access-control-allow-headers')).toEqual(expect.stringContaining('authorization'));
      expect(response.headers.get('access-control-allow-credentials')).toBeNull();
      expect(response.headers.get('vary')).toEqual(expect.stringContaining('origin'));
    });

    it('gives any other origin no CORS header (the browser keeps the answer from its page), and none by default', async () => {
      for (const [gateway, origin] of [
        [demo, 'https://evil.example'],
        [demo, 'https://portal.example.jp.evil.example'],
        [demo, 'null'],
        [production, PORTAL],
      ] as const) {
        const response = await preflight(gateway, origin);
        expect(response.status).toBe(204);
        expect(response.headers.get('access-control-allow-origin')).toBeNull();
        expect(response.headers.get('access-control-allow-headers')).toBeNull();
      }
      const answer = await post(demo, { origin: 'https://evil.example' });
      expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    });

    it("marks a listed origin's actual request, and exposes the request id", async () => {
      const answer = await post(demo, { origin: PORTAL });
      expect(answer.status).toBe(200);
      expect(answer.headers.get('access-control-allow-origin')).toBe(PORTAL);
      expect(answer.headers.get('access-control-expose-headers')).toBe('x-request-id');
    });

    it.each([['*'], ['https://portal.example.jp/path'], ['portal.example.jp'], ['ftp://x.example'], ['https://*.example.jp']])(
      'refuses %s in HUB_CORS_ORIGINS at start',
      (value) => {
        expect(() => frontEndConfig({ HUB_CORS_ORIGINS: value })).toThrow(/^HUB_/);
      },
    );
  });

  it('never lets a cache keep a GraphQL answer, and keys any that does by token and context', async () => {
    for (const answer of [await post(demo), await post(demo, { authorization: 'Bearer nope' })]) {
      expect(answer.headers.get('cache-control')).toBe('private, no-store');
      expect(answer.headers.get('vary')).toEqual(expect.stringContaining('authorization'));
      expect(answer.headers.get('vary')).toEqual(expect.stringContaining('x-hub-meeting'));
      expect(answer.headers.get('vary')).toEqual(expect.stringContaining('x-hub-case'));
    }
  });

  describe('the console', () => {
    it('serves its index with a strict CSP at / and at any screen path, revalidated every time', async () => {
      for (const path of ['/', '/search', '/household/0000000001']) {
        const page = await get(demo.url, path);
        expect(page.status).toBe(200);
        expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
        expect(page.headers['cache-control']).toBe('no-cache');
        expect(page.body.toString()).toContain('/assets/index-abc123.js');
        const csp = String(page.headers['content-security-policy']);
        expect(csp).toContain(`default-src 'none'`);
        expect(csp).toContain(`script-src 'self'`);
        expect(csp).not.toContain('unsafe-inline');
        expect(csp).not.toContain('unsafe-eval');
        expect(csp).toContain(`connect-src 'self' https://idp.example.jp`);
        expect(csp).toContain(`frame-ancestors 'none'`);
        expect(page.headers['x-content-type-options']).toBe('nosniff');
        expect(page.headers['referrer-policy']).toBe('no-referrer');
      }
    });

    it('serves hashed assets with their type, cached for a year, gzipped for a client that takes it', async () => {
      const js = await get(demo.url, '/assets/index-abc123.js', { 'accept-encoding': 'gzip, br' });
      expect(js.status).toBe(200);
      expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
      expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(js.headers['content-encoding']).toBe('gzip');
      expect(js.body.length).toBeLessThan(1000);
      expect(gunzipSync(js.body).toString()).toContain('console.log');
      const css = await get(demo.url, '/assets/index-abc123.css');
      expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
      expect(css.headers['content-encoding']).toBeUndefined();
    });

    it('answers 404 for a missing asset (never the index in its place) and for anything outside its folder', async () => {
      expect((await get(demo.url, '/assets/index-old999.js')).status).toBe(404);
      for (const path of ['/../package.json', '/%2e%2e/%2e%2e/etc/passwd', '/assets/..%2f..%2fetc%2fpasswd', '/%00index.html']) {
        const answer = await get(demo.url, path);
        expect([404, 400]).toContain(answer.status);
        expect(answer.body.toString()).not.toContain('root:');
      }
    });

    it('tells the console how to sign in', async () => {
      const config = await (await fetch(demo.url.replace('/graphql', '/console-config.json'))).json();
      expect(config).toEqual({
        mode: 'demo',
        oidc: { issuer: 'https://idp.example.jp/realms/city', clientId: 'welfare-console', redirectUri: null, scope: 'openid' },
      });
      expect(await (await fetch(production.url.replace('/graphql', '/console-config.json'))).json()).toEqual({ mode: 'production', oidc: null });
    });
  });

  describe('GraphiQL on GET /graphql', () => {
    it('is served, bundled, to a browser in demo mode', async () => {
      const page = await get(demo.url, '/graphql', { accept: 'text/html,application/xhtml+xml' });
      expect(page.status).toBe(200);
      expect(page.body.toString()).toContain('/assets/graphiql-def456.js');
      expect(page.body.toString()).not.toMatch(/https?:\/\/(unpkg|cdn|esm\.sh)/);
      expect(String(page.headers['content-security-policy'])).toContain(`script-src 'self'`);
    });

    it('is not served in production (405 as before), nor to a non-browser GET', async () => {
      expect((await get(production.url, '/graphql', { accept: 'text/html' })).status).toBe(405);
      expect((await get(demo.url, '/graphql', { accept: 'application/json' })).status).toBe(405);
    });
  });

  it.each([
    [{ HUB_OIDC_ISSUER: 'https://idp.example.jp' }],
    [{ HUB_OIDC_CLIENT_ID: 'x' }],
    [{ HUB_OIDC_ISSUER: 'http://idp.example.jp', HUB_OIDC_CLIENT_ID: 'x' }],
    [{ HUB_OIDC_ISSUER: 'not a url', HUB_OIDC_CLIENT_ID: 'x' }],
  ])('refuses an incomplete or insecure OpenID Connect configuration: %j', (env) => {
    expect(() => frontEndConfig(env)).toThrow(/^HUB_/);
  });
});
