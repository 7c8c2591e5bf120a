import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { IngestLedger, SourceIngest, type ReadOutcome, type Rejection } from '@welfare-hub/ingest';
import { Linker, type Identity, type Weights } from '@welfare-hub/linkage';
import { inTransaction } from '@welfare-hub/store';
import {
  JUKYUSHA_HEADER, SODAN_HEADER, TECHO_HEADER, parseJukyusha, parseShogaiFileName, parseSodan, parseTecho, readCsvFile,
  type Jukyusha, type Parsed, type ShogaiKind, type Sodan, type Techo,
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
  state: 'applied' | 'truncated';
  recordsRead: number;
  recordsRejected: number;
  problem: string | null;
}

function identity(row: Row): Identity {
  return { sourceKey: row.sourceKey, atenaNo: row.atenaNo, nameKana: row.nameKana, birthDate: row.birthDate, ...('name' in row ? { name: row.name } : {}) };
}

/**
 * Keeps the hub's copy of the 障害者福祉システム's nightly exports: each export replaces the previous
 * snapshot of its kind when it arrived whole; one cut short is reported and the previous snapshot kept.
 * Every record is linked to a resident or waits in the confirmation queue.
 */
export class ShogaiIngest extends SourceIngest<ShogaiOutcome[]> {
  private readonly linkers: Record<ShogaiKind, Linker>;

  constructor(private readonly options: { dir: string; db: DataSource; weights?: Weights }) {
    super(new IngestLedger(options.db, 'shogai'));
    this.linkers = {
      TECHO: new Linker(options.db, KINDS.TECHO.source, options.weights),
      JUKYUSHA: new Linker(options.db, KINDS.JUKYUSHA.source, options.weights),
      SODAN: new Linker(options.db, KINDS.SODAN.source, options.weights),
    };
  }

  protected async readOnce(): Promise<ReadOutcome<ShogaiOutcome[]>> {
    const outcomes: ShogaiOutcome[] = [];
    const files = (await readdir(this.options.dir))
      .map((name) => ({ name, parsed: parseShogaiFileName(name) }))
      .filter((f): f is { name: string; parsed: { kind: ShogaiKind; date: string } } => f.parsed !== null)
      .sort((a, b) => (a.parsed.date < b.parsed.date ? -1 : a.parsed.date > b.parsed.date ? 1 : a.name.localeCompare(b.name)));
    for (const file of files) {
      const path = join(this.options.dir, file.name);
      const sha = createHash('sha256').update(await readFile(path)).digest('hex');
      if (await this.ledger.findRead(file.name, sha)) continue;
      outcomes.push(await this.apply(file.name, file.parsed.kind, path, sha));
    }
    return { result: outcomes, state: outcomes.some((o) => o.state === 'truncated') ? 'degraded' : 'ok' };
  }

  private async apply(name: string, kind: ShogaiKind, path: string, sha256: string): Promise<ShogaiOutcome> {
    const spec = KINDS[kind];
    const file = await readCsvFile(path, spec.header);
    if (!file.complete) {
      const problem = `file cut short: ${file.problem ?? ''}; the previous snapshot is kept`;
      await this.ledger.recordRead({ name, sha256, state: 'truncated', recordsRead: 0, recordsRejected: 0, problem });
      return { name, state: 'truncated', recordsRead: 0, recordsRejected: 0, problem };
    }
    const rows: Row[] = [];
    const rejections: Rejection[] = file.rejected.map((r) => ({ origin: name, position: r.recordNo, reason: `line ${r.line}: ${r.reason}`, raw: Buffer.from(r.raw) }));
    for (const row of file.rows) {
      const parsed = spec.parse(row.fields);
      if (parsed.ok) rows.push(parsed.value);
      else rejections.push({ origin: name, position: row.recordNo, reason: `line ${row.line}: ${parsed.reason}`, field: parsed.field, raw: Buffer.from(row.fields.join(',')) });
    }
    const gone = await inTransaction(this.options.db, async (tx) => {
      const left = await replaceSnapshot(tx, kind, name, rows);
      await this.ledger.recordRejections(rejections, tx);
      await this.ledger.resolveSuperseded(`SHOGAI_${kind}_`, rejections, tx);
      return left;
    });
    await this.linkers[kind].forget(gone);
    for (let i = 0; i < rows.length; i += 1000) await this.linkers[kind].link(rows.slice(i, i + 1000).map(identity));
    const read = file.rows.length + file.rejected.length;
    await this.ledger.recordRead({ name, sha256, state: 'applied', recordsRead: read, recordsRejected: rejections.length, problem: null });
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
