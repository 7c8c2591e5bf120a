import type { DataSource } from 'typeorm';
import {
  BOUNDS,
  IngestLedger,
  ReadTimedOut,
  SourceIngest,
  commonestReason,
  pastBound,
  type IngestConfig,
  type ReadOutcome,
  type Rejection,
} from '@welfare-hub/ingest';
import { Linker, type Identity, type Weights } from '@welfare-hub/linkage';
import { inTransaction } from '@welfare-hub/store';
import { KodomoClient, KodomoPastBound, KodomoUnauthorized, KodomoUnavailable, type ClientOptions } from './client.js';
import { checkCase, checkChild, type Case, type Child } from './records.js';
import { applyRead, storedChildren } from './store.js';

/**
 * Reads the こども家庭センター system through its API and keeps the hub's copy: a full read on start and
 * every poll, records no longer listed kept as removed, unknown categories kept and reported, every case
 * linked to a resident through its subject.
 */
export class KodomoIngest extends SourceIngest<void> {
  readonly client: KodomoClient;
  private readonly children: Linker;
  private readonly cases: Linker;
  private reads = 0;
  private watermark: string | null = null;

  constructor(
    private readonly options: {
      db: DataSource;
      client: ClientOptions;
      pollSeconds?: number;
      fullEvery?: number;
      weights?: Weights;
      ingest?: Partial<IngestConfig>;
    },
  ) {
    super(new IngestLedger(options.db, 'kodomo'), options.ingest);
    this.client = new KodomoClient(options.client);
    this.children = new Linker(options.db, 'kodomo-child', options.weights);
    this.cases = new Linker(options.db, 'kodomo-case', options.weights);
  }

  protected async readOnce(): Promise<ReadOutcome<void>> {
    // updatedSince between full reads; only a full read can tell a record was removed. An admin's acceptance of a
    // held full read is the next full read applied as it comes.
    const accepted = await this.holds.accepted({ name: '', kind: 'full', file: false });
    const full = accepted || this.watermark === null || this.reads % (this.options.fullEvery ?? 12) === 0;
    const since = full ? undefined : this.watermark!;
    const name = `${full ? 'full' : 'incremental'} read ${++this.reads}`;
    try {
      const [rawChildren, rawCases] = await Promise.all([
        this.client.all<Record<string, unknown>>('/v1/children', since),
        this.client.all<Record<string, unknown>>('/v1/cases', since),
      ]);
      // Abandoned past its deadline while the system kept it waiting: nothing of it is written.
      this.checkNotAbandoned();
      const rejections: Rejection[] = [];
      const children: Child[] = [];
      const cases: Case[] = [];
      rawChildren.forEach((raw, i) => {
        const past = itemPastBound(raw);
        if (past)
          return void rejections.push({
            origin: `children:${keyOf(raw, 'childId')}`,
            position: i + 1,
            reason: past,
            field: 'record',
            raw: head(raw),
          });
        const checked = checkChild(raw);
        if (checked.ok) children.push(checked.value);
        else
          rejections.push({
            origin: `children:${keyOf(raw, 'childId')}`,
            position: i + 1,
            reason: checked.reason,
            field: checked.field,
            raw: Buffer.from(JSON.stringify(raw)),
          });
      });
      rawCases.forEach((raw, i) => {
        const past = itemPastBound(raw);
        if (past)
          return void rejections.push({ origin: `cases:${keyOf(raw, 'caseId')}`, position: i + 1, reason: past, field: 'record', raw: head(raw) });
        const checked = checkCase(raw);
        if (checked.ok) cases.push(checked.value);
        else
          rejections.push({
            origin: `cases:${keyOf(raw, 'caseId')}`,
            position: i + 1,
            reason: checked.reason,
            field: checked.field,
            raw: Buffer.from(JSON.stringify(raw)),
          });
      });
      const recordsRead = rawChildren.length + rawCases.length;
      // A full read that would mark most of the system's records removed is held, not applied (hold.ts).
      const held = full
        ? await this.holds.reason({ name, kind: 'full', file: false }, { read: recordsRead, rejected: rejections.length }, true)
        : null;
      if (held) {
        await this.holds.hold(
          { name, sha256: null, recordsRead, recordsRejected: rejections.length, kind: 'full' },
          `${held}${commonestReason(rejections)}`,
          'full',
        );
        return { result: undefined, state: 'degraded' };
      }
      const removed = await inTransaction(this.options.db, async (tx) => {
        await this.ledger.recordRejections(rejections, tx);
        if (full) await this.ledger.resolveSuperseded('', rejections, tx);
        return applyRead(tx, full, children, cases);
      });
      await this.link(children, cases);
      for (const record of [...rawChildren, ...rawCases]) {
        const at = isObject(record) ? record['updatedAt'] : undefined;
        if (typeof at === 'string' && !Number.isNaN(Date.parse(at)) && (this.watermark === null || Date.parse(at) > Date.parse(this.watermark)))
          this.watermark = at;
      }
      const unknown = cases.filter((c) => !c.categoryKnown).length;
      const unsaid = cases.filter((c) => c.youtaikyoRegistered === null).length;
      const notes = [
        removed > 0 ? `${removed} records no longer listed (kept as removed)` : '',
        unknown > 0 ? `${unknown} cases with a category the spec does not list (kept)` : '',
        unsaid > 0 ? `${unsaid} cases without youtaikyoRegistered (kept, withheld as if registered with the 要対協)` : '',
      ].filter(Boolean);
      await this.ledger.recordRead({
        name,
        sha256: null,
        state: 'applied',
        recordsRead,
        recordsRejected: rejections.length,
        problem: notes.join('; ') || null,
        kind: full ? 'full' : 'incremental',
      });
      if (full) this.problems.clear('full');
      return { result: undefined, state: 'ok' };
    } catch (error) {
      if (error instanceof ReadTimedOut) throw error;
      const known = error instanceof KodomoUnavailable || error instanceof KodomoUnauthorized || error instanceof KodomoPastBound;
      await this.ledger.recordRead({
        name,
        sha256: null,
        state: 'failed',
        recordsRead: 0,
        recordsRejected: 0,
        problem: known ? error.message : 'the read failed',
        kind: full ? 'full' : 'incremental',
      });
      return { result: undefined, state: 'failed' };
    }
  }

