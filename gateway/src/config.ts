/** The demo secret: fine for a laptop, refused by a hub started in production mode (launcher/src/config). */
export const DEMO_JWT_SECRET = 'welfare-hub-demo-secret-change-me-0000000000';

/**
 * How tokens are verified. Demo and test: HS256 with HUB_JWT_SECRET. Production: the identity provider's JWKS.
 * Parsed and checked with every other setting by the launcher's configuration.
 */
export interface AuthConfig {
  mode: 'demo' | 'production';
  /** HS256 secret, used as the raw UTF-8 bytes of the string. */
  secret: string | null;
  jwksUrl: string | null;
  issuer: string | null;
  audience: string | null;
}
