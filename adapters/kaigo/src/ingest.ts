import type { DataSource } from 'typeorm';
import { IngestLedger, ReadTimedOut, SourceIngest, commonestReason, type IngestConfig, type ReadOutcome, type Rejection } from '@welfare-hub/ingest';
import { Linker, type Identity, type Weights } from '@welfare-hub/linkage';
import { inTransaction } from '@welfare-hub/store';
import { newestUpdate, readVendor, type VendorRow } from './read.js';
import { checkHihokensha, checkNintei, checkSodan, type Checked, type DateFault, type Hihokensha, type Nintei, type Sodan } from './records.js';
import { writeCopy } from './store.js';

/**
 * Keeps the hub's copy of the 介護保険 vendor database: a full read (which is also the periodic full
 * comparison the spec asks for, since a batch correction can leave an older UPD_DT) on start and every poll.
 * A bad code rejects its row; a bad date rejects only the date, reported. Insured persons and consultations
 * are linked to residents.
 */
export class KaigoIngest extends SourceIngest<void> {
  private readonly insured: Linker;
  private readonly consultations: Linker;
  private reads = 0;
  private watermark: string | null = null;

  constructor(
    private readonly options: {
      vendor: DataSource;
      db: DataSource;
      pollSeconds?: number;
      fullEvery?: number;
      weights?: Weights;
      ingest?: Partial<IngestConfig>;
    },
  ) {
    super(new IngestLedger(options.db, 'kaigo'), options.ingest);
    this.insured = new Linker(options.db, 'kaigo-hihokensha', options.weights);
    this.consultations = new Linker(options.db, 'kaigo-sodan', options.weights);
  }

  protected async readOnce(): Promise<ReadOutcome<void>> {
    // Incremental by UPD_DT between full reads: a batch correction can leave an older UPD_DT, which only the
    // periodic full comparison catches. An admin's acceptance of a held full read is the next full read applied as it comes.
    const accepted = await this.holds.accepted({ name: '', kind: 'full', file: false });
    const full = accepted || this.watermark === null || this.reads % (this.options.fullEvery ?? 6) === 0;
    const since = full ? undefined : dayBefore(this.watermark!);
    const name = `${full ? 'full' : 'incremental'} read ${++this.reads}`;
    try {
      const raw = await readVendor(this.options.vendor, since);
      // Abandoned past its deadline while the vendor's database kept it waiting: nothing of it is written.
      this.checkNotAbandoned();
      const rejections: Rejection[] = [];
      const faults: DateFault[] = [];
      const keep = <T>(table: string, rows: VendorRow[], check: (r: VendorRow) => Checked<T>, key: (r: VendorRow) => string): T[] =>
        rows.flatMap((row, i) => {
          const checked = check(row);
          if (checked.ok) {
            faults.push(...checked.faults);
            return [checked.value];
          }
          rejections.push({
            origin: `${table}:${key(row)}`,
            position: i + 1,
            reason: checked.reason,
            field: checked.field,
            raw: Buffer.from(JSON.stringify(row)),
          });
          return [];
        });
      const hihokensha = keep<Hihokensha>('T_HIHOKENSHA', raw.hihokensha, checkHihokensha, (r) => String(r['hihokensha_no']));
      const nintei = keep<Nintei>('T_NINTEI', raw.nintei, checkNintei, (r) => `${r['hihokensha_no']}/${r['rireki_no']}`);
      const sodan = keep<Sodan>('T_HOKATSU_SODAN', raw.sodan, checkSodan, (r) => String(r['sodan_id']));
      const read = raw.hihokensha.length + raw.nintei.length + raw.sodan.length;
      const rowsRejected = rejections.length;
      // A full read that would empty the hub's copy (a vendor's table truncated for maintenance) is held (hold.ts).
      const held = full ? await this.holds.reason({ name, kind: 'full', file: false }, { read, rejected: rowsRejected }, true) : null;
      if (held) {
        await this.holds.hold(
          { name, sha256: null, recordsRead: read, recordsRejected: rowsRejected, kind: 'full' },
          `${held}${commonestReason(rejections)}`,
          'full',
        );
        return { result: undefined, state: 'degraded' };
      }
      // A date the vendor cannot have meant: the row stays, without the date, and the fault is on record.
      for (const f of faults)
        rejections.push({
          origin: `${f.table}:${f.key}`,
          position: 0,
          reason: `${f.column}: impossible date; the row is kept without it`,
          field: f.column,
        });
      await inTransaction(this.options.db, async (tx) => {
        const kept = dedupe(rejections);
        await this.ledger.recordRejections(kept, tx);
        if (full) await this.ledger.resolveSuperseded('', kept, tx);
        await writeCopy(tx, full, hihokensha, nintei, sodan);
      });
      await this.link(hihokensha, sodan);
      this.watermark =
        [newestUpdate(raw.hihokensha), newestUpdate(raw.nintei), newestUpdate(raw.sodan), this.watermark]
          .filter((v): v is string => v !== null)
          .sort()
          .at(-1) ?? this.watermark;
      await this.ledger.recordRead({
        name,
        sha256: null,
        state: 'applied',
        recordsRead: read,
        recordsRejected: rejections.length,
        problem: faults.length > 0 ? `${faults.length} impossible dates kept as unknown` : null,
        kind: full ? 'full' : 'incremental',
      });
      if (full) this.problems.clear('full');
      return { result: undefined, state: 'ok' };
    } catch (error) {
      if (error instanceof ReadTimedOut) throw error;
      await this.ledger.recordRead({
        name,
        sha256: null,
        state: 'failed',
        recordsRead: 0,
        recordsRejected: 0,
        problem: 'the vendor database could not be read',
        kind: full ? 'full' : 'incremental',
      });
      return { result: undefined, state: 'failed' };
    }
  }

