/** What the gateway offers browsers and other front-ends, besides /graphql itself. */
export interface FrontEndConfig {
  /** Origins whose pages may call /graphql from a browser (CORS); none by default. */
  corsOrigins: readonly string[];
  /** Where the built console is (index.html and assets/); null when it was not built: `/` then says so. */
  consoleDir: string | null;
  /** The municipality's OpenID Connect provider for the console's sign-in; null: demo tokens only. */
  oidc: OidcConfig | null;
}

export interface OidcConfig {
  issuer: string;
  clientId: string;
  /** Where the provider sends the browser back; null: the console's own /auth/callback on the gateway's origin. */
  redirectUri: string | null;
  scope: string;
}

/**
 * HUB_CORS_ORIGINS: a comma-separated list of exact origins (scheme://host[:port], no path, no wildcard).
 * HUB_OIDC_ISSUER, HUB_OIDC_CLIENT_ID (both or neither), HUB_OIDC_REDIRECT_URI, HUB_OIDC_SCOPE (default "openid").
 * Given the variables as the launcher's configuration read them; a problem is thrown, its message naming the variable.
 */
export function frontEndConfig(env: Readonly<Record<string, string | undefined>>, consoleDir: string | null = null): FrontEndConfig {
  return { corsOrigins: corsOrigins(env['HUB_CORS_ORIGINS']), consoleDir, oidc: oidcConfig(env) };
}

function corsOrigins(raw: string | undefined): string[] {
  if (!raw?.trim()) return [];
  return raw.split(',').map((part) => {
    const value = part.trim();
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw new Error(`HUB_CORS_ORIGINS: "${value}" is not an origin (scheme://host[:port])`);
    }
    if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.origin !== value.replace(/\/$/, '') || value.includes('*')) {
      throw new Error(`HUB_CORS_ORIGINS: "${value}" is not an origin (scheme://host[:port], no path, no wildcard)`);
    }
    return url.origin;
  });
}

function oidcConfig(env: Readonly<Record<string, string | undefined>>): OidcConfig | null {
  const issuer = env['HUB_OIDC_ISSUER']?.trim() || null;
  const clientId = env['HUB_OIDC_CLIENT_ID']?.trim() || null;
  const redirectUri = env['HUB_OIDC_REDIRECT_URI']?.trim() || null;
  if (!issuer && !clientId && !redirectUri) return null;
  if (!issuer || !clientId) throw new Error('HUB_OIDC_CLIENT_ID: HUB_OIDC_ISSUER and HUB_OIDC_CLIENT_ID go together');
  for (const [name, value] of [
    ['HUB_OIDC_ISSUER', issuer],
    ['HUB_OIDC_REDIRECT_URI', redirectUri],
  ] as const) {
    if (value === null) continue;
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw new Error(`${name} must be an absolute URL`);
    }
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname))) {
      throw new Error(`${name} must be https (http only on localhost)`);
    }
  }
  return { issuer, clientId, redirectUri, scope: env['HUB_OIDC_SCOPE']?.trim() || 'openid' };
}
