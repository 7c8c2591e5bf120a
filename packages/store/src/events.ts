import pg from 'pg';

/**
 * PostgreSQL's own LISTEN/NOTIFY between the hub's processes (no broker): a process that changed something tells
 * the others on a channel; the message is delivered when the sender's transaction commits. A notification sent while
 * a listener is disconnected is lost, so a listener is told when it reconnects and must catch up from durable state
 * (packages/ingest keeps a generation number per source for that).
 */
export interface StoreEvents {
  notify(channel: string, payload: string): Promise<void>;
  /** Starts listening; the returned function stops. */
  listen(channel: string, onMessage: (payload: string) => void): Promise<() => Promise<void>>;
  /** Called after the listening connection came back: messages may have been missed meanwhile. */
  onReconnect(callback: () => void): void;
  close(): Promise<void>;
}

type Listener = (payload: string) => void;

/** NOTIFY through any query function of the store (a pool or a transaction): the server delivers it on commit. */
export function notifyVia(query: (sql: string, params: unknown[]) => Promise<unknown>) {
  return async (channel: string, payload: string): Promise<void> => {
    await query('SELECT pg_notify($1, $2)', [channel, payload]);
  };
}

/**
 * Events over a PostgreSQL server: one connection of its own holds the LISTENs and is re-opened, with its channels,
 * when it drops (backing off up to 5 s).
 */
export class ServerEvents implements StoreEvents {
  private client: pg.Client | null = null;
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly reconnected: (() => void)[] = [];
  private closed = false;
  private connecting: Promise<void> | null = null;

  constructor(
    private readonly url: string,
    readonly notify: (channel: string, payload: string) => Promise<void>,
  ) {}

  async listen(channel: string, onMessage: Listener): Promise<() => Promise<void>> {
    let set = this.listeners.get(channel);
    if (!set) {
      set = new Set();
      this.listeners.set(channel, set);
      await this.connected();
      await this.client!.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    }
    set.add(onMessage);
    return async () => {
      set.delete(onMessage);
    };
  }

  onReconnect(callback: () => void): void {
    this.reconnected.push(callback);
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.connecting?.catch(() => undefined);
    await this.client?.end().catch(() => undefined);
    this.client = null;
  }

  private connected(): Promise<void> {
    if (this.client) return Promise.resolve();
    this.connecting ??= this.connect().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url, application_name: 'welfare-hub events' });
    client.on('notification', (message) => {
      for (const listener of this.listeners.get(message.channel) ?? []) listener(message.payload ?? '');
    });
    client.on('error', () => this.dropped(client));
    client.on('end', () => this.dropped(client));
    await client.connect();
    for (const channel of this.listeners.keys()) await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    this.client = client;
  }

  private dropped(client: pg.Client): void {
    if (this.client !== client || this.closed) return;
    this.client = null;
    const retry = (delayMs: number): void => {
      if (this.closed) return;
      setTimeout(() => {
        this.connected().then(
          () => this.reconnected.forEach((callback) => callback()),
          () => retry(Math.min(delayMs * 2, 5_000)),
        );
      }, delayMs).unref();
    };
    retry(100);
  }
}

/** The embedded PGlite's LISTEN/NOTIFY, inside its one process: the same interface, so one code path serves both. */
export class EmbeddedEvents implements StoreEvents {
  constructor(
    private readonly engine: { listen(channel: string, callback: Listener): Promise<() => Promise<void>> },
    readonly notify: (channel: string, payload: string) => Promise<void>,
  ) {}

  listen(channel: string, onMessage: Listener): Promise<() => Promise<void>> {
    return this.engine.listen(channel, onMessage);
  }

  onReconnect(): void {
    // One process, one session: the connection cannot drop without the process.
  }

  async close(): Promise<void> {}
}
