import { openTestStore, type Store } from '@welfare-hub/store';
import { Policy, SECTORS } from '../src/index.js';

describe('the OWN_SECTOR basis', () => {
  let store: Store;
  let policy: Policy;
  beforeAll(async () => {
    store = await openTestStore({});
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
});
