/**
 * The signed-in session: the bearer token and what its claims say (for display and navigation only: the gateway
 * verifies the token on every request). Kept in sessionStorage and nowhere else: it dies with the tab.
 */
export interface Session {
  token: string;
  staffId: string;
  orgId: string;
  roles: string[];
  /** Seconds since the epoch. */
  expiresAt: number;
}

/** Reads a JWT's claims without verifying it (the gateway does); null for anything that is not a usable token. */
export function sessionFromToken(token: string): Session | null {
  const parts = token.trim().split('.');
  if (parts.length !== 3) return null;
  try {
    const json = atob(parts[1]!.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(json, (c) => c.charCodeAt(0));
    const claims = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
    const { sub, org, roles, exp } = claims;
    if (typeof sub !== 'string' || typeof org !== 'string' || typeof exp !== 'number') return null;
    return {
      token: token.trim(),
      staffId: sub,
      orgId: org,
      roles: Array.isArray(roles) ? roles.filter((r): r is string => typeof r === 'string') : [],
      expiresAt: exp,
    };
  } catch {
    return null;
  }
}

export function isExpired(session: Session, now = Date.now()): boolean {
  return session.expiresAt * 1000 <= now;
}
