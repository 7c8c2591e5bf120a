import { openTestStore, type Store } from '@welfare-hub/store';
import { AuditLog, AuditRecords, auditMigrations, type AuditEntry } from '../src/index.js';

const entry = (personId: string, status: 'GRANTED' | 'DENIED' = 'GRANTED'): AuditEntry => ({
  at: new Date('2026-11-22T01:00:00Z'),
  requestId: 'r1',
  staffId: 's1',
  orgId: 'o1',
  personId,
  sector: 'KAIGO',
  status,
  basis: status === 'GRANTED' ? 'OWN_SECTOR' : null,
  reference: null,
  purpose: 'Person.kaigo',
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
    expect(
      (await new AuditRecords(store.dataSource, log).accessLog('p3', { from: null, to: null }, { limit: 10, offset: 0 })).map((r) => r.status).sort(),
    ).toEqual(['DENIED', 'GRANTED']);
  });

  it('keeps one chain when several processes append, each with its own idea of the head', async () => {
    const others = [new AuditLog(store.dataSource), new AuditLog(store.dataSource)];
    const writers = [log, ...others];
    await Promise.all(Array.from({ length: 30 }, (_, i) => writers[i % 3]!.append([entry(`p${i}`), entry(`p${i}`, 'DENIED')])));
    expect(await log.verify()).toMatchObject({ ok: true, entries: 60, firstBadEntry: null });
  });

  it('fails the appends whose write failed, and chains the next ones onto the head that stands', async () => {
    await log.append([entry('p1')]);
    await store.dataSource.query(`ALTER TABLE audit.entry RENAME TO entry_gone`);
    const failed = await Promise.allSettled(Array.from({ length: 6 }, (_, i) => log.append([entry(`q${i}`)])));
    await store.dataSource.query(`ALTER TABLE audit.entry_gone RENAME TO entry`);
    expect(failed.every((r) => r.status === 'rejected')).toBe(true);
    await Promise.all(Array.from({ length: 6 }, (_, i) => log.append([entry(`r${i}`), entry(`r${i}`, 'DENIED')])));
    expect(await log.verify()).toMatchObject({ ok: true, entries: 13, firstBadEntry: null });
  });

  it('hashes in SQL exactly as entryHash does in JS, whatever the strings hold', async () => {
    const awkward = ['"quoted" \\ back', 'line\nbreak\ttab\r', '\u0001\u001f\u007f', '支援会議 ヤングケアラー', '😀 \u2028 \u2029 /slash', ''];
    await log.append(awkward.map((text, i) => ({ ...entry(`p${i}`), requestId: text, purpose: `Person.kaigo ${text}`, reference: text || null })));
    expect(await log.verify()).toMatchObject({ ok: true, entries: awkward.length });
  });

  it('refuses updates and deletes', async () => {
    await log.append([entry('p1')]);
    await store.dataSource.query(`UPDATE audit.entry SET status = 'DENIED'`);
    await store.dataSource.query(`DELETE FROM audit.entry`);
    expect(await log.verify()).toMatchObject({ ok: true, entries: 1 });
  });

  it("names the first entry that was changed behind the rules' back", async () => {
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
