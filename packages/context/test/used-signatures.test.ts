import fc from 'fast-check';
import { countStatements, createTestDatabase, openStore, type Store, type TestDatabase } from '@welfare-hub/store';
import {
  contextMigrations,
  ContextSigner,
  ContextVerifier,
  generateSigningKeys,
  operationHash,
  replayGuardFor,
  SharedReplayGuard,
  MemoryReplayGuard,
  type HubContext,
} from '../src/index.js';

// Two replicas of a subgraph: on a server (TEST_DATABASE_URL), two processes' pools over one database; on the
// embedded PGlite, which one process alone can open, two guards over its one connection.
let database: TestDatabase;
let first: Store;
let second: Store;

beforeAll(async () => {
  database = await createTestDatabase();
  first = await openStore({ databaseUrl: database.url, dataDir: 'memory://', migrations: contextMigrations });
  second = database.url ? await openStore({ databaseUrl: database.url, migrate: false }) : first;
});

afterAll(async () => {
  if (second !== first) await second.close();
  await first.close();
  await database.drop();
});

const inAMinute = (): number => Math.floor(Date.now() / 1000) + 60;
const context: HubContext = { viewer: { staffId: 'S001', orgId: 'ORG1', roles: [] }, meetingId: null, requestId: 'r-1' };

describe('used signatures shared by replicas', () => {
  it('accepts an id once, whichever replica is offered it first', async () => {
    const a = new SharedReplayGuard(first.dataSource);
    const b = new SharedReplayGuard(second.dataSource);
    await expect(a.firstUse('jti-1', inAMinute())).resolves.toBe(true);
    await expect(b.firstUse('jti-1', inAMinute())).resolves.toBe(false);
    await expect(a.firstUse('jti-1', inAMinute())).resolves.toBe(false);
    await expect(b.firstUse('jti-2', inAMinute())).resolves.toBe(true);
  });

  it('never accepts an id twice, however the offers to two replicas interleave', async () => {
    const a = new SharedReplayGuard(first.dataSource);
    const b = new SharedReplayGuard(second.dataSource);
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.integer({ min: 0, max: 7 }), fc.boolean()), { minLength: 1, maxLength: 40 }), async (offers) => {
        run += 1;
        // All offers at once: the replicas race as they would under load.
        const accepted = await Promise.all(offers.map(([id, toA]) => (toA ? a : b).firstUse(`p${run}-${id}`, inAMinute())));
        const acceptedIds = offers.filter((_, i) => accepted[i]).map(([id]) => id);
        expect(acceptedIds.sort()).toEqual([...new Set(offers.map(([id]) => id))].sort());
      }),
      { numRuns: 30 },
    );
  });

  it('claims what is offered at once in one statement, and the same id twice in it only once', async () => {
    const guard = new SharedReplayGuard(first.dataSource);
    await guard.firstUse('warm-up', inAMinute()); // its first use also sweeps
    await new Promise((r) => setTimeout(r, 50));
    const counter = countStatements();
    try {
      const offered = ['b1', 'b2', 'b3', 'b1', 'b4', 'b2', 'b5', 'b6', 'b7', 'b8'];
      const accepted = await Promise.all(offered.map((jti) => guard.firstUse(jti, inAMinute())));
      expect(accepted).toEqual([true, true, true, false, true, false, true, true, true, true]);
      expect(counter.count()).toBe(1);
    } finally {
      counter.stop();
    }
  });

  it('forgets an id only well after its signature expired', async () => {
    const guard = new SharedReplayGuard(first.dataSource);
    const now = Math.floor(Date.now() / 1000);
    await guard.firstUse('long-expired', now - 120);
    await guard.firstUse('just-expired', now - 5);
    await guard.firstUse('live', now + 30);
    await guard.sweep();
    const rows: { jti: string }[] = await first.dataSource.query(
      `SELECT jti FROM context.used_signature WHERE jti IN ('long-expired', 'just-expired', 'live') ORDER BY jti`,
    );
    expect(rows.map((r) => r.jti)).toEqual(['just-expired', 'live']);
    // A replica whose clock runs behind still refuses the one just expired.
    await expect(guard.firstUse('just-expired', now - 5)).resolves.toBe(false);
  });

  it('a signature used by one replica is refused by another', async () => {
    const keys = await generateSigningKeys();
    const op = operationHash('{ x }', {});
    const replicaA = new ContextVerifier(keys.publicKey, 'shogai', new SharedReplayGuard(first.dataSource));
    const replicaB = new ContextVerifier(keys.publicKey, 'shogai', new SharedReplayGuard(second.dataSource));
    const token = await new ContextSigner(keys.privateKey).sign('shogai', context, op);
    await expect(replicaA.verify(token, op)).resolves.toEqual({ ...context, caseId: null });
    await expect(replicaB.verify(token, op)).rejects.toThrow('replayed');
  });

  it('follows the store: the table on a server, memory on the embedded PGlite', () => {
    const guard = replayGuardFor(first);
    expect(guard).toBeInstanceOf(first.kind === 'server' ? SharedReplayGuard : MemoryReplayGuard);
  });
});
