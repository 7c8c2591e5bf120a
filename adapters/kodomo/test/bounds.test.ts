import { createServer, type Server } from 'node:http';
import { KodomoClient, KodomoPastBound } from '../src/index.js';

/** A kodomo API stand-in that answers every page with `page()`. */
async function serve(page: (url: URL) => { body: string; declare?: boolean }): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const { body, declare = true } = page(new URL(req.url ?? '/', 'http://x'));
    res.writeHead(200, { 'content-type': 'application/json', ...(declare ? { 'content-length': String(Buffer.byteLength(body)) } : {}) }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

describe('the kodomo API read within its bounds (issue 14)', () => {
  it('refuses a page whose declared length is past the bound, before reading it', async () => {
    const api = await serve(() => ({ body: JSON.stringify({ items: [{ pad: 'x'.repeat(200_000) }], nextCursor: null }) }));
    try {
      const client = new KodomoClient({ baseUrl: api.url, apiKey: 'k', maxPageBytes: 100_000, attempts: 1 });
      await expect(client.all('/v1/children')).rejects.toThrow(
        new KodomoPastBound('/v1/children: page: 200,040 bytes, past the bound of 100,000 bytes'),
      );
    } finally {
      await api.close();
    }
  });

  it('stops reading a page that grows past the bound without saying its length', async () => {
    const api = await serve(() => ({ body: JSON.stringify({ items: [{ pad: 'x'.repeat(300_000) }], nextCursor: null }), declare: false }));
    try {
      const client = new KodomoClient({ baseUrl: api.url, apiKey: 'k', maxPageBytes: 100_000, attempts: 1 });
      await expect(client.all('/v1/cases')).rejects.toThrow(/^\/v1\/cases: page: [\d,]+ bytes, past the bound of 100,000 bytes \(read so far\)$/);
    } finally {
      await api.close();
    }
  });

  it('stops a cursor that never ends at the bound of pages', async () => {
    let served = 0;
    const api = await serve(() => (served++, { body: JSON.stringify({ items: [], nextCursor: `c${served}` }) }));
    try {
      const client = new KodomoClient({ baseUrl: api.url, apiKey: 'k', maxPages: 5, attempts: 1 });
      await expect(client.all('/v1/children')).rejects.toThrow('/v1/children: read: 6 pages, past the bound of 5 pages');
      expect(served).toBe(5);
    } finally {
      await api.close();
    }
  });
});
