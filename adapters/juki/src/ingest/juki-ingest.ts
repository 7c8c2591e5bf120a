import type { FileHandle } from 'node:fs/promises';
import type { DataSource } from 'typeorm';
import {
  DropUnreadable,
  IngestLedger,
  SourceIngest,
  openDropFile,
  sha256Of,
  type IngestConfig,
  type ReadOutcome,
  type SourceHealthReport,
} from '@welfare-hub/ingest';
import { PersonStore } from '../store/person-store.js';
import { SochiStore } from '../store/sochi-store.js';
import { parseJukiRecord } from '../parse/index.js';
import { applySochiFile } from './apply-sochi.js';
import { applyJukiFile, jukiReadKind, type FileOutcome } from './apply-file.js';
import { inApplyOrder, JUKI_FOLDER, missingDays, sochiLists, type JukiFile } from './folder.js';

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
  /** 支援措置: the list of residents whose address is withheld. */
  readonly sochi: SochiStore;

  constructor(private readonly options: JukiIngestOptions) {
    super(new IngestLedger(options.db, 'juki'), options.ingest);
    this.persons = new PersonStore(options.db);
    this.sochi = new SochiStore(options.db);
  }

  /**
   * Applies every file not applied yet, only regular files, each named and refused entry reported once: the 支援措置
   * lists first, so that no resident is ever served before the protection the registry gives them, then the extracts.
   */
  protected async readOnce(): Promise<ReadOutcome<FileOutcome[]>> {
    const outcomes: FileOutcome[] = [];
    const listed = await this.drops.list(this.options.dir, JUKI_FOLDER);
    for (const list of sochiLists(listed)) {
      this.checkNotAbandoned();
      const outcome = await this.readList(list);
      if (outcome) outcomes.push(outcome);
    }
    const files = inApplyOrder(listed);
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
    // A list older than the one in force changes nothing and is no problem; anything else not applied is.
    return { result: outcomes, state: outcomes.some((o) => o.state !== 'applied' && o.state !== 'superseded') ? 'degraded' : 'ok' };
  }

  /**
   * One 支援措置 list: passed when read before; else applied, or refused with the list in force kept (protection never
   * lapses because a file was bad), the source degraded until a later list applies.
   */
  private async readList(list: { name: string; path: string; date: string }): Promise<FileOutcome | null> {
    let handle: FileHandle;
    try {
      handle = await openDropFile(list.path);
    } catch (error) {
      if (!(error instanceof DropUnreadable)) throw error;
      await this.drops.reject(list.name, null, 'JUKI_SOCHI', 'list', error.message);
      return { name: list.name, state: 'rejected', recordsRead: 0, recordsRejected: 0, problem: error.message };
    }
    try {
      const sha = await sha256Of(handle);
      const seen = await this.drops.seen(list.name, sha, 'JUKI_SOCHI');
      if (seen === 'applied' || seen === 'open') return null;
      const outcome = await applySochiFile(
        { db: this.options.db, sochi: this.sochi, ledger: this.ledger },
        { name: list.name, date: list.date, handle },
        sha,
      );
      if (outcome.state === 'applied' || outcome.state === 'superseded') this.problems.clear('JUKI_SOCHI');
      else this.problems.raise('JUKI_SOCHI', `${list.name}: ${outcome.problem}`, outcome.state === 'truncated' ? 'truncated' : 'failed');
      return outcome;
    } finally {
      await handle.close();
    }
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
    const outcome = await applyJukiFile(deps, file, handle, sha, note, (counts) =>
      this.holds.reason({ name: file.name, kind, file: true }, counts, file.kind === 'FULL'),
    );
    if (outcome.state === 'held') {
      await this.holds.hold(
        { name: file.name, sha256: sha, recordsRead: outcome.recordsRead, recordsRejected: outcome.recordsRejected, kind },
        outcome.problem!,
        slot,
      );
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
