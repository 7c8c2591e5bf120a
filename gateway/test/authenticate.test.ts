import { createServer, type Server } from 'node:http';
import { SignJWT, exportJWK, generateKeyPair, type CryptoKey } from 'jose';
import { createAuthenticator, Unauthenticated } from '../src/authenticate.js';

const secret = 'a-test-secret-of-more-than-thirty-two-bytes';
const hs = (claims: Record<string, unknown>, exp = '5m', key = secret) =>
  new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setIssuedAt().setExpirationTime(exp).sign(new TextEncoder().encode(key));

describe('bearer token verification', () => {
  const authenticate = createAuthenticator({ mode: 'demo', secret, jwksUrl: null, issuer: null, audience: null });

  it('reads staff, organisation and known roles', async () => {
    const token = await hs({ sub: 'S1', org: 'O1', roles: ['admin', 'superuser', 'analyst'] });
    await expect(authenticate(`Bearer ${token}`)).resolves.toEqual({ staffId: 'S1', orgId: 'O1', roles: ['admin', 'analyst'] });
  });

  it.each([
    ['no header', undefined],
    ['not bearer', 'Basic abc'],
    ['garbage', 'Bearer not.a.jwt'],
  ])('refuses %s', async (_, header) => {
    await expect(authenticate(header)).rejects.toThrow(Unauthenticated);
  });

  it('refuses a wrong signature, an expired token, a token without exp or org', async () => {
    await expect(authenticate(`Bearer ${await hs({ sub: 'S1', org: 'O1' }, '5m', 'another-secret-another-secret-another')}`)).rejects.toThrow(
      Unauthenticated,
    );
    await expect(authenticate(`Bearer ${await hs({ sub: 'S1', org: 'O1' }, '-1m')}`)).rejects.toThrow(Unauthenticated);
    const noExp = await new SignJWT({ sub: 'S1', org: 'O1' }).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(secret));
    await expect(authenticate(`Bearer ${noExp}`)).rejects.toThrow(Unauthenticated);
    await expect(authenticate(`Bearer ${await hs({ sub: 'S1' })}`)).rejects.toThrow(Unauthenticated);
  });

  it('refuses alg none', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url');
    const payload = Buffer.from(JSON.stringify({ sub: 'S1', org: 'O1', exp: 4102444800 })).toString('base64url');
    await expect(authenticate(`Bearer ${header}.${payload}.`)).rejects.toThrow(Unauthenticated);
  });

  describe("with the identity provider's JWKS", () => {
    let server: Server;
    let url: string;
    let privateKey: CryptoKey;
    beforeAll(async () => {
      const pair = await generateKeyPair('ES256', { extractable: true });
      privateKey = pair.privateKey;
      const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
      server = createServer((_, res) => res.end(JSON.stringify({ keys: [jwk] })));
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      const address = server.address() as { port: number };
      url = `http://127.0.0.1:${address.port}/jwks`;
    });
    afterAll(() => new Promise<void>((r) => server.close(() => r())));

    it('accepts an ES256 token of the right issuer and audience and refuses others', async () => {
      const auth = createAuthenticator({ mode: 'production', secret: null, jwksUrl: url, issuer: 'https://idp/', audience: 'hub' });
      const sign = (iss: string, aud: string) =>
        new SignJWT({ org: 'O1', roles: ['coordinator'] })
          .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
          .setSubject('S1')
          .setIssuer(iss)
          .setAudience(aud)
          .setIssuedAt()
          .setExpirationTime('5m')
          .sign(privateKey);
      await expect(auth(`Bearer ${await sign('https://idp/', 'hub')}`)).resolves.toMatchObject({ staffId: 'S1', roles: ['coordinator'] });
      await expect(auth(`Bearer ${await sign('https://evil/', 'hub')}`)).rejects.toThrow(Unauthenticated);
      await expect(auth(`Bearer ${await sign('https://idp/', 'other')}`)).rejects.toThrow(Unauthenticated);
      // An HS256 token signed with a guessed secret is no way around the identity provider.
      await expect(auth(`Bearer ${await hs({ sub: 'S1', org: 'O1' })}`)).rejects.toThrow(Unauthenticated);
    });
  });
});
