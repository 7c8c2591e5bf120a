import { openTestStore, inTransaction, type Store } from '../src/index.js';

describe('store transactions', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore({});
    await store.dataSource.query('CREATE TABLE ledger (id int PRIMARY KEY, note text NOT NULL)');
  }, 60_000);
  afterAll(() => store.close());

  it("keeps one caller from seeing or undoing another caller's transaction", async () => {
    const seenDuringRollback: number[][] = [];
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));

    const failing = inTransaction(store.dataSource, async (tx) => {
      await tx.query(`INSERT INTO ledger VALUES (1, 'uncommitted')`);
      await held; // the other callers run while this transaction is open
      throw new Error('abandon');
    }).catch((e: Error) => e.message);

    const committing = inTransaction(store.dataSource, async (tx) => {
      await tx.query(`INSERT INTO ledger VALUES (2, 'committed')`);
    });
    const reading = store.dataSource
      .query('SELECT id FROM ledger ORDER BY id')
      .then((rows: { id: number }[]) => seenDuringRollback.push(rows.map((r) => r.id)));

    setTimeout(release, 50);
    expect(await failing).toBe('abandon');
    await committing;
    await reading;

    const rows: { id: number }[] = await store.dataSource.query('SELECT id FROM ledger ORDER BY id');
    expect(rows.map((r) => r.id)).toEqual([2]);
    // The reader never saw the row that was rolled back.
    expect(seenDuringRollback.flat()).not.toContain(1);
  });

  it('keeps many concurrent committed writes', async () => {
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        inTransaction(store.dataSource, async (tx) => {
          await tx.query('INSERT INTO ledger VALUES ($1, $2)', [100 + i, 'bulk']);
          if (i % 3 === 0) throw new Error('rolled back on purpose');
        }).catch(() => undefined),
      ),
    );
    const [{ n }] = await store.dataSource.query(`SELECT count(*)::int AS n FROM ledger WHERE note = 'bulk'`);
    expect(n).toBe(40 - Math.ceil(40 / 3));
  }, 30_000); // 40 transactions on PGlite's one connection: seconds on a loaded 2-core machine
});
