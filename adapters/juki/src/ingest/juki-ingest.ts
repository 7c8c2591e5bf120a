import type { DataSource } from 'typeorm';
import { IngestLedger, SourceIngest, type ReadOutcome, type SourceHealthReport } from '@welfare-hub/ingest';
import { PersonStore } from '../store/person-store.js';
import { SochiStore } from '../store/sochi-store.js';
import { listSochiFiles } from '../sochi/index.js';
import { applySochiFile } from './apply-sochi.js';
import { parseJukiRecord } from '../parse/index.js';
import { applyJukiFile, type FileOutcome } from './apply-file.js';
import { listJukiFiles, missingDays } from './folder.js';
import { sha256File } from './sha256.js';

export type JukiSourceHealth = SourceHealthReport;

export interface JukiIngestOptions {
  dir: string;
  db: DataSource;
  batchSize?: number;
}

/**
 * Keeps the hub's copy of the resident registry in step with the drop folder: every full extract and 異動
 * file, in date order, each applied once (by content), the folder watched for new ones.
 */
export class JukiIngest extends SourceIngest<FileOutcome[]> {
  readonly persons: PersonStore;
  /** 支援措置: the list of residents whose address is withheld. */
  readonly sochi: SochiStore;

  constructor(private readonly options: JukiIngestOptions) {
    super(new IngestLedger(options.db, 'juki'));
    this.persons = new PersonStore(options.db);
    this.sochi = new SochiStore(options.db);
  }

  /**
   * Applies every file not applied yet: the 支援措置 lists first, so that no resident is ever served before the
   * protection the registry gives them, then the extracts.
   */
  protected async readOnce(): Promise<ReadOutcome<FileOutcome[]>> {
    const outcomes: FileOutcome[] = [];
    for (const list of await listSochiFiles(this.options.dir)) {
      const sha = await sha256File(list.path);
      if (await this.ledger.findRead(list.name, sha)) continue;
      outcomes.push(await applySochiFile({ db: this.options.db, sochi: this.sochi, ledger: this.ledger }, list, sha));
    }
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
    return { result: outcomes, state: outcomes.some((o) => o.state === 'truncated' || o.state === 'refused') ? 'degraded' : 'ok' };
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
