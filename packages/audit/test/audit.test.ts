import { openTestStore, type Store } from '@welfare-hub/store';
import { AuditLog, auditMigrations, type AuditEntry } from '../src/index.js';

const entry = (personId: string, status: 'GRANTED' | 'DENIED' = 'GRANTED'): AuditEntry => ({
  at: new Date('2026-11-22T01:00:00Z'), requestId: 'r1', staffId: 's1', orgId: 'o1', personId, sector: 'KAIGO', status,
  basis: status === 'GRANTED' ? 'OWN_SECTOR' : null, reference: null, purpose: 'Person.kaigo',
});

describe('the audit log', () => {
  let store: Store;
  let log: AuditLog;
  beforeEach(async () => {
    store = await openTestStore({ migrations: auditMigrations });
    log = new AuditLog(store.dataSource);
  }, 60_000);
  afterEach(() => store.close());

  it('chains concurrent appends into one verifiable chain', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => log.append([entry(`p${i}`), entry(`p${i}`, 'DENIED')])));
    expect(await log.verify()).toMatchObject({ ok: true, entries: 40, firstBadEntry: null });
    expect((await log.forPerson('p3', null, null, 10, 0)).map((r) => r.status).sort()).toEqual(['DENIED', 'GRANTED']);
  });

  it('refuses updates and deletes', async () => {
    await log.append([entry('p1')]);
    await store.dataSource.query(`UPDATE audit.entry SET status = 'DENIED'`);
    await store.dataSource.query(`DELETE FROM audit.entry`);
    expect(await log.verify()).toMatchObject({ ok: true, entries: 1 });
  });

  it('names the first entry that was changed behind the rules\' back', async () => {
    await log.append([entry('p1'), entry('p2'), entry('p3')]);
    await store.dataSource.query(`ALTER TABLE audit.entry DISABLE RULE entry_no_update`);
    await store.dataSource.query(`UPDATE audit.entry SET staff_id = 'someone-else' WHERE id = 2`);
    expect(await log.verify()).toMatchObject({ ok: false, entries: 1, firstBadEntry: '2' });
  });

  it('notices a removed entry and a cut tail', async () => {
    await log.append([entry('p1'), entry('p2'), entry('p3'), entry('p4')]);
    await store.dataSource.query(`ALTER TABLE audit.entry DISABLE RULE entry_no_delete`);
    await store.dataSource.query(`DELETE FROM audit.entry WHERE id = 4`);
    expect(await log.verify()).toMatchObject({ ok: false, firstBadEntry: '4' });
    await store.dataSource.query(`DELETE FROM audit.entry WHERE id = 2`);
    expect(await log.verify()).toMatchObject({ ok: false, firstBadEntry: '3' });
  });
});
