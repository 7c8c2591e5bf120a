import * as oauth from 'oauth4webapi';
import type { ConsoleConfig } from '../config.js';

type Oidc = NonNullable<ConsoleConfig['oidc']>;

/** The sign-in in progress (PKCE verifier, state, nonce) lives in sessionStorage between the redirect and the return. */
const PENDING = 'welfare-hub.oidc-pending';

function redirectUri(oidc: Oidc): string {
  return oidc.redirectUri ?? `${location.origin}/auth/callback`;
}

async function discover(oidc: Oidc): Promise<oauth.AuthorizationServer> {
  const issuer = new URL(oidc.issuer);
  const response = await oauth.discoveryRequest(issuer, {
    algorithm: 'oidc',
    [oauth.allowInsecureRequests]: issuer.hostname === 'localhost' || issuer.hostname === '127.0.0.1',
  });
  return oauth.processDiscoveryResponse(issuer, response);
}

/** Authorization code flow with PKCE (RFC 7636, S256), a public client: sends the browser to the provider. */
export async function beginSignIn(oidc: Oidc): Promise<void> {
  const as = await discover(oidc);
  if (!as.authorization_endpoint) throw new Error('the identity provider names no authorization endpoint');
  const verifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const nonce = oauth.generateRandomNonce();
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, nonce }));
  const url = new URL(as.authorization_endpoint);
  url.searchParams.set('client_id', oidc.clientId);
  url.searchParams.set('redirect_uri', redirectUri(oidc));
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('scope', oidc.scope);
  url.searchParams.set('code_challenge', await oauth.calculatePKCECodeChallenge(verifier));
  url.searchParams.set('code_challenge_method', 'S256');
  url.searchParams.set('state', state);
  url.searchParams.set('nonce', nonce);
  location.assign(url.href);
}

/**
 * On return from the provider: checks the state, exchanges the code with the verifier, checks the ID token (issuer,
 * audience, nonce) and returns the access token the gateway takes as a bearer token.
 */
export async function completeSignIn(oidc: Oidc, callbackUrl: URL): Promise<string> {
  const pending = JSON.parse(sessionStorage.getItem(PENDING) ?? 'null') as { verifier: string; state: string; nonce: string } | null;
  sessionStorage.removeItem(PENDING);
  if (!pending) throw new Error('no sign-in was in progress in this tab');
  const as = await discover(oidc);
  const client: oauth.Client = { client_id: oidc.clientId };
  const params = oauth.validateAuthResponse(as, client, callbackUrl, pending.state);
  const insecure = { [oauth.allowInsecureRequests]: as.issuer.startsWith('http://') };
  const response = await oauth.authorizationCodeGrantRequest(as, client, oauth.None(), params, redirectUri(oidc), pending.verifier, insecure);
  const result = await oauth.processAuthorizationCodeResponse(as, client, response, { expectedNonce: pending.nonce, requireIdToken: true });
  return result.access_token;
}
