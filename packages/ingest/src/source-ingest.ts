import { watch, type FSWatcher } from 'chokidar';
import type { IngestLedger } from './ledger.js';

export type SourceState = 'not_read' | 'reading' | 'ok' | 'degraded' | 'failed';

export interface SourceHealthReport {
  state: SourceState;
  lastReadAt: string | null;
  /** The last read that did not fail: how fresh what the hub shows of this source is. */
  lastSuccessfulReadAt: string | null;
  recordsRead: number;
  recordsRejected: number;
  awaitingLink: number;
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

  constructor(readonly ledger: IngestLedger) {}

  protected abstract readOnce(): Promise<ReadOutcome<R>>;

  /** Records of this source waiting for a person to confirm who they are about. */
  protected abstract awaitingLink(): Promise<number>;

  scan(): Promise<R> {
    const next = this.running.then(() => this.guarded(), () => this.guarded());
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
      if (state !== 'failed') this.lastSuccessfulReadAt = new Date();
      // What is derived from the source is refreshed only when this read took something in: an unchanged file skipped
      // or a poll that found nothing new costs nothing downstream.
      if (state !== 'failed' && this.ledger.recordsTakenIn > takenInBefore) for (const listener of this.readListeners) listener();
      return result;
    } catch (error) {
      this.state = 'failed';
      throw error;
    } finally {
      this.lastReadAt = new Date();
    }
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
    };
  }
}
