import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { parseSeirekiCompact } from '@welfare-hub/codec';
import { IngestLedger, SourceIngest, type ReadOutcome } from '@welfare-hub/ingest';
import { Linker, type Weights } from '@welfare-hub/linkage';
import { inTransaction } from '@welfare-hub/store';
import { readLedger } from './ledger.js';
import { applyLedger } from './store.js';

export function parseKonkyuFileName(name: string): string | null {
  const m = /^KONKYU_DAICHO_(\d{8})\.xlsx$/.exec(name);
  return m ? parseSeirekiCompact(m[1]!) : null;
}

/**
 * Keeps the hub's copy of the 自立相談支援機関's weekly ledger. Each workbook replaces the last whole; a row
 * that is gone is kept, marked as no longer in the source. Every row is linked by matching (the ledger has no
 * 宛名番号) or waits in the confirmation queue.
 */
export class KonkyuIngest extends SourceIngest<void> {
  readonly linker: Linker;

  constructor(private readonly options: { dir: string; db: DataSource; weights?: Weights }) {
    super(new IngestLedger(options.db, 'konkyu'));
    this.linker = new Linker(options.db, 'konkyu', options.weights);
  }

  protected async readOnce(): Promise<ReadOutcome<void>> {
    const names = (await readdir(this.options.dir)).filter((n) => parseKonkyuFileName(n) !== null).sort();
    let degraded = false;
    for (const name of names) {
      const path = join(this.options.dir, name);
      const sha256 = createHash('sha256').update(await readFile(path)).digest('hex');
      if (await this.ledger.findRead(name, sha256)) continue;
      degraded = !(await this.apply(name, path, sha256)) || degraded;
    }
    return { result: undefined, state: degraded ? 'degraded' : 'ok' };
  }

  private async apply(name: string, path: string, sha256: string): Promise<boolean> {
    let ledger;
    try {
      ledger = await readLedger(path);
    } catch {
      ledger = { rows: [], rejected: [], problem: 'not a readable workbook (cut short?)' };
    }
    if (ledger.problem) {
      await this.ledger.recordRead({ name, sha256, state: 'failed', recordsRead: 0, recordsRejected: 0, problem: `${ledger.problem}; the last ledger is kept` });
      return false;
    }
    const left = await inTransaction(this.options.db, async (tx) => {
      const rejections = ledger.rejected.map((r) => ({ origin: name, position: r.row, reason: r.reason, field: r.field, raw: Buffer.from(r.raw) }));
      await this.ledger.recordRejections(rejections, tx);
      await this.ledger.resolveSuperseded('KONKYU_DAICHO_', rejections, tx);
      return applyLedger(tx, name, ledger.rows);
    });
    for (let i = 0; i < ledger.rows.length; i += 1000) {
      await this.linker.link(ledger.rows.slice(i, i + 1000).map((r) => ({ sourceKey: r.sourceKey, name: r.name, nameKana: r.nameKana, birthDate: r.birthDate, sex: r.sex, address: r.address })));
    }
    const read = ledger.rows.length + ledger.rejected.length;
    await this.ledger.recordRead({ name, sha256, state: 'applied', recordsRead: read, recordsRejected: ledger.rejected.length, problem: left > 0 ? `${left} rows no longer in the ledger (kept)` : null });
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
