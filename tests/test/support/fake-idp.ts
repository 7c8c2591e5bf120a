import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { SignJWT, exportJWK, generateKeyPair, type CryptoKey, type JWK } from 'jose';

/**
 * A stand-in for the municipality's OpenID Connect provider, just enough of one for the console's sign-in: discovery,
 * an authorization endpoint that signs the user in at once (as a provider with a session would) and sends the browser
 * back with a code, a token endpoint that checks the PKCE verifier (S256) before it issues tokens, and the JWKS the
 * gateway verifies the access token with. It records what it was asked, for the test to check.
 */
export interface FakeIdp {
  issuer: string;
  jwksUrl: string;
  audience: string;
  clientId: string;
  /** What the authorization and token endpoints saw. */
  seen: { authorize: URLSearchParams[]; token: URLSearchParams[] };
  close(): Promise<void>;
}

export async function startFakeIdp(user: { sub: string; org: string; roles?: string[] }): Promise<FakeIdp> {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid: 'idp-1', alg: 'RS256', use: 'sig' };
  const codes = new Map<string, { challenge: string; nonce: string; redirectUri: string }>();
  const seen = { authorize: [] as URLSearchParams[], token: [] as URLSearchParams[] };
  const clientId = 'welfare-console';
  const audience = 'welfare-hub';
  let issuer = '';
  const cors = { 'access-control-allow-origin': '*' };
  const sign = (claims: Record<string, unknown>, aud: string, key: CryptoKey): Promise<string> =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'idp-1' })
      .setIssuer(issuer)
      .setAudience(aud)
      .setSubject(user.sub)
      .setIssuedAt()
      .setExpirationTime('15m')
      .sign(key);

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    if (url.pathname === '/.well-known/openid-configuration') {
      res.writeHead(200, { 'content-type': 'application/json', ...cors }).end(
        JSON.stringify({
          issuer,
          authorization_endpoint: `${issuer}/authorize`,
          token_endpoint: `${issuer}/token`,
          jwks_uri: `${issuer}/jwks`,
          response_types_supported: ['code'],
          subject_types_supported: ['public'],
          id_token_signing_alg_values_supported: ['RS256'],
          code_challenge_methods_supported: ['S256'],
          token_endpoint_auth_methods_supported: ['none'],
        }),
      );
      return;
    }
    if (url.pathname === '/jwks') return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
    if (url.pathname === '/authorize') {
      seen.authorize.push(url.searchParams);
      const p = url.searchParams;
      if (
        p.get('client_id') !== clientId ||
        p.get('response_type') !== 'code' ||
        p.get('code_challenge_method') !== 'S256' ||
        !p.get('code_challenge')
      ) {
        return void res.writeHead(400).end('bad authorization request');
      }
      const code = randomBytes(16).toString('base64url');
      codes.set(code, { challenge: p.get('code_challenge')!, nonce: p.get('nonce') ?? '', redirectUri: p.get('redirect_uri')! });
      const back = new URL(p.get('redirect_uri')!);
      back.searchParams.set('code', code);
      back.searchParams.set('state', p.get('state') ?? '');
      back.searchParams.set('iss', issuer);
      return void res.writeHead(302, { location: back.href }).end();
    }
    if (url.pathname === '/token' && req.method === 'OPTIONS') {
      return void res
        .writeHead(204, { ...cors, 'access-control-allow-headers': 'content-type, accept, dpop', 'access-control-allow-methods': 'POST' })
        .end();
    }
    if (url.pathname === '/token' && req.method === 'POST') {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        void (async () => {
          const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
          seen.token.push(form);
          const grant = codes.get(form.get('code') ?? '');
          codes.delete(form.get('code') ?? '');
          const verifier = form.get('code_verifier') ?? '';
          const challenge = createHash('sha256').update(verifier).digest('base64url');
          if (!grant || grant.challenge !== challenge || grant.redirectUri !== form.get('redirect_uri') || form.get('client_id') !== clientId) {
            res.writeHead(400, { 'content-type': 'application/json', ...cors }).end(JSON.stringify({ error: 'invalid_grant' }));
            return;
          }
          const body = {
            token_type: 'Bearer',
            expires_in: 900,
            access_token: await sign({ org: user.org, roles: user.roles ?? [] }, audience, privateKey),
            id_token: await sign({ nonce: grant.nonce }, clientId, privateKey),
          };
          res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store', ...cors }).end(JSON.stringify(body));
        })();
      });
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    issuer,
    jwksUrl: `${issuer}/jwks`,
    audience,
    clientId,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