  private async link(hihokensha: readonly Hihokensha[], sodan: readonly Sodan[]): Promise<void> {
    const byNo = new Map(hihokensha.map((h) => [h.no, h]));
    // An incremental read can bring a consultation without its 被保険者: take that one from the hub's copy.
    const missing = [...new Set(sodan.map((s) => s.no).filter((no): no is string => no !== null && !byNo.has(no)))];
    if (missing.length > 0) {
      const rows: {
        no: string;
        atena_no: string | null;
        name: string;
        name_kana: string;
        birth_date: string | null;
        sex: 'MALE' | 'FEMALE';
        kbn: string;
      }[] = await this.options.db.query(
        `SELECT no, atena_no, name, name_kana, to_char(birth_date, 'YYYY-MM-DD') AS birth_date, sex, kbn FROM kaigo.hihokensha WHERE no = ANY($1::text[])`,
        [missing],
      );
      for (const r of rows) {
        byNo.set(r.no, {
          no: r.no,
          atenaNo: r.atena_no,
          name: r.name,
          nameKana: r.name_kana,
          birthDate: r.birth_date,
          sex: r.sex,
          kbn: r.kbn,
          acquiredOn: null,
          lostOn: null,
        });
      }
    }
    const insuredIdentity = (h: Hihokensha): Identity => ({
      sourceKey: h.no,
      atenaNo: h.atenaNo,
      name: h.name,
      nameKana: h.nameKana,
      birthDate: h.birthDate,
      sex: h.sex,
    });
    const sodanIdentity = (s: Sodan): Identity => {
      const h = s.no ? byNo.get(s.no) : undefined;
      return h
        ? { ...insuredIdentity(h), sourceKey: s.id, atenaNo: s.atenaNo ?? h.atenaNo }
        : { sourceKey: s.id, atenaNo: s.atenaNo, nameKana: s.kana };
    };
    for (let i = 0; i < hihokensha.length; i += 1000) await this.insured.link(hihokensha.slice(i, i + 1000).map(insuredIdentity));
    for (let i = 0; i < sodan.length; i += 1000) await this.consultations.link(sodan.slice(i, i + 1000).map(sodanIdentity));
  }

  /** Reads again every pollSeconds (default 600). */
  watch(): void {
    this.poll(this.options.pollSeconds ?? 600);
  }

  protected override async relinkWaiting(): Promise<number> {
    return (await this.insured.relinkWaiting()) + (await this.consultations.relinkWaiting());
  }

  protected async awaitingLink(): Promise<number> {
    return (await this.insured.awaitingLink()) + (await this.consultations.awaitingLink());
  }
}

/** One entry per origin and position, as the ledger keys them; a date fault is keyed by its column. */
function dedupe(rejections: Rejection[]): Rejection[] {
  return [...new Map(rejections.map((r) => [`${r.origin}|${r.position}|${r.field ?? ''}`, r])).values()].map((r) =>
    r.position === 0 ? { ...r, origin: `${r.origin}:${r.field}` } : r,
  );
}

function dayBefore(timestamp: string): string {
  const d = new Date(`${timestamp.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return `${d.toISOString().slice(0, 10)} 00:00:00`;
}
