import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyOptions } from 'jose';
import { toRoles, type Viewer } from '@welfare-hub/context';
import type { AuthConfig } from './config.js';

export class Unauthenticated extends Error {}

export type Authenticator = (authorization: string | undefined) => Promise<Viewer>;

/** Verifies the bearer token of a client request and reads the viewer from its claims. */
export function createAuthenticator(config: AuthConfig): Authenticator {
  const options: JWTVerifyOptions = {
    requiredClaims: ['sub', 'exp'],
    ...(config.issuer ? { issuer: config.issuer } : {}),
    ...(config.audience ? { audience: config.audience } : {}),
  };
  const secret = config.secret ? new TextEncoder().encode(config.secret) : null;
  const jwks = config.jwksUrl ? createRemoteJWKSet(new URL(config.jwksUrl)) : null;

  const verify = async (token: string): Promise<JWTPayload> => {
    if (jwks) {
      try {
        return (await jwtVerify(token, jwks, { ...options, algorithms: ['RS256', 'ES256'] })).payload;
      } catch (error) {
        if (!secret) throw error;
      }
    }
    return (await jwtVerify(token, secret!, { ...options, algorithms: ['HS256'] })).payload;
  };

  return async (authorization) => {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!match) throw new Unauthenticated('missing bearer token');
    let payload: JWTPayload;
    try {
      payload = await verify(match[1]!);
    } catch {
      throw new Unauthenticated('invalid token');
    }
    const org = payload['org'];
    if (typeof payload.sub !== 'string' || payload.sub === '' || typeof org !== 'string' || org === '') {
      throw new Unauthenticated('token lacks sub or org');
    }
    // No register holds an id with a NUL character; such a token names nobody (and must never reach a query).
    if (`${payload.sub}${org}`.includes('\u0000')) throw new Unauthenticated('token claims hold a NUL character');
    return { staffId: payload.sub, orgId: org, roles: toRoles(payload['roles']) };
  };
}
