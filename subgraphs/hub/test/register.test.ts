// The register module through the hub subgraph's operations: who the hub knows (me), who may read and change the
// register (admins), what it refuses, and that a registration is what the policy then reads.
import type { TestViewer } from '@welfare-hub/subgraph-host/test-support';
import { PERSON, VIEWER, dataOf, hubFixture, refusal } from './support/hub-fixture.js';

const fixture = hubFixture();

const ME = '{ me { staffId orgId roles registered staff { id name } organisation { id sectors } } }';
const ORGANISATIONS = '{ organisations { id name sectors outsideWelfare } }';
const STAFF = 'query ($orgId: ID) { staff(orgId: $orgId) { id name organisation { id } } }';
const REGISTER_ORG = 'mutation ($input: OrganisationInput!) { registerOrganisation(input: $input) { id name sectors outsideWelfare contact } }';
const REGISTER_STAFF = 'mutation ($input: StaffInput!) { registerStaff(input: $input) { id name organisation { id name } } }';

const run = <T = Record<string, unknown>>(viewer: TestViewer, query: string, variables?: Record<string, unknown>) =>
  fixture.hub().run<T>(viewer, query, variables);

describe('me', () => {
  it('says registered, with the staff and organisation, for staff the register knows', async () => {
    expect(dataOf(await run(VIEWER.kaigo, ME))).toEqual({
      me: {
        staffId: 'kaigo-1',
        orgId: 'KAIGO-HOKATSU',
        roles: [],
        registered: true,
        staff: { id: 'kaigo-1', name: '甲' },
        organisation: { id: 'KAIGO-HOKATSU', sectors: ['KAIGO'] },
      },
    });
  });

  it('says not registered, and names nothing of the register, for a token it does not know or one naming another organisation', async () => {
    const nothing = { registered: false, staff: null, organisation: null };
    expect(dataOf(await run<{ me: unknown }>(VIEWER.unregistered, ME)).me).toMatchObject(nothing);
    expect(dataOf(await run<{ me: unknown }>({ staffId: 'kaigo-1', orgId: 'SHOGAI-KA' }, ME)).me).toMatchObject(nothing);
  });
});

describe('reading the register', () => {
  it('lists organisations and staff to an admin', async () => {
    const { organisations } = dataOf(await run<{ organisations: { id: string; outsideWelfare: boolean }[] }>(VIEWER.admin, ORGANISATIONS));
    expect(organisations.map((o) => o.id)).toEqual(expect.arrayContaining(['KAIGO-HOKATSU', 'MINSEI']));
    expect(organisations.find((o) => o.id === 'MINSEI')).toMatchObject({ outsideWelfare: true, sectors: [] });
    expect(dataOf(await run(VIEWER.admin, STAFF, { orgId: 'SHOGAI-KA' }))).toEqual({
      staff: [{ id: 'shogai-1', name: '乙', organisation: { id: 'SHOGAI-KA' } }],
    });
  });

  it('refuses anyone else, a coordinator included', async () => {
    for (const viewer of [VIEWER.kaigo, VIEWER.coordinator, VIEWER.unregistered]) {
      expect(refusal(await run(viewer, ORGANISATIONS))).toEqual({ code: 'FORBIDDEN' });
      expect(refusal(await run(viewer, STAFF))).toEqual({ code: 'FORBIDDEN' });
    }
  });

  it('resolves an Organisation entity for registered staff, and refuses it to a token the register does not know', async () => {
    const entity = (viewer: TestViewer) =>
      fixture.hub().entities(viewer, [{ __typename: 'Organisation', id: 'KONKYU-SHAKYO' }], '... on Organisation { id name }');
    expect(dataOf(await entity(VIEWER.kaigo))._entities).toEqual([{ id: 'KONKYU-SHAKYO', name: '社会福祉協議会' }]);
    expect((await entity(VIEWER.unregistered)).errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });
});

describe('changing the register', () => {
  it('registers an organisation for an admin, its sectors once each and in order, its name trimmed', async () => {
    const input = { id: 'KODOMO-KA', name: ' こども家庭課 ', sectors: ['KODOMO', 'KAIGO', 'KODOMO'], contact: '内線 1234' };
    expect(dataOf(await run(VIEWER.admin, REGISTER_ORG, { input }))).toEqual({
      registerOrganisation: { id: 'KODOMO-KA', name: 'こども家庭課', sectors: ['KAIGO', 'KODOMO'], outsideWelfare: false, contact: '内線 1234' },
    });
  });

  it('refuses a change to anyone but an admin, and an id or name out of bounds', async () => {
    const input = { id: 'X-KA', name: 'X', sectors: [] };
    expect(refusal(await run(VIEWER.coordinator, REGISTER_ORG, { input }))).toEqual({ code: 'FORBIDDEN' });
    expect(refusal(await run(VIEWER.kaigo, REGISTER_STAFF, { input: { id: 'k2', orgId: 'KAIGO-HOKATSU', name: '辛' } }))).toEqual({
      code: 'FORBIDDEN',
    });
    expect(refusal(await run(VIEWER.admin, REGISTER_ORG, { input: { ...input, id: 'not an id!' } }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.id',
    });
    expect(refusal(await run(VIEWER.admin, REGISTER_ORG, { input: { ...input, name: '   ' } }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.name',
    });
    expect(refusal(await run(VIEWER.admin, REGISTER_STAFF, { input: { id: 'k2', orgId: 'NOWHERE', name: '辛' } }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.orgId',
    });
  });

  it('a registration is what the policy reads: new staff of a 介護 organisation see 介護 on their own sector from the next request', async () => {
    const newcomer = { staffId: 'kaigo-2', orgId: 'KAIGO-HOKATSU' };
    const kaigo = async () => {
      const result = await fixture
        .hub()
        .entities(newcomer, [{ __typename: 'Person', id: PERSON.adult }], '... on Person { access { sector status basis } }');
      return (dataOf(result)._entities[0] as { access: { sector: string }[] }).access.find((a) => a.sector === 'KAIGO');
    };
    expect(await kaigo()).toMatchObject({ status: 'DENIED' });
    expect(dataOf(await run(VIEWER.admin, REGISTER_STAFF, { input: { id: 'kaigo-2', orgId: 'KAIGO-HOKATSU', name: ' 辛 ' } }))).toEqual({
      registerStaff: { id: 'kaigo-2', name: '辛', organisation: { id: 'KAIGO-HOKATSU', name: '地域包括支援センター' } },
    });
    expect(await kaigo()).toEqual({ sector: 'KAIGO', status: 'GRANTED', basis: 'OWN_SECTOR' });
    expect(dataOf(await run<{ me: { registered: boolean } }>(newcomer, ME)).me.registered).toBe(true);
  });
});
