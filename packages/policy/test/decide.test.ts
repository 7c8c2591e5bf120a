import { openTestStore, type Store } from '@welfare-hub/store';
import { auditMigrations } from '@welfare-hub/audit';
import { Policy, SECTORS } from '../src/index.js';

describe('the OWN_SECTOR basis', () => {
  let store: Store;
  let policy: Policy;
  beforeAll(async () => {
    store = await openTestStore({ migrations: auditMigrations });
    await store.dataSource.query(`CREATE SCHEMA hub`);
    await store.dataSource.query(`CREATE TABLE hub.organisation (id text PRIMARY KEY, name text, sectors text[])`);
    await store.dataSource.query(`CREATE TABLE hub.staff (id text PRIMARY KEY, org_id text, name text)`);
    await store.dataSource.query(`INSERT INTO hub.organisation VALUES ('K', 'k', '{KAIGO,SHOGAI}'), ('T', 't', '{}')`);
    await store.dataSource.query(`INSERT INTO hub.staff VALUES ('k1', 'K', 'x'), ('t1', 'T', 'y')`);
    policy = new Policy(store.dataSource);
  }, 60_000);
  afterAll(() => store.close());

  const context = (staffId: string, orgId: string, roles: ('analyst' | 'admin')[] = []) => ({ viewer: { staffId, orgId, roles }, meetingId: null, requestId: 'r' });

  it.each([
    ['staff of an organisation holding the sector', context('k1', 'K'), ['KAIGO', 'SHOGAI']],
    ['staff of an organisation holding none', context('t1', 'T'), []],
    ['an unregistered staff id', context('zz', 'K'), []],
    ['a staff id under another organisation than registered', context('k1', 'T'), []],
    ['an analyst, even of a holding organisation', context('k1', 'K', ['analyst']), []],
    ['an admin, whose role grants no person data', context('t1', 'T', ['admin']), []],
  ])('grants %s exactly the sectors it holds', async (_, ctx, granted) => {
    const decisions = await policy.forRequest(ctx).access('0000000001');
    expect(decisions.map((d) => d.sector)).toEqual([...SECTORS]);
    expect(decisions.filter((d) => d.status === 'GRANTED').map((d) => d.sector)).toEqual(granted);
    for (const d of decisions) expect(d.basis).toBe(d.status === 'GRANTED' ? 'OWN_SECTOR' : null);
  });

  it('reads the register afresh for every request', async () => {
    const before = await policy.forRequest(context('t1', 'T')).decide('1', 'KONKYU');
    await store.dataSource.query(`UPDATE hub.organisation SET sectors = '{KONKYU}' WHERE id = 'T'`);
    const after = await policy.forRequest(context('t1', 'T')).decide('1', 'KONKYU');
    expect([before.status, after.status]).toEqual(['DENIED', 'GRANTED']);
  });

  it('writes every decision, granted or denied, to the audit log before answering, once per question', async () => {
    const [{ before }] = await store.dataSource.query(`SELECT count(*)::int AS before FROM audit.entry`);
    const request = policy.forRequest({ ...context('k1', 'K'), requestId: 'audited' });
    await Promise.all([request.access('0000000042'), request.decide('0000000042', 'KAIGO'), request.decide('0000000042', 'KAIGO')]);
    const rows: { sector: string; status: string; purpose: string }[] = await store.dataSource.query(
      `SELECT sector, status, purpose FROM audit.entry WHERE request_id = 'audited' ORDER BY id`,
    );
    expect(rows).toEqual([
      { sector: 'KAIGO', status: 'GRANTED', purpose: 'Person.access' },
      { sector: 'SHOGAI', status: 'GRANTED', purpose: 'Person.access' },
      { sector: 'KODOMO', status: 'DENIED', purpose: 'Person.access' },
      { sector: 'KONKYU', status: 'DENIED', purpose: 'Person.access' },
      { sector: 'KAIGO', status: 'GRANTED', purpose: 'Person.kaigo' },
    ]);
    const [{ after }] = await store.dataSource.query(`SELECT count(*)::int AS after FROM audit.entry`);
    expect(after - before).toBe(5);
  });

  it('answers nothing when the audit log cannot be written', async () => {
    await store.dataSource.query(`ALTER TABLE audit.head RENAME TO head_gone`);
    try {
      await expect(policy.forRequest(context('k1', 'K')).decide('1', 'KAIGO')).rejects.toThrow();
    } finally {
      await store.dataSource.query(`ALTER TABLE audit.head_gone RENAME TO head`);
    }
  });
});
