import { createServer, type IncomingMessage, type ServerResponse, type Server } from 'node:http';
import { readFileSync } from 'node:fs';

/** The こども家庭センター system's data, as its API serves it (the simulator reads this file). */
export interface KodomoData {
  children: {
    childId: string;
    atenaNo: string | null;
    name: string;
    nameKana: string;
    birthDate: string;
    sex: 'M' | 'F';
    guardians: { atenaNo: string | null; name: string; relation: string }[];
    updatedAt: string;
  }[];
  cases: {
    caseId: string;
    subject:
      | { type: 'child'; childId: string; atenaNo: string | null }
      | { type: 'expectant_mother' | 'household'; atenaNo: string | null; name: string; nameKana: string; birthDate: string };
    category: string;
    status: 'open' | 'closed';
    openedOn: string;
    closedOn: string | null;
    youngCarerConcern: boolean;
    youtaikyoRegistered: boolean;
    summary: string;
    updatedAt: string;
  }[];
}

/** Faults the simulator can be told to inject, to test a client the way the real system tests it. */
export interface Faults {
  /** Answer every Nth request 503. */
  status503Every?: number;
  /** Drop the connection on every Nth request. */
  dropEvery?: number;
  /** Past this many requests a second, answer 429 with Retry-After (the real system's limit is 20). */
  rateLimit?: number;
  /** Wait this long before answering. */
  delayMs?: number;
}

export interface KodomoSimulator {
  url: string;
  /** The records served; a test may change them between reads. */
  data: KodomoData;
  requests: number;
  faults: Faults;
  close(): Promise<void>;
}

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
};

function page<T extends { updatedAt: string }>(items: readonly T[], query: URLSearchParams): { items: T[]; nextCursor: string | null } | null {
  const limit = query.has('limit') ? Number(query.get('limit')) : 100;
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) return null;
  let offset = 0;
  const cursor = query.get('cursor');
  if (cursor) {
    try {
      offset = (JSON.parse(Buffer.from(cursor, 'base64url').toString()) as { o: number }).o;
    } catch {
      return null;
    }
  }
  const since = query.get('updatedSince');
  const selected = since ? items.filter((i) => Date.parse(i.updatedAt) >= Date.parse(since)) : items;
  const slice = selected.slice(offset, offset + limit);
  const next = offset + limit < selected.length ? Buffer.from(JSON.stringify({ o: offset + limit })).toString('base64url') : null;
  return { items: slice, nextCursor: next };
}

/**
 * The こども家庭センター system's API (GET /v1/children, GET /v1/cases) over a generated city's data:
 * API key, cursor paging, updatedSince, the rate limit, and on request 503s and dropped connections.
 */
export async function startKodomoSimulator(options: {
  dataFile: string;
  apiKey: string;
  port?: number;
  host?: string;
  faults?: Faults;
}): Promise<KodomoSimulator> {
  const data = JSON.parse(readFileSync(options.dataFile, 'utf8')) as KodomoData;
  const window: number[] = [];
  const sim: KodomoSimulator = { url: '', data, requests: 0, faults: { rateLimit: 20, ...options.faults }, close: async () => {} };
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    sim.requests++;
    const n = sim.requests;
    const f = sim.faults;
    if (f.delayMs) await new Promise((r) => setTimeout(r, f.delayMs));
    if (f.dropEvery && n % f.dropEvery === 0) return void req.socket.destroy();
    if (req.headers['x-api-key'] !== options.apiKey) return json(res, 401, { error: 'unauthorized' });
    const now = Date.now();
    while (window.length > 0 && window[0]! < now - 1000) window.shift();
    window.push(now);
    if (f.rateLimit && window.length > f.rateLimit) return json(res, 429, { error: 'too many requests' }, { 'retry-after': '1' });
    if (f.status503Every && n % f.status503Every === 0) return json(res, 503, { error: 'unavailable' });
    const url = new URL(req.url ?? '/', 'http://sim');
    const items = url.pathname === '/v1/children' ? sim.data.children : url.pathname === '/v1/cases' ? sim.data.cases : null;
    if (!items || req.method !== 'GET') return json(res, 404, { error: 'not found' });
    const body = page<{ updatedAt: string }>(items, url.searchParams);
    if (!body) return json(res, 400, { error: 'bad request' });
    json(res, 200, body);
  };
  const server: Server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  sim.url = `http://${options.host ?? '127.0.0.1'}:${address.port}`;
  sim.close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return sim;
}
