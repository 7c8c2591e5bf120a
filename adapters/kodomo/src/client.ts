import { BOUNDS, pastBound } from '@welfare-hub/ingest';

/** The kodomo system did not answer in time, after every retry. The message names no person. */
export class KodomoUnavailable extends Error {}
export class KodomoUnauthorized extends Error {}
/** A page past its bound in bytes, or a read past its bound in pages: the read stops there. The message names the bound. */
export class KodomoPastBound extends Error {}

export interface ClientOptions {
  baseUrl: string;
  apiKey: string;
  /** Per request. */
  timeoutMs?: number;
  attempts?: number;
  /** The first backoff; each retry doubles it. */
  backoffMs?: number;
  /** Bounds of one page's body and of the pages of one read (packages/ingest BOUNDS when not given). */
  maxPageBytes?: number;
  maxPages?: number;
}

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * The こども家庭センター API, read as its spec says: API key, cursor paging, updatedSince. 503s, timeouts and
 * dropped connections are retried with exponential backoff (every call is a GET, so retrying is safe), a
 * 429 waits its Retry-After, and after the last attempt the client gives up with a clear error.
 */
export class KodomoClient {
  private readonly timeoutMs: number;
  private readonly attempts: number;
  private readonly backoffMs: number;

  constructor(private readonly options: ClientOptions) {
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.attempts = options.attempts ?? 5;
    this.backoffMs = options.backoffMs ?? 250;
  }

  async all<T>(path: '/v1/children' | '/v1/cases', updatedSince?: string): Promise<T[]> {
    const items: T[] = [];
    let cursor: string | null = null;
    let pages = 0;
    const maxPages = this.options.maxPages ?? BOUNDS.apiPages;
    do {
      // A cursor that never ends would read for ever: the read stops at its bound and says so.
      if (++pages > maxPages) throw new KodomoPastBound(`${path}: ${pastBound('read', pages, maxPages, 'pages')}`);
      const query = new URLSearchParams({ limit: '500' });
      if (cursor) query.set('cursor', cursor);
      if (updatedSince) query.set('updatedSince', updatedSince);
      const page: Page<T> = await this.get<Page<T>>(`${path}?${query}`);
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  }

  private async get<T>(pathAndQuery: string): Promise<T> {
    let wait = this.backoffMs;
    for (let attempt = 1; ; attempt++) {
      let response: Response | null;
      try {
        response = await fetch(`${this.options.baseUrl.replace(/\/$/, '')}${pathAndQuery}`, {
          headers: { 'x-api-key': this.options.apiKey, accept: 'application/json' },
          signal: AbortSignal.timeout(this.timeoutMs),
        });
      } catch {
        response = null; // dropped connection or timeout: retried below
      }
      if (response?.ok) return (await this.body(response, pathAndQuery)) as T;
      if (response?.status === 401) throw new KodomoUnauthorized('the kodomo system refused the API key');
      if (response && response.status !== 429 && response.status < 500) {
        throw new KodomoUnavailable(`the kodomo system answered ${response.status}`);
      }
      if (attempt >= this.attempts) {
        throw new KodomoUnavailable(`the kodomo system did not answer after ${this.attempts} attempts`);
      }
      const retryAfter = Number(response?.headers.get('retry-after'));
      await sleep(response?.status === 429 && retryAfter > 0 ? retryAfter * 1000 : wait + Math.random() * wait * 0.2);
      wait *= 2;
    }
  }

  /**
   * A page's JSON, read within its bound: a declared length past it is refused before reading, and a body that grows
   * past it is cut off there, so a hostile or broken server cannot fill the hub's memory.
   */
  private async body(response: Response, pathAndQuery: string): Promise<unknown> {
    const bound = this.options.maxPageBytes ?? BOUNDS.apiPageBytes;
    const path = pathAndQuery.split('?')[0]!;
    const declared = Number(response.headers.get('content-length'));
    if (declared > bound) {
      await response.body?.cancel();
      throw new KodomoPastBound(`${path}: ${pastBound('page', declared, bound, 'bytes')}`);
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    if (response.body) {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        size += chunk.length;
        if (size > bound) {
          await response.body.cancel().catch(() => undefined);
          throw new KodomoPastBound(`${path}: ${pastBound('page', size, bound, 'bytes')} (read so far)`);
        }
        chunks.push(chunk);
      }
    }
    try {
      return JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      throw new KodomoUnavailable(`${path}: the kodomo system answered with a page that is not JSON`);
    }
  }
}
