/** The demo secret: fine for a laptop, refused by a hub started in production mode. */
export const DEMO_JWT_SECRET = 'welfare-hub-demo-secret-change-me-0000000000';

export interface AuthConfig {
  mode: 'demo' | 'production';
  /** HS256 secret, used as the raw UTF-8 bytes of the string. */
  secret: string | null;
  jwksUrl: string | null;
  issuer: string | null;
  audience: string | null;
}

export class ConfigError extends Error {}

/**
 * Reads how tokens are verified. Demo and test: HS256 with HUB_JWT_SECRET (the demo default when unset).
 * Production: the identity provider's JWKS; a production hub refuses to start with the demo secret.
 */
export function authConfig(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  const mode = env['HUB_MODE'] === 'production' ? 'production' : 'demo';
  const jwksUrl = env['HUB_JWKS_URL'] || null;
  const issuer = env['HUB_JWT_ISSUER'] || null;
  const audience = env['HUB_JWT_AUDIENCE'] || null;
  if (mode === 'demo') {
    return { mode, secret: env['HUB_JWT_SECRET'] || DEMO_JWT_SECRET, jwksUrl, issuer, audience };
  }
  const secret = env['HUB_JWT_SECRET'] || null;
  if (secret === DEMO_JWT_SECRET) throw new ConfigError('HUB_MODE=production refuses the demo HUB_JWT_SECRET');
  if (secret !== null && Buffer.byteLength(secret, 'utf8') < 32) {
    throw new ConfigError('HUB_JWT_SECRET must be at least 32 bytes in production');
  }
  if (!jwksUrl && !secret) throw new ConfigError('HUB_MODE=production needs HUB_JWKS_URL (or a strong HUB_JWT_SECRET)');
  if (jwksUrl && (!issuer || !audience)) {
    throw new ConfigError('HUB_JWKS_URL needs HUB_JWT_ISSUER and HUB_JWT_AUDIENCE');
  }
  return { mode, secret, jwksUrl, issuer, audience };
}