  private async link(children: readonly Child[], cases: readonly Case[]): Promise<void> {
    const byId = new Map(children.map((c) => [c.childId, c]));
    const missing = [...new Set(cases.map((c) => c.childId).filter((id): id is string => id !== null && !byId.has(id)))];
    if (missing.length > 0) for (const child of await storedChildren(this.options.db, missing)) byId.set(child.childId, child);
    const childIdentity = (c: Child): Identity => ({
      sourceKey: c.childId,
      atenaNo: c.atenaNo,
      name: c.name,
      nameKana: c.nameKana,
      birthDate: c.birthDate,
      sex: c.sex,
    });
    const caseIdentity = (c: Case): Identity => {
      const child = c.childId ? byId.get(c.childId) : undefined;
      return child
        ? { ...childIdentity(child), sourceKey: c.caseId, atenaNo: c.atenaNo ?? child.atenaNo }
        : { sourceKey: c.caseId, atenaNo: c.atenaNo, name: c.name, nameKana: c.nameKana, birthDate: c.birthDate };
    };
    for (let i = 0; i < children.length; i += 1000) await this.children.link(children.slice(i, i + 1000).map(childIdentity));
    for (let i = 0; i < cases.length; i += 1000) await this.cases.link(cases.slice(i, i + 1000).map(caseIdentity));
  }

  /** Reads again every pollSeconds (default 300). */
  watch(): void {
    this.poll(this.options.pollSeconds ?? 300);
  }

  protected override async relinkWaiting(): Promise<number> {
    return (await this.children.relinkWaiting()) + (await this.cases.relinkWaiting());
  }

  protected async awaitingLink(): Promise<number> {
    return (await this.children.awaitingLink()) + (await this.cases.awaitingLink());
  }
}

/** An item past its bound in bytes, serialised as the API sent it: rejected whole, its head kept as evidence. */
function itemPastBound(raw: unknown): string | null {
  const size = Buffer.byteLength(JSON.stringify(raw) ?? '', 'utf8');
  return size > BOUNDS.apiItemBytes ? pastBound('record', size, BOUNDS.apiItemBytes, 'bytes') : null;
}

const head = (raw: unknown): Buffer => Buffer.from((JSON.stringify(raw) ?? '').slice(0, 4096));

const isObject = (raw: unknown): raw is Record<string, unknown> => typeof raw === 'object' && raw !== null && !Array.isArray(raw);

/** The record's own key for the rejection's origin, whatever the API sent in its place (null, an array, an object). */
function keyOf(raw: unknown, field: string): string {
  const key = isObject(raw) ? raw[field] : undefined;
  return typeof key === 'string' || typeof key === 'number' ? String(key) : '?';
}
