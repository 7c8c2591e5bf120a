import type { FileHandle } from 'node:fs/promises';
import type { DataSource } from 'typeorm';
import {
  BOUNDS,
  DropUnreadable,
  IngestLedger,
  SourceIngest,
  commonestReason,
  openDropFile,
  sha256Of,
  type IngestConfig,
  type ReadOutcome,
  type Rejection,
} from '@welfare-hub/ingest';
import { Linker, type Identity, type Weights } from '@welfare-hub/linkage';
import { inTransaction } from '@welfare-hub/store';
import {
  JUKYUSHA_HEADER,
  SHOGAI_FILES,
  SODAN_HEADER,
  TECHO_HEADER,
  parseJukyusha,
  parseSodan,
  parseTecho,
  readCsvFile,
  type Jukyusha,
  type Parsed,
  type ShogaiKind,
  type Sodan,
  type Techo,
} from '../parse/index.js';
import { replaceSnapshot } from '../store/index.js';

type Row = Techo | Jukyusha | Sodan;

const KINDS: Record<ShogaiKind, { header: readonly string[]; parse: (f: string[]) => Parsed<Row>; source: string }> = {
  TECHO: { header: TECHO_HEADER, parse: parseTecho, source: 'shogai-techo' },
  JUKYUSHA: { header: JUKYUSHA_HEADER, parse: parseJukyusha, source: 'shogai-jukyusha' },
  SODAN: { header: SODAN_HEADER, parse: parseSodan, source: 'shogai-sodan' },
};

export interface ShogaiOutcome {
  name: string;
  state: 'applied' | 'truncated' | 'held' | 'rejected';
  recordsRead: number;
  recordsRejected: number;
  problem: string | null;
}

function identity(row: Row): Identity {
  return {
    sourceKey: row.sourceKey,
    atenaNo: row.atenaNo,
    nameKana: row.nameKana,
    birthDate: row.birthDate,
    ...('name' in row ? { name: row.name } : {}),
  };
}

/**
 * Keeps the hub's copy of the 障害者福祉システム's nightly exports: each export replaces the previous
 * snapshot of its kind when it arrived whole; one cut short is reported and the previous snapshot kept, and so is one
 * that would shrink the snapshot to nothing (held until a corrected file or an admin's acceptance). Only regular
 * files are read, each record within its bound. Every record is linked to a resident or waits in the confirmation queue.
 */
export class ShogaiIngest extends SourceIngest<ShogaiOutcome[]> {
  private readonly linkers: Record<ShogaiKind, Linker>;

  constructor(private readonly options: { dir: string; db: DataSource; weights?: Weights; ingest?: Partial<IngestConfig> }) {
    super(new IngestLedger(options.db, 'shogai'), options.ingest);
    this.linkers = {
      TECHO: new Linker(options.db, KINDS.TECHO.source, options.weights),
      JUKYUSHA: new Linker(options.db, KINDS.JUKYUSHA.source, options.weights),
      SODAN: new Linker(options.db, KINDS.SODAN.source, options.weights),
    };
  }

  protected async readOnce(): Promise<ReadOutcome<ShogaiOutcome[]>> {
    const outcomes: ShogaiOutcome[] = [];
    const files = (await this.drops.list(this.options.dir, SHOGAI_FILES)).sort((a, b) =>
      a.parsed.date < b.parsed.date ? -1 : a.parsed.date > b.parsed.date ? 1 : a.name.localeCompare(b.name),
    );
    for (const file of files) {
      this.checkNotAbandoned();
      // The snapshot's kind: a later applied file of the kind clears what an earlier one left wrong.
      const slot = `SHOGAI_${file.parsed.kind}`;
      let handle: FileHandle;
      try {
        handle = await openDropFile(file.path);
      } catch (error) {
        if (!(error instanceof DropUnreadable)) throw error;
        await this.drops.reject(file.name, null, slot, slot, error.message);
        outcomes.push({ name: file.name, state: 'rejected', recordsRead: 0, recordsRejected: 0, problem: error.message });
        continue;
      }
      try {
        const sha = await sha256Of(handle);
        const seen = await this.drops.seen(file.name, sha, slot);
        if (seen === 'applied' || seen === 'open') continue;
        outcomes.push(await this.apply(file.name, file.parsed.kind, handle, sha, slot));
      } finally {
        await handle.close();
      }
    }
    return { result: outcomes, state: outcomes.some((o) => o.state !== 'applied') ? 'degraded' : 'ok' };
  }

  private async apply(name: string, kind: ShogaiKind, handle: FileHandle, sha256: string, slot: string): Promise<ShogaiOutcome> {
    const spec = KINDS[kind];
    const file = await readCsvFile(handle, spec.header, BOUNDS.csvRecordBytes[kind]);
    if (!file.complete) {
      const problem = `file cut short: ${file.problem ?? ''}; the previous snapshot is kept`;
      await this.ledger.recordRead({ name, sha256, state: 'truncated', recordsRead: 0, recordsRejected: 0, problem, kind: slot });
      this.problems.raise(slot, `${name}: ${problem}`, 'truncated');
      return { name, state: 'truncated', recordsRead: 0, recordsRejected: 0, problem };
    }
    const rows: Row[] = [];
    const rejections: Rejection[] = file.rejected.map((r) => ({
      origin: name,
      position: r.recordNo,
      reason: `line ${r.line}: ${r.reason}`,
      raw: Buffer.from(r.raw),
    }));
    for (const row of file.rows) {
      const parsed = spec.parse(row.fields);
      if (parsed.ok) rows.push(parsed.value);
      else
        rejections.push({
          origin: name,
          position: row.recordNo,
          reason: `line ${row.line}: ${parsed.reason}`,
          field: parsed.field,
          raw: Buffer.from(row.fields.join(',')),
        });
    }
    const read = file.rows.length + file.rejected.length;
    const held = await this.holds.reason({ name, kind: slot, file: true }, { read, rejected: rejections.length }, true);
    if (held) {
      const reason = `${held}${commonestReason(rejections)}`;
      await this.holds.hold({ name, sha256, recordsRead: read, recordsRejected: rejections.length, kind: slot }, reason, slot);
      return { name, state: 'held', recordsRead: read, recordsRejected: rejections.length, problem: reason };
    }
    const gone = await inTransaction(this.options.db, async (tx) => {
      const left = await replaceSnapshot(tx, kind, name, rows);
      await this.ledger.recordRejections(rejections, tx);
      await this.ledger.resolveSuperseded(`SHOGAI_${kind}_`, rejections, tx);
      return left;
    });
    await this.linkers[kind].forget(gone);
    for (let i = 0; i < rows.length; i += 1000) await this.linkers[kind].link(rows.slice(i, i + 1000).map(identity));
    await this.ledger.recordRead({
      name,
      sha256,
      state: 'applied',
      recordsRead: read,
      recordsRejected: rejections.length,
      problem: null,
      kind: slot,
    });
    this.problems.clear(slot);
    return { name, state: 'applied', recordsRead: read, recordsRejected: rejections.length, problem: null };
  }

  watch(): Promise<void> {
    return this.watchFolder(this.options.dir);
  }

  protected override async relinkWaiting(): Promise<number> {
    let linked = 0;
    for (const linker of Object.values(this.linkers)) linked += await linker.relinkWaiting();
    return linked;
  }

  protected async awaitingLink(): Promise<number> {
    let waiting = 0;
    for (const linker of Object.values(this.linkers)) waiting += await linker.awaitingLink();
    return waiting;
  }
}
