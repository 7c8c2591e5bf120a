import type { DataSource } from 'typeorm';
import type { StoreEvents } from '@welfare-hub/store';
import type { SourceName } from './ledger.js';

/** What the hub's processes tell each other about a source (the notification is a hint, the row the truth). */
export interface SourceGeneration {
  source: SourceName;
  /** Moves with every read (or re-link) that changed what the hub shows of the source. */
  generation: number;
  /** When the source's first read completed, in any process, ever. */
  firstReadAt: Date | null;
  /** The last read that took the source in whole. */
  lastSuccessAt: Date | null;
}

export type GenerationMap = ReadonlyMap<SourceName, SourceGeneration>;

/** Postgres folds unquoted channel names to lower case: keep them lower case. */
export const SOURCE_CHANNEL = 'hub_source_changed';

interface Row {
  source: SourceName;
  generation: string;
  first_read_at: Date | null;
  last_success_at: Date | null;
}

const toGeneration = (r: Row): SourceGeneration => ({
  source: r.source,
  generation: Number(r.generation),
  firstReadAt: r.first_read_at,
  lastSuccessAt: r.last_success_at,
});

/**
 * The sources' generations in the store, and the events that tell other processes they moved. Every process that
 * holds something derived from another's data (linked records, the analysts' index) follows them with `watch`.
 */
export class SourceGenerations {
  constructor(
    private readonly db: DataSource,
    readonly events: StoreEvents,
  ) {}

  /**
   * After a read of `source`: a new generation when it changed what the hub shows (`changed`), the first and the last
   * whole read stamped, and every process told.
   */
  async record(source: SourceName, read: { changed: boolean; whole: boolean }): Promise<SourceGeneration> {
    const [row]: Row[] = await this.db.query(
      `INSERT INTO ingest.source_state AS s (source, generation, first_read_at, last_success_at)
       VALUES ($1, CASE WHEN $2 THEN 1 ELSE 0 END, now(), CASE WHEN $3 THEN now() END)
       ON CONFLICT (source) DO UPDATE SET
         generation = s.generation + CASE WHEN $2 THEN 1 ELSE 0 END,
         first_read_at = COALESCE(s.first_read_at, EXCLUDED.first_read_at),
         last_success_at = COALESCE(EXCLUDED.last_success_at, s.last_success_at),
         changed_at = CASE WHEN $2 THEN now() ELSE s.changed_at END
       RETURNING source, generation, first_read_at, last_success_at`,
      [source, read.changed, read.whole],
    );
    await this.events.notify(SOURCE_CHANNEL, source);
    return toGeneration(row!);
  }

  async read(): Promise<GenerationMap> {
    const rows: Row[] = await this.db.query(`SELECT source, generation, first_read_at, last_success_at FROM ingest.source_state`);
    return new Map(rows.map((r) => [r.source, toGeneration(r)]));
  }

  /**
   * Calls `onChange` with every source whose generation (or first read) moved since the last call: at once, on each
   * notification, after a reconnection, and every `catchUpSeconds` in case a notification was lost. Calls never
   * overlap; a change seen during one makes one more after it.
   */
  async watch(
    onChange: (changed: ReadonlySet<SourceName>, all: GenerationMap) => Promise<void>,
    catchUpSeconds: number,
  ): Promise<{ close(): Promise<void> }> {
    const seen = new Map<SourceName, string>();
    let running: Promise<void> | null = null;
    let again = false;
    let closed = false;
    const check = (): Promise<void> => {
      if (closed) return Promise.resolve();
      if (running) {
        again = true;
        return running;
      }
      running = (async () => {
        do {
          again = false;
          try {
            const all = await this.read();
            const changed = new Set<SourceName>();
            for (const [source, g] of all) {
              const mark = `${g.generation}|${g.firstReadAt?.getTime() ?? ''}`;
              if (seen.get(source) !== mark) changed.add(source);
              seen.set(source, mark);
            }
            if (changed.size > 0) await onChange(changed, all);
          } catch {
            // The store is away for a moment: the next notification or the timer checks again.
          }
        } while (again && !closed);
        running = null;
      })();
      return running;
    };
    const stop = await this.events.listen(SOURCE_CHANNEL, () => void check());
    this.events.onReconnect(() => void check());
    const timer = setInterval(() => void check(), catchUpSeconds * 1000);
    timer.unref();
    await check();
    return {
      async close() {
        closed = true;
        clearInterval(timer);
        await stop();
        await running;
      },
    };
  }
}
