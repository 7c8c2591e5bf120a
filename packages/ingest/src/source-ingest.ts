import { watch, type FSWatcher } from 'chokidar';
import { DEFAULT_INGEST_CONFIG, type IngestConfig } from './config.js';
import { withDeadline, ReadTimedOut } from './deadline.js';
import { DropDiscipline } from './drop-discipline.js';
import { Holds } from './hold.js';
import type { IngestLedger } from './ledger.js';
import type { SourceGenerations } from './generations.js';
import { OpenProblems } from './problems.js';

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
  /** Why the source is degraded, one line per open problem (file names and counts only): empty when it is not. */
  problems: string[];
  /** Reads held instead of applied, waiting for a corrected file or an admin's acceptHeldRead. */
  heldReads: number;
  /** Drops not read at all (not a regular file, a name not the spec's, past a bound), still there. */
  rejectedDrops: number;
}

/** What one read of a source came to: its result for the caller, and whether the source was taken in whole. */
export interface ReadOutcome<R> {
  result: R;
  /**
   * ok: all read whole; degraded: something was cut short, held or refused and reported (the source's open problems
   * say what, and keep it degraded until fixed); failed: the source could not be read.
   */
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
  /** What keeps the source degraded until it is fixed or accepted (problems.ts). */
  protected readonly problems = new OpenProblems();
  /** Only regular files, misnamed and odd entries reported once (drop-discipline.ts). */
  protected readonly drops: DropDiscipline;
  /** Snapshots that would shrink to nothing are held; an admin's acceptance applies them (hold.ts). */
  protected readonly holds: Holds;
  protected readonly config: IngestConfig;
  private readSignal: AbortSignal | null = null;

  constructor(
    readonly ledger: IngestLedger,
    config: Partial<IngestConfig> = {},
  ) {
    this.config = { ...DEFAULT_INGEST_CONFIG, ...config };
    this.drops = new DropDiscipline(ledger, this.problems);
    this.holds = new Holds(ledger, this.problems, this.config);
  }

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
      const { result, state } = await this.readWithinDeadline();
      const tookIn = state !== 'failed' && this.ledger.recordsTakenIn > takenInBefore;
      const fresh = this.settle(state, tookIn);
      // What is derived from the source is refreshed only when this read took something in: an unchanged file skipped
      // or a poll that found nothing new costs nothing downstream.
      if (this.generations && state !== 'failed') {
        const generation = await this.generations.record(this.ledger.source, { changed: tookIn, whole: fresh });
        // The store's clock, as every process and the analysts' index read it.
        if (fresh) this.lastSuccessfulReadAt = generation.lastSuccessAt;
        if (this.registryWatch) await this.relink();
        else if (this.settledGeneration === null) this.settledGeneration = generation.generation;
      }
      if (tookIn) for (const listener of this.readListeners) listener();
      return result;
    } catch (error) {
      await this.abandoned(error);
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

  /** readOnce under HUB_SOURCE_READ_TIMEOUT_SECONDS: a stuck read is abandoned and reported, not `reading` forever. */
  private readWithinDeadline(): Promise<ReadOutcome<R>> {
    return withDeadline((signal) => {
      this.readSignal = signal;
      return this.readOnce();
    }, this.config.readTimeoutMs);
  }

  /** For readOnce, between files and batches: stops a read that was abandoned, so it writes nothing after it. */
  protected checkNotAbandoned(): void {
    if (this.readSignal?.aborted) throw new ReadTimedOut(this.config.readTimeoutMs);
  }

  /**
   * The state after a read: degraded while any problem is open, whatever this read found (a folder event with nothing
   * new does not clear a cut-short file still unapplied); failed only when the source was never read. The last
   * successful read moves only when this read took records in, or ended with nothing wrong: a truncated, held or
   * unreadable file does not make the source look fresh.
   */
  private settle(state: ReadOutcome<R>['state'], tookIn: boolean): boolean {
    this.problems.clear('stuck');
    if (state === 'failed') this.problems.raise('read', 'the last read failed (see sourceReads)', 'failed');
    else this.problems.clear('read');
    if (state !== 'failed') this.everRead = true;
    this.state = !this.everRead ? 'failed' : this.problems.size > 0 ? 'degraded' : 'ok';
    const fresh = state !== 'failed' && (tookIn || (state === 'ok' && this.problems.size === 0));
    if (fresh) this.lastSuccessfulReadAt = new Date();
    return fresh;
  }

  /** A read that threw or timed out: on record, and the source degraded (failed if it never was read), never `reading`. */
  private async abandoned(error: unknown): Promise<void> {
    const timedOut = error instanceof ReadTimedOut;
    const problem = timedOut ? error.message : `the read failed (${error instanceof Error ? error.constructor.name : 'error'})`;
    this.problems.raise(timedOut ? 'stuck' : 'read', problem, timedOut ? 'stuck' : 'failed');
    this.state = this.everRead ? 'degraded' : 'failed';
    await this.ledger
      .recordRead({
        name: timedOut ? 'read timed out' : 'read failed',
        sha256: null,
        state: timedOut ? 'timed_out' : 'failed',
        recordsRead: 0,
        recordsRejected: 0,
        problem,
        kind: 'read',
      })
      .catch(() => undefined);
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
    // A directory or a pipe named like an export is an event too: it is reported, not passed over.
    this.watcher.on('add', onFile).on('change', onFile).on('addDir', onFile).on('unlink', onFile).on('unlinkDir', onFile);
    await new Promise<void>((resolve) => this.watcher!.once('ready', () => resolve()));
    this.holds.watch(onFile);
  }

  /** Reads again every `seconds`. */
  poll(seconds: number): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.scan().catch(() => undefined), seconds * 1000);
    this.timer.unref();
    this.holds.watch(() => void this.scan().catch(() => undefined));
  }

  async close(): Promise<void> {
    await this.registryWatch?.close();
    this.registryWatch = null;
    await this.watcher?.close();
    this.watcher = null;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.holds.stop();
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
      problems: this.problems.reasons(),
      heldReads: this.problems.count('held'),
      rejectedDrops: this.problems.count('rejected'),
    };
  }
}
