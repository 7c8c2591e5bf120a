import { openTestStore, type Store } from '@welfare-hub/store';
import { IngestLedger, ingestMigrations, SourceIngest, type ReadOutcome } from '../src/index.js';

/** A source whose next read takes in the given number of records (0: nothing new), or fails. */
class ScriptedSource extends SourceIngest<void> {
  next: number | 'fail' = 0;
  protected async readOnce(): Promise<ReadOutcome<void>> {
    if (this.next === 'fail') {
      await this.ledger.recordRead({ name: 'r', sha256: null, state: 'failed', recordsRead: 0, recordsRejected: 0, problem: 'down' });
      return { result: undefined, state: 'failed' };
    }
    await this.ledger.recordRead({ name: 'r', sha256: null, state: 'applied', recordsRead: this.next, recordsRejected: 0, problem: null });
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
});
