import type { FileHandle } from 'node:fs/promises';
import type { DataSource } from 'typeorm';
import { DropUnreadable, IngestLedger, SourceIngest, openDropFile, sha256Of, type IngestConfig, type ReadOutcome, type SourceHealthReport } from '@welfare-hub/ingest';
import { PersonStore } from '../store/person-store.js';
import { JUKI_FILES, parseJukiRecord } from '../parse/index.js';
import { applyJukiFile, jukiReadKind, type FileOutcome } from './apply-file.js';
import { inApplyOrder, missingDays, type JukiFile } from './folder.js';

export type JukiSourceHealth = SourceHealthReport;

export interface JukiIngestOptions {
  dir: string;
  db: DataSource;
  batchSize?: number;
  /** Holds and deadline; DEFAULT_INGEST_CONFIG where not given. */
  ingest?: Partial<IngestConfig>;
}

/** Where a file's problem stays open: a full extract's until a later one applies, a 異動 file's until it arrives whole. */
const slotOf = (file: JukiFile): string => (file.kind === 'FULL' ? 'JUKI_FULL' : `JUKI_IDO:${file.name}`);

/**
 * Keeps the hub's copy of the resident registry in step with the drop folder: every full extract and 異動
 * file, in date order, each applied once (by content), the folder watched for new ones.
 */
export class JukiIngest extends SourceIngest<FileOutcome[]> {
  readonly persons: PersonStore;

  constructor(private readonly options: JukiIngestOptions) {
    super(new IngestLedger(options.db, 'juki'), options.ingest);
    this.persons = new PersonStore(options.db);
  }

  /** Applies every file not applied yet; only regular files, each named and refused entry reported once. */
  protected async readOnce(): Promise<ReadOutcome<FileOutcome[]>> {
    const outcomes: FileOutcome[] = [];
    const files = inApplyOrder(await this.drops.list(this.options.dir, JUKI_FILES));
    const gaps = missingDays(files);
    for (const file of files) {
      this.checkNotAbandoned();
      const slot = slotOf(file);
      let handle: FileHandle;
      try {
        handle = await openDropFile(file.path);
      } catch (error) {
        if (!(error instanceof DropUnreadable)) throw error;
        await this.drops.reject(file.name, null, slot, jukiReadKind(file), error.message);
        outcomes.push({ name: file.name, state: 'rejected', recordsRead: 0, recordsRejected: 0, problem: error.message });
        continue;
      }
      try {
        const outcome = await this.readFile(file, handle, slot, gaps.get(file.name));
        if (outcome) outcomes.push(outcome);
      } finally {
        await handle.close();
      }
    }
    return { result: outcomes, state: outcomes.some((o) => o.state !== 'applied') ? 'degraded' : 'ok' };
  }

  /** One listed file: passed when read before, else applied, held or reported cut short. */
  private async readFile(file: JukiFile, handle: FileHandle, slot: string, missing: string[] | undefined): Promise<FileOutcome | null> {
    const sha = await sha256Of(handle);
    const seen = await this.drops.seen(file.name, sha, slot);
    if (seen === 'applied' && file.kind === 'FULL') this.supersededByFull();
    if (seen === 'applied' || seen === 'open') return null;
    const note = missing ? `no 異動 file for ${missing.join(', ')}` : null;
    const kind = jukiReadKind(file);
    const deps = { db: this.options.db, persons: this.persons, ledger: this.ledger, batchSize: this.options.batchSize ?? 2000 };
    // A full extract is measured against the last one; a 異動 file only by its share of rejected records.
    const outcome = await applyJukiFile(deps, file, handle, sha, note, (counts) => this.holds.reason({ name: file.name, kind, file: true }, counts, file.kind === 'FULL'));
    if (outcome.state === 'held') {
      await this.holds.hold({ name: file.name, sha256: sha, recordsRead: outcome.recordsRead, recordsRejected: outcome.recordsRejected, kind }, outcome.problem!, slot);
    } else if (outcome.state === 'truncated') {
      this.problems.raise(slot, `${file.name}: ${outcome.problem}`, 'truncated');
    } else {
      this.problems.clear(slot);
      if (file.kind === 'FULL') this.supersededByFull();
    }
    return outcome;
  }

  /** A full extract applied is the whole registry as of its day: what earlier files left wrong no longer matters. */
  private supersededByFull(): void {
    this.problems.clearAllBut('JUKI_IDO:', new Set());
    this.problems.clear('JUKI_FULL');
  }

  protected async awaitingLink(): Promise<number> {
    return 0; // the registry is where identity comes from
  }

  watch(): Promise<void> {
    return this.watchFolder(this.options.dir);
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
}
