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

/**
 * The most the gateway buffers of one subgraph's answer (HUB_SUBGRAPH_MAX_RESPONSE_BYTES, 16 MiB by default). The
 * sources' own bounds keep answers far below it; this is the last line, so no stored record can make the gateway hold
 * gigabytes.
 */
export const DEFAULT_SUBGRAPH_RESPONSE_BYTES = 16 * 1024 * 1024;
