import type { IncomingMessage, ServerResponse } from 'node:http';

/** The request headers a front-end may send: its token, the JSON body, and the 支援会議 / case context. */
const ALLOWED_HEADERS = 'authorization, content-type, accept, x-hub-meeting, x-hub-case, traceparent';

/**
 * CORS for /graphql with an allowlist of origins: a listed origin is answered with its own name (never `*`, and no
 * credentials: the token travels in Authorization, not a cookie); any other origin gets no CORS header at all, so the
 * browser keeps the answer from its page. A preflight (OPTIONS) is answered here, 204, and goes no further.
 * Returns true when the request was a preflight and has been answered.
 */
export function cors(req: IncomingMessage, res: ServerResponse, allowed: ReadonlySet<string>): boolean {
  const origin = req.headers.origin;
  const listed = typeof origin === 'string' && allowed.has(origin);
  // The answer differs by Origin: caches must keep them apart.
  res.setHeader('vary', appendVary(res.getHeader('vary'), 'origin'));
  if (listed) {
    res.setHeader('access-control-allow-origin', origin);
    res.setHeader('access-control-expose-headers', 'x-request-id');
  }
  if (req.method !== 'OPTIONS') return false;
  if (listed) {
    res.setHeader('access-control-allow-methods', 'POST, GET, OPTIONS');
    res.setHeader('access-control-allow-headers', ALLOWED_HEADERS);
    res.setHeader('access-control-max-age', '600');
  }
  res.writeHead(204, { allow: 'POST, GET, OPTIONS' }).end();
  return true;
}

export function appendVary(current: unknown, ...names: string[]): string {
  const have = String(current ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const name of names) if (!have.some((h) => h.toLowerCase() === name.toLowerCase())) have.push(name);
  return have.join(', ');
}
