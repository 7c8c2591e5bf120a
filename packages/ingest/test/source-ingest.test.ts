import { openTestStore, type Store } from '@welfare-hub/store';
import { Holds, IngestLedger, ingestMigrations, OpenProblems, SourceIngest, type ReadOutcome } from '../src/index.js';

/** A source whose next read takes in the given number of records (0: nothing new), fails, throws, hangs, or cuts short. */
class ScriptedSource extends SourceIngest<void> {
  next: number | 'fail' | 'throw' | 'hang' | 'truncated' | 'fixed' = 0;
  protected async readOnce(): Promise<ReadOutcome<void>> {
    if (this.next === 'hang') return new Promise(() => undefined);
    if (this.next === 'throw') throw new RangeError('a bug');
    if (this.next === 'truncated') {
      // As a folder source does: the problem stays open under its slot until a later file of the kind applies.
      this.problems.raise('KIND', 'f2: file cut short', 'truncated');
      await this.ledger.recordRead({ name: 'f2', sha256: 'x', state: 'truncated', recordsRead: 0, recordsRejected: 0, problem: 'file cut short' });
      return { result: undefined, state: 'degraded' };
    }
    if (this.next === 'fixed') this.problems.clear('KIND');
    if (this.next === 'fail') {
      await this.ledger.recordRead({ name: 'r', sha256: null, state: 'failed', recordsRead: 0, recordsRejected: 0, problem: 'down' });
      return { result: undefined, state: 'failed' };
    }
    const n = typeof this.next === 'number' ? this.next : 1;
    this.next = 0;
    await this.ledger.recordRead({ name: 'r', sha256: null, state: 'applied', recordsRead: n, recordsRejected: 0, problem: null });
    return { result: undefined, state: 'ok' };
  }
  protected async awaitingLink(): Promise<number> {
    return 0;
  }
}

describe('a source read and what is derived from it', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore({ migrations: ingestMigrations });
  }, 60_000);
  afterAll(() => store.close());

  it('tells its listeners only about reads that took records in', async () => {
    const source = new ScriptedSource(new IngestLedger(store.dataSource, 'kodomo'));
    let heard = 0;
    source.onRead(() => heard++);
    source.next = 3;
    await source.scan();
    expect(heard).toBe(1);
    source.next = 0;
    await source.scan();
    expect(heard).toBe(1);
    source.next = 'fail';
    await source.scan();
    expect(heard).toBe(1);
    source.next = 1;
    await source.scan();
    expect(heard).toBe(2);
  });

  it('stays degraded, and keeps its last successful read, while a cut-short file is still unapplied (issues 12 and 14)', async () => {
    const source = new ScriptedSource(new IngestLedger(store.dataSource, 'shogai'));
    source.next = 3;
    await source.scan();
    const good = (await source.health()).lastSuccessfulReadAt;
    expect((await source.health()).state).toBe('ok');
    await new Promise((r) => setTimeout(r, 5));
    source.next = 'truncated';
    await source.scan();
    expect(await source.health()).toMatchObject({ state: 'degraded', lastSuccessfulReadAt: good, problems: ['KIND: f2: file cut short'] });
    // A folder event with nothing new: still degraded, still the same last success.
    source.next = 0;
    await source.scan();
    expect(await source.health()).toMatchObject({ state: 'degraded', lastSuccessfulReadAt: good });
    source.next = 'fixed';
    await source.scan();
    expect((await source.health()).state).toBe('ok');
    expect((await source.health()).lastSuccessfulReadAt! > good!).toBe(true);
  });

  it('abandons a read that hangs past its deadline, reports it, and reads again after it', async () => {
    const source = new ScriptedSource(new IngestLedger(store.dataSource, 'konkyu'), { readTimeoutMs: 150 });
    source.next = 2;
    await source.scan();
    source.next = 'hang';
    await expect(source.scan()).rejects.toThrow('the read did not end within 150 ms and was abandoned');
    expect(await source.health()).toMatchObject({ state: 'degraded' });
    expect((await source.ledger.reads(1))[0]).toMatchObject({ state: 'timed_out', name: 'read timed out' });
    source.next = 1;
    await source.scan();
    expect((await source.health()).state).toBe('ok');
  });

  it('is degraded, not failed, when a read throws after a good one: one bad drop never makes the hub not ready', async () => {
    const source = new ScriptedSource(new IngestLedger(store.dataSource, 'juki'));
    source.next = 'throw';
    await expect(source.scan()).rejects.toThrow(RangeError);
    expect((await source.health()).state).toBe('failed');
    source.next = 1;
    await source.scan();
    source.next = 'throw';
    await expect(source.scan()).rejects.toThrow(RangeError);
    expect((await source.health()).state).toBe('degraded');
    expect((await source.ledger.reads(1))[0]).toMatchObject({ state: 'failed', problem: 'the read failed (RangeError)' });
  });

  it('finds an acceptance recorded by another process by polling the ledger, only while it holds a read', async () => {
    const ledger = new IngestLedger(store.dataSource, 'kaigo');
    const problems = new OpenProblems();
    const holds = new Holds(ledger, problems, { minShareOfLast: 0.5, maxRejectedShare: 0.2 });
    let heard = 0;
    holds.watch(() => heard++, 50);
    try {
      await holds.hold({ name: 'full read 9', sha256: null, recordsRead: 0, recordsRejected: 0, kind: 'full' }, 'held: test', 'full');
      // As the hub subgraph's process does: the row marked, no event in this process.
      await store.dataSource.query(
        `UPDATE ingest.source_read SET accepted_at = now(), accepted_by = 'admin-01' WHERE source = 'kaigo' AND state = 'held'`,
      );
      for (let i = 0; i < 50 && heard === 0; i++) await new Promise((r) => setTimeout(r, 50));
      expect(heard).toBe(1);
      expect(await holds.accepted({ name: '', kind: 'full', file: false })).toBe(true);
      // The same acceptance does not start a read at every poll.
      await new Promise((r) => setTimeout(r, 300));
      expect(heard).toBe(1);
    } finally {
      holds.stop();
    }
  });
});
