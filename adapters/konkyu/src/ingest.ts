import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { parseSeirekiCompact } from '@welfare-hub/codec';
import {
  BOUNDS,
  DropUnreadable,
  IngestLedger,
  PastBound,
  SourceIngest,
  commonestReason,
  openDropFile,
  readWithin,
  zipPastBounds,
  type DropFileSpec,
  type IngestConfig,
  type ReadOutcome,
} from '@welfare-hub/ingest';
import { Linker, type Weights } from '@welfare-hub/linkage';
import { inTransaction } from '@welfare-hub/store';
import { readLedger } from './ledger.js';
import { applyLedger } from './store.js';

export function parseKonkyuFileName(name: string): string | null {
  const m = /^KONKYU_DAICHO_(\d{8})\.xlsx$/.exec(name);
  return m ? parseSeirekiCompact(m[1]!) : null;
}

/** The ledger folder's names, for the shared folder discipline. */
export const KONKYU_FILES: DropFileSpec<string> = {
  parse: parseKonkyuFileName,
  prefixes: ['KONKYU_DAICHO_'],
  expected: 'KONKYU_DAICHO_YYYYMMDD.xlsx',
};

/** The ledger is one snapshot: every workbook supersedes the last, and a problem stays until one applies. */
const KIND = 'KONKYU_DAICHO';

const ZIP_BOUNDS = { inflatedBytes: BOUNDS.xlsxInflatedBytes, ratio: BOUNDS.xlsxRatio, ratioFloorBytes: BOUNDS.xlsxRatioFloorBytes };

/**
 * Keeps the hub's copy of the 自立相談支援機関's weekly ledger. Each workbook replaces the last whole; a row
 * that is gone is kept, marked as no longer in the source. Every row is linked by matching (the ledger has no
 * 宛名番号) or waits in the confirmation queue.
 */
export class KonkyuIngest extends SourceIngest<void> {
  readonly linker: Linker;

  constructor(private readonly options: { dir: string; db: DataSource; weights?: Weights; ingest?: Partial<IngestConfig> }) {
    super(new IngestLedger(options.db, 'konkyu'), options.ingest);
    this.linker = new Linker(options.db, 'konkyu', options.weights);
  }

  protected async readOnce(): Promise<ReadOutcome<void>> {
    const files = (await this.drops.list(this.options.dir, KONKYU_FILES)).sort((a, b) => a.name.localeCompare(b.name));
    let degraded = false;
    for (const file of files) {
      this.checkNotAbandoned();
      const bytes = await this.bytesOf(file.name, file.path);
      if (bytes === null) {
        degraded = true;
        continue;
      }
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const seen = await this.drops.seen(file.name, sha256, KIND);
      if (seen === 'applied' || seen === 'open') continue;
      degraded = !(await this.apply(file.name, bytes, sha256)) || degraded;
    }
    return { result: undefined, state: degraded ? 'degraded' : 'ok' };
  }

  /** The workbook's bytes, read through a checked handle within the file bound; null (reported) when refused. */
  private async bytesOf(name: string, path: string): Promise<Buffer | null> {
    try {
      const handle = await openDropFile(path);
      try {
        return await readWithin(handle, BOUNDS.xlsxFileBytes, 'workbook');
      } finally {
        await handle.close();
      }
    } catch (error) {
      if (!(error instanceof DropUnreadable) && !(error instanceof PastBound)) throw error;
      await this.drops.reject(name, null, KIND, KIND, `${error.message}; the last ledger is kept`);
      return null;
    }
  }

  private async apply(name: string, bytes: Buffer, sha256: string): Promise<boolean> {
    // Inflated once as a stream and counted before exceljs inflates it whole: a bomb is refused at its bound.
    const refused = await zipPastBounds(bytes, ZIP_BOUNDS);
    if (refused) {
      await this.drops.reject(name, sha256, KIND, KIND, `${refused}; the last ledger is kept`);
      return false;
    }
    let ledger;
    try {
      ledger = await readLedger(bytes);
    } catch {
      ledger = { rows: [], rejected: [], problem: 'not a readable workbook' };
    }
    if (ledger.problem) {
      const problem = `${ledger.problem}; the last ledger is kept`;
      await this.ledger.recordRead({ name, sha256, state: 'failed', recordsRead: 0, recordsRejected: 0, problem, kind: KIND });
      this.problems.raise(KIND, `${name}: ${problem}`, 'failed');
      return false;
    }
    const counts = { read: ledger.rows.length + ledger.rejected.length, rejected: ledger.rejected.length };
    const held = await this.holds.reason({ name, kind: KIND, file: true }, counts, true);
    if (held) {
      await this.holds.hold(
        { name, sha256, recordsRead: counts.read, recordsRejected: counts.rejected, kind: KIND },
        `${held}${commonestReason(ledger.rejected)}`,
        KIND,
      );
      return false;
    }
    const left = await inTransaction(this.options.db, async (tx) => {
      const rejections = ledger.rejected.map((r) => ({ origin: name, position: r.row, reason: r.reason, field: r.field, raw: Buffer.from(r.raw) }));
      await this.ledger.recordRejections(rejections, tx);
      await this.ledger.resolveSuperseded('KONKYU_DAICHO_', rejections, tx);
      return applyLedger(tx, name, ledger.rows);
    });
    for (let i = 0; i < ledger.rows.length; i += 1000) {
      await this.linker.link(
        ledger.rows
          .slice(i, i + 1000)
          .map((r) => ({ sourceKey: r.sourceKey, name: r.name, nameKana: r.nameKana, birthDate: r.birthDate, sex: r.sex, address: r.address })),
      );
    }
    const read = ledger.rows.length + ledger.rejected.length;
    await this.ledger.recordRead({
      name,
      sha256,
      state: 'applied',
      recordsRead: read,
      recordsRejected: ledger.rejected.length,
      problem: left > 0 ? `${left} rows no longer in the ledger (kept)` : null,
      kind: KIND,
    });
    this.problems.clear(KIND);
    return true;
  }

  watch(): Promise<void> {
    return this.watchFolder(this.options.dir);
  }

  protected override relinkWaiting(): Promise<number> {
    return this.linker.relinkWaiting();
  }

  protected awaitingLink(): Promise<number> {
    return this.linker.awaitingLink();
  }
}
