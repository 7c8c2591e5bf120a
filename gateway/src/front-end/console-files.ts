import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createGzip } from 'node:zlib';
import type { OidcConfig } from './config.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.txt', '.map']);

/**
 * The console's Content-Security-Policy: its own scripts and styles only (no inline script, no eval, no CDN), data
 * only from its own origin and the identity provider (discovery and token endpoints), never framed.
 */
export function contentSecurityPolicy(oidc: OidcConfig | null): string {
  const idp = oidc ? ` ${new URL(oidc.issuer).origin}` : '';
  return [
    `default-src 'none'`,
    `script-src 'self'`,
    `style-src 'self'`,
    `img-src 'self' data:`,
    `font-src 'self' data:`,
    `connect-src 'self'${idp}`,
    `manifest-src 'self'`,
    `base-uri 'none'`,
    `form-action 'self'`,
    `frame-ancestors 'none'`,
    `object-src 'none'`,
  ].join('; ');
}

export function securityHeaders(oidc: OidcConfig | null): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(oidc),
    'x-content-type-options': 'nosniff',
    // The sign-in's authorization code arrives in the URL: no page of the console passes its address on.
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    'cross-origin-opener-policy': 'same-origin',
  };
}

/**
 * Serves the built console: hashed files under /assets/ are cached for a year (their name changes with their
 * content); index.html and other unhashed files are revalidated every time; a path that is not a file is one of the
 * console's own screens (/search, /household/…) and gets index.html. Text is gzipped for a client that accepts it.
 * Returns false when nothing was served (no console built): the caller answers.
 */
export async function serveConsoleFile(
  req: IncomingMessage,
  res: ServerResponse,
  dir: string,
  path: string,
  headers: Record<string, string>,
): Promise<boolean> {
  let file = resolveInside(dir, path);
  // A path that would leave the folder is nothing here, not even a screen.
  if (file === null) return false;
  let info = await stat(file).catch(() => null);
  if (!info?.isFile()) {
    // A screen of the console, not a file: its index. A missing asset stays a 404 (an old tab after a deploy).
    if (path.startsWith('/assets/') || extname(path) !== '') return false;
    file = join(dir, 'index.html');
    info = await stat(file).catch(() => null);
    if (!info?.isFile()) return false;
  }
  const ext = extname(file);
  const hashed = path.startsWith('/assets/');
  const gzip = COMPRESSIBLE.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  res.writeHead(200, {
    ...headers,
    'content-type': TYPES[ext] ?? 'application/octet-stream',
    'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    vary: 'accept-encoding',
    ...(gzip ? { 'content-encoding': 'gzip' } : { 'content-length': String(info.size) }),
  });
  if (req.method === 'HEAD') {
    res.end();
    return true;
  }
  const stream = createReadStream(file);
  (gzip ? stream.pipe(createGzip()) : stream).pipe(res);
  return true;
}

/** The file a URL path names inside dir, or null for a path that would leave it (../, encoded or not). */
function resolveInside(dir: string, path: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const file = normalize(join(dir, decoded === '/' ? 'index.html' : decoded));
  return file.startsWith(normalize(dir) + sep) ? file : null;
}
