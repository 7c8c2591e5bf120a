import { openTestStore, type Store } from '@welfare-hub/store';
import { meetingContextState } from '../src/index.js';

describe('the meeting a request names (x-hub-meeting)', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore({ migrations: [] });
    const q = (sql: string): Promise<unknown> => store.dataSource.query(sql);
    await q(`CREATE SCHEMA hub`);
    await q(`CREATE TABLE hub.staff (id text PRIMARY KEY, org_id text, name text)`);
    await q(`INSERT INTO hub.staff VALUES ('k1', 'K', 'x'), ('m1', 'M', 'y'), ('t1', 'T', 'z')`);
    await q(`CREATE TABLE hub.meeting (id text PRIMARY KEY, opens_at timestamptz, closes_at timestamptz, closed_at timestamptz)`);
    await q(`CREATE TABLE hub.meeting_member (meeting_id text, staff_id text, role text)`);
    // What the hub exports of them (subgraphs/hub, 1763800013500-exported-views.ts), as far as the check reads it
    // (the register's organisations are not part of this fixture: staff stand for themselves).
    await q(`CREATE VIEW hub.registered_staff AS SELECT id, org_id FROM hub.staff`);
    await q(`CREATE VIEW hub.meeting_state AS SELECT id, (closed_at IS NULL AND opens_at <= now() AND now() < closes_at) AS open FROM hub.meeting`);
    await q(`CREATE VIEW hub.meeting_roster AS SELECT meeting_id, staff_id, role FROM hub.meeting_member`);
    await q(`INSERT INTO hub.meeting VALUES
      ('open', now() - interval '1 hour', now() + interval '1 hour', NULL),
      ('closed', now() - interval '1 hour', now() + interval '1 hour', now()),
      ('over', now() - interval '2 hour', now() - interval '1 hour', NULL),
      ('later', now() + interval '1 hour', now() + interval '2 hour', NULL)`);
    await q(`INSERT INTO hub.meeting_member VALUES ('open', 'k1', 'FULL'), ('open', 'm1', 'SUBMIT_ONLY'),
      ('closed', 'k1', 'FULL'), ('over', 'k1', 'FULL'), ('later', 'k1', 'FULL')`);
  }, 60_000);
  afterAll(() => store.close());

  const viewer = (staffId: string, orgId: string) => ({ staffId, orgId, roles: [] });

  it.each([
    ['no header', viewer('k1', 'K'), null, 'NONE'],
    ['an open meeting, a full member', viewer('k1', 'K'), 'open', 'USABLE'],
    ['a closed meeting, a member', viewer('k1', 'K'), 'closed', 'NOT_OPEN'],
    ['a meeting past closesAt, a member', viewer('k1', 'K'), 'over', 'NOT_OPEN'],
    ['a meeting not yet begun, a member', viewer('k1', 'K'), 'later', 'NOT_OPEN'],
    ['an open meeting, a submit-only member', viewer('m1', 'M'), 'open', 'UNAVAILABLE'],
    ['an open meeting, not a member', viewer('t1', 'T'), 'open', 'UNAVAILABLE'],
    ['a closed meeting, not a member (no hint that it exists)', viewer('t1', 'T'), 'closed', 'UNAVAILABLE'],
    ['no such meeting', viewer('k1', 'K'), 'no-such-meeting', 'UNAVAILABLE'],
    ['a member id under a token of another organisation', viewer('k1', 'T'), 'open', 'UNAVAILABLE'],
    ['an id that is not a meeting id at all', viewer('k1', 'K'), "x' OR '1'='1", 'UNAVAILABLE'],
  ])('%s', async (_, v, meetingId, expected) => {
    expect(await meetingContextState(store.dataSource, { viewer: v, meetingId })).toBe(expected);
  });
});
