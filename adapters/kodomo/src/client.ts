/** The kodomo system did not answer in time, after every retry. The message names no person. */
export class KodomoUnavailable extends Error {}
export class KodomoUnauthorized extends Error {}

export interface ClientOptions {
  baseUrl: string;
  apiKey: string;
  /** Per request. */
  timeoutMs?: number;
  attempts?: number;
  /** The first backoff; each retry doubles it. */
  backoffMs?: number;
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
    do {
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
      let response: Response | null = null;
      try {
        response = await fetch(`${this.options.baseUrl.replace(/\/$/, '')}${pathAndQuery}`, {
          headers: { 'x-api-key': this.options.apiKey, accept: 'application/json' },
          signal: AbortSignal.timeout(this.timeoutMs),
        });
      } catch {
        response = null; // dropped connection or timeout: retried below
      }
      if (response?.ok) return (await response.json()) as T;
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
}
