import { watch, type FSWatcher } from 'chokidar';
import type { IngestLedger } from './ledger.js';
import type { SourceGenerations } from './generations.js';

export type SourceState = 'not_read' | 'reading' | 'ok' | 'degraded' | 'failed';

export interface SourceHealthReport {
  state: SourceState;
  lastReadAt: string | null;
  /** The last read that did not fail: how fresh what the hub shows of this source is. */
  lastSuccessfulReadAt: string | null;
  recordsRead: number;
  recordsRejected: number;
  awaitingLink: number;
  /**
   * The first read is settled: it is done, its records were linked against a registry that had itself been read (none
   * waits only because the registry had not been read yet), and `generation` is the source's generation then.
   */
  settled: boolean;
  generation: number | null;
}

/** What one read of a source came to: its result for the caller, and whether the source was taken in whole. */
export interface ReadOutcome<R> {
  result: R;
  /** ok: all read whole; degraded: something was cut short and reported; failed: the source could not be read. */
  state: 'ok' | 'degraded' | 'failed';
}

/**
 * What every adapter's reading has in common: reads one at a time (a call during a read is one more read
 * after it), the state /health/ready reports, a watched drop folder or a polling timer, and a clean close.
 */
export abstract class SourceIngest<R> {
  private running: Promise<unknown> = Promise.resolve();
  private state: SourceState = 'not_read';
  private everRead = false;
  private lastReadAt: Date | null = null;
  private lastSuccessfulReadAt: Date | null = null;
  private watcher: FSWatcher | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly readListeners: (() => void)[] = [];
  private generations: SourceGenerations | null = null;
  private registryWatch: { close(): Promise<void> } | null = null;
  private settledGeneration: number | null = null;

  constructor(readonly ledger: IngestLedger) {}

  /**
   * Tells the other processes of every read that changed something (a durable generation and a notification), and,
   * for a source whose records are linked to residents, links again the records that wait whenever the registry
   * (juki) changes, in this process, without waiting for the source's next read.
   */
  async connect(generations: SourceGenerations, options: { followRegistry: boolean; catchUpSeconds: number }): Promise<void> {
    this.generations = generations;
    if (!options.followRegistry) return;
    this.registryWatch = await generations.watch(async (changed) => {
      if (changed.has('juki') && this.everRead) await this.queue(() => this.relink());
    }, options.catchUpSeconds);
  }

  /** Records that wait for a resident the registry did not hold when they were read, linked again; how many linked now. */
  protected async relinkWaiting(): Promise<number> {
    return 0;
  }

  protected abstract readOnce(): Promise<ReadOutcome<R>>;

  /** Records of this source waiting for a person to confirm who they are about. */
  protected abstract awaitingLink(): Promise<number>;

  scan(): Promise<R> {
    return this.queue(() => this.guarded());
  }

  /** Reads and re-links one at a time, in the order asked. */
  private queue<T>(work: () => Promise<T>): Promise<T> {
    const next = this.running.then(work, work);
    this.running = next;
    return next;
  }

  private async guarded(): Promise<R> {
    if (this.state !== 'not_read') this.state = 'reading';
    const takenInBefore = this.ledger.recordsTakenIn;
    try {
      const { result, state } = await this.readOnce();
      // A source that was read once and fails now still serves its last copy: degraded, not failed.
      this.state = state === 'failed' && this.everRead ? 'degraded' : state;
      if (state !== 'failed') this.everRead = true;
      // Only a read that took the source in whole says how fresh it is: a cut-short or unreadable file does not.
      if (state === 'ok') this.lastSuccessfulReadAt = new Date();
      // What is derived from the source is refreshed only when this read took something in: an unchanged file skipped
      // or a poll that found nothing new costs nothing downstream.
      const tookIn = state !== 'failed' && this.ledger.recordsTakenIn > takenInBefore;
      if (this.generations && state !== 'failed') {
        const generation = await this.generations.record(this.ledger.source, { changed: tookIn, whole: state === 'ok' });
        // The store's clock, as every process and the analysts' index read it.
        if (state === 'ok') this.lastSuccessfulReadAt = generation.lastSuccessAt;
        if (this.registryWatch) await this.relink();
        else if (this.settledGeneration === null) this.settledGeneration = generation.generation;
      }
      if (tookIn) for (const listener of this.readListeners) listener();
      return result;
    } catch (error) {
      this.state = 'failed';
      throw error;
    } finally {
      this.lastReadAt = new Date();
    }
  }

  /**
   * Links the waiting records against the registry as it is now; the first time this happens against a registry that
   * was itself read once (and has not moved since), the source is settled.
   */
  private async relink(): Promise<void> {
    const source = this.ledger.source;
    const before = (await this.generations!.read()).get('juki');
    const linked = await this.relinkWaiting();
    const own = linked > 0 ? await this.generations!.record(source, { changed: true, whole: false }) : null;
    if (linked > 0) for (const listener of this.readListeners) listener();
    if (this.settledGeneration !== null || !before?.firstReadAt) return;
    const after = await this.generations!.read();
    // The registry moved while linking: its notification links again, and settles then.
    if (after.get('juki')?.generation !== before.generation) return;
    this.settledGeneration = own?.generation ?? after.get(source)?.generation ?? 0;
  }

  /** Called after every read that took records in: what is derived from the sources (the analysts' index) refreshes on it. */
  onRead(listener: () => void): void {
    this.readListeners.push(listener);
  }

  /** Reads again whenever a file is added to or replaced in the folder, once its size has settled. */
  async watchFolder(dir: string): Promise<void> {
    if (this.watcher) return;
    this.watcher = watch(dir, { ignoreInitial: true, depth: 0, awaitWriteFinish: { stabilityThreshold: 300, pollInterval: 100 } });
    const onFile = (): void => void this.scan().catch(() => undefined);
    this.watcher.on('add', onFile).on('change', onFile);
    await new Promise<void>((resolve) => this.watcher!.once('ready', () => resolve()));
  }

  /** Reads again every `seconds`. */
  poll(seconds: number): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.scan().catch(() => undefined), seconds * 1000);
    this.timer.unref();
  }

  async close(): Promise<void> {
    await this.registryWatch?.close();
    this.registryWatch = null;
    await this.watcher?.close();
    this.watcher = null;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running.catch(() => undefined);
  }

  async health(): Promise<SourceHealthReport> {
    return {
      state: this.state,
      lastReadAt: this.lastReadAt?.toISOString() ?? null,
      lastSuccessfulReadAt: this.lastSuccessfulReadAt?.toISOString() ?? null,
      recordsRead: await this.ledger.appliedRecords(),
      recordsRejected: await this.ledger.countUnresolved(),
      awaitingLink: await this.awaitingLink(),
      settled: this.settledGeneration !== null,
      generation: this.settledGeneration,
    };
  }
}
