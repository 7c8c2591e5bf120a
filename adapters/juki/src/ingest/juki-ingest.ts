import type { DataSource } from 'typeorm';
import { watch, type FSWatcher } from 'chokidar';
import { IngestLedger } from '@welfare-hub/ingest';
import { PersonStore } from '../store/person-store.js';
import { parseJukiRecord } from '../parse/index.js';
import { applyJukiFile, type FileOutcome } from './apply-file.js';
import { listJukiFiles, missingDays } from './folder.js';
import { sha256File } from './sha256.js';

export interface JukiSourceHealth {
  state: 'not_read' | 'reading' | 'ok' | 'degraded' | 'failed';
  lastReadAt: string | null;
  recordsRead: number;
  recordsRejected: number;
  awaitingLink: number;
}

export interface JukiIngestOptions {
  dir: string;
  db: DataSource;
  batchSize?: number;
}

/**
 * Keeps the hub's copy of the resident registry in step with the drop folder: every full extract and 異動
 * file, in date order, each applied once (by content), the folder watched for new ones.
 */
export class JukiIngest {
  readonly persons: PersonStore;
  readonly ledger: IngestLedger;
  private running: Promise<FileOutcome[]> = Promise.resolve([]);
  private rescan = false;
  private state: JukiSourceHealth['state'] = 'not_read';
  private lastReadAt: Date | null = null;
  private watcher: FSWatcher | null = null;

  constructor(private readonly options: JukiIngestOptions) {
    this.persons = new PersonStore(options.db);
    this.ledger = new IngestLedger(options.db, 'juki');
  }

  /** Applies every file not applied yet. Calls made while a scan runs are folded into one more scan. */
  scan(): Promise<FileOutcome[]> {
    this.running = this.running.then(
      () => this.scanOnce(),
      () => this.scanOnce(),
    );
    return this.running;
  }

  private async scanOnce(): Promise<FileOutcome[]> {
    // Until the first scan ends the source has not been read; after that a scan in progress is 'reading'.
    if (this.state !== 'not_read') this.state = 'reading';
    const outcomes: FileOutcome[] = [];
    try {
      const files = await listJukiFiles(this.options.dir);
      const gaps = missingDays(files);
      for (const file of files) {
        const sha = await sha256File(file.path);
        if (await this.ledger.findRead(file.name, sha)) continue;
        const missing = gaps.get(file.name);
        const note = missing ? `no 異動 file for ${missing.join(', ')}` : null;
        outcomes.push(
          await applyJukiFile({ db: this.options.db, persons: this.persons, ledger: this.ledger, batchSize: this.options.batchSize ?? 2000 }, file, sha, note),
        );
      }
      this.state = outcomes.some((o) => o.state === 'truncated') ? 'degraded' : 'ok';
    } catch (error) {
      this.state = 'failed';
      throw error;
    } finally {
      this.lastReadAt = new Date();
    }
    return outcomes;
  }

  /** Watches the drop folder: a new or replaced file is read without a restart. */
  async watch(): Promise<void> {
    if (this.watcher) return;
    this.watcher = watch(this.options.dir, {
      ignoreInitial: true,
      depth: 0,
      // A file still being copied in is left alone until its size stops changing.
      awaitWriteFinish: { stabilityThreshold: 300, pollInterval: 100 },
    });
    const onFile = (): void => {
      this.scan().catch(() => undefined);
    };
    this.watcher.on('add', onFile).on('change', onFile);
    await new Promise<void>((resolve) => this.watcher!.once('ready', () => resolve()));
  }

  async close(): Promise<void> {
    await this.watcher?.close();
    this.watcher = null;
    await this.running.catch(() => undefined);
  }

  /**
   * Parses the kept bytes of every unresolved rejected record again (after a fix to the adapter or its code
   * tables) and applies those that now pass.
   */
  async reprocessRejected(): Promise<{ resolved: number; stillRejected: number }> {
    const pending = await this.ledger.unresolvedRejections(100_000);
    const resolvedIds: string[] = [];
    for (const row of pending) {
      if (!row.raw) continue;
      const parsed = parseJukiRecord(row.raw);
      if (!parsed.ok) continue;
      await this.persons.upsert([{ ...parsed.record, sourceFile: row.origin, sourcePosition: row.position }]);
      resolvedIds.push(row.id);
    }
    await this.ledger.markResolved(resolvedIds);
    return { resolved: resolvedIds.length, stillRejected: pending.length - resolvedIds.length };
  }

  async health(): Promise<JukiSourceHealth> {
    return {
      state: this.state,
      lastReadAt: this.lastReadAt?.toISOString() ?? null,
      recordsRead: await this.ledger.appliedRecords(),
      recordsRejected: await this.ledger.countUnresolved(),
      awaitingLink: 0,
    };
  }
}
