import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { watch, type FSWatcher } from 'chokidar';
import { parseSeirekiCompact } from '@welfare-hub/codec';
import { IngestLedger } from '@welfare-hub/ingest';
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
export class KonkyuIngest {
  readonly ledger: IngestLedger;
  readonly linker: Linker;
  private running: Promise<void> = Promise.resolve();
  private state: 'not_read' | 'reading' | 'ok' | 'degraded' | 'failed' = 'not_read';
  private lastReadAt: Date | null = null;
  private watcher: FSWatcher | null = null;

  constructor(private readonly options: { dir: string; db: DataSource; weights?: Weights }) {
    this.ledger = new IngestLedger(options.db, 'konkyu');
    this.linker = new Linker(options.db, 'konkyu', options.weights);
  }

  scan(): Promise<void> {
    this.running = this.running.then(() => this.scanOnce(), () => this.scanOnce());
    return this.running;
  }

  private async scanOnce(): Promise<void> {
    if (this.state !== 'not_read') this.state = 'reading';
    try {
      const names = (await readdir(this.options.dir)).filter((n) => parseKonkyuFileName(n) !== null).sort();
      let degraded = false;
      for (const name of names) {
        const path = join(this.options.dir, name);
        const sha256 = createHash('sha256').update(await readFile(path)).digest('hex');
        if (await this.ledger.findRead(name, sha256)) continue;
        degraded = !(await this.apply(name, path, sha256)) || degraded;
      }
      this.state = degraded ? 'degraded' : 'ok';
    } catch (error) {
      this.state = 'failed';
      throw error;
    } finally {
      this.lastReadAt = new Date();
    }
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

  async watch(): Promise<void> {
    if (this.watcher) return;
    this.watcher = watch(this.options.dir, { ignoreInitial: true, depth: 0, awaitWriteFinish: { stabilityThreshold: 300, pollInterval: 100 } });
    const onFile = (): void => void this.scan().catch(() => undefined);
    this.watcher.on('add', onFile).on('change', onFile);
    await new Promise<void>((resolve) => this.watcher!.once('ready', () => resolve()));
  }

  async close(): Promise<void> {
    await this.watcher?.close();
    this.watcher = null;
    await this.running.catch(() => undefined);
  }

  async health(): Promise<{ state: string; lastReadAt: string | null; recordsRead: number; recordsRejected: number; awaitingLink: number }> {
    return {
      state: this.state,
      lastReadAt: this.lastReadAt?.toISOString() ?? null,
      recordsRead: await this.ledger.appliedRecords(),
      recordsRejected: await this.ledger.countUnresolved(),
      awaitingLink: await this.linker.awaitingLink(),
    };
  }
}
