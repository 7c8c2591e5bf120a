// The consent module through the hub subgraph's operations: who may record and revoke a 本人同意, who may read one
// (a refusal reads as absence), and what a consent grants in Person.access while it stands.
import type { TestViewer } from '@welfare-hub/subgraph-host/test-support';
import { PERSON, VIEWER, dataOf, hubFixture, refusal } from './support/hub-fixture.js';

const fixture = hubFixture();

const FIELDS =
  'id personId sectors recipientOrgs purpose method status recordedBy recordedOrg revokedBy revokeReason guardian { name relationship verified }';
const RECORD = `mutation ($input: ConsentInput!) { recordConsent(input: $input) { ${FIELDS} } }`;
const REVOKE = `mutation ($id: ID!, $reason: String!) { revokeConsent(id: $id, reason: $reason) { ${FIELDS} } }`;
const CONSENTS = `query ($personId: ID!) { consents(personId: $personId) { id } }`;

const today = new Date().toISOString().slice(0, 10);
const nextYear = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
/** The 困窮 desk records that the person lets the 介護 centre see their 困窮 records. */
const input = (overrides: Record<string, unknown> = {}) => ({
  personId: PERSON.adult,
  sectors: ['KONKYU'],
  recipientOrgs: ['KAIGO-HOKATSU'],
  purpose: '支援のため',
  validFrom: today,
  validUntil: nextYear,
  method: 'WRITTEN',
  evidence: '同意書 2026-117',
  ...overrides,
});

async function record(viewer: TestViewer, overrides: Record<string, unknown> = {}) {
  return fixture.hub().run<{ recordConsent: Record<string, unknown> & { id: string } }>(viewer, RECORD, { input: input(overrides) });
}
const idsReadBy = async (viewer: TestViewer, personId: string): Promise<string[]> =>
  dataOf(await fixture.hub().run<{ consents: { id: string }[] }>(viewer, CONSENTS, { personId })).consents.map((c) => c.id);
const konkyuAccess = async (viewer: TestViewer, personId: string) => {
  const result = await fixture
    .hub()
    .entities(viewer, [{ __typename: 'Person', id: personId }], '... on Person { access { sector status basis reference } }');
  return (dataOf(result)._entities[0] as { access: { sector: string }[] }).access.find((a) => a.sector === 'KONKYU');
};

describe('recordConsent', () => {
  it('records a consent for welfare staff, as given and ACTIVE, recorded by them', async () => {
    const consent = dataOf(await record(VIEWER.konkyu)).recordConsent;
    expect(consent).toMatchObject({
      personId: PERSON.adult,
      sectors: ['KONKYU'],
      recipientOrgs: ['KAIGO-HOKATSU'],
      method: 'WRITTEN',
      status: 'ACTIVE',
      recordedBy: 'konkyu-1',
      recordedOrg: 'KONKYU-SHAKYO',
      revokedBy: null,
      guardian: null,
    });
  });

  it('refuses staff outside welfare, analysts and unregistered tokens', async () => {
    expect(refusal(await record(VIEWER.minsei))).toEqual({ code: 'FORBIDDEN' });
    expect(refusal(await record(VIEWER.analyst))).toEqual({ code: 'FORBIDDEN' });
    expect(refusal(await record(VIEWER.unregistered))).toEqual({ code: 'FORBIDDEN' });
  });

  it('refuses a person the registry does not know, an unregistered recipient, no sector, a period that ends before it starts', async () => {
    expect(refusal(await record(VIEWER.konkyu, { personId: '0000009999' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.personId' });
    expect(refusal(await record(VIEWER.konkyu, { recipientOrgs: ['NOWHERE'] }))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.recipientOrgs' });
    expect(refusal(await record(VIEWER.konkyu, { sectors: [] }))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.sectors' });
    expect(refusal(await record(VIEWER.konkyu, { validFrom: nextYear, validUntil: today }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.validUntil',
    });
  });

  it('for a child, needs the representative who gives it, and keeps one the registry cannot show unverified', async () => {
    expect(refusal(await record(VIEWER.konkyu, { personId: PERSON.child }))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.givenBy' });
    const consent = dataOf(
      await record(VIEWER.konkyu, { personId: PERSON.child, guardian: { name: '弁護士 甲', relationship: 'LEGAL_GUARDIAN' } }),
    ).recordConsent;
    expect(consent['guardian']).toEqual({ name: '弁護士 甲', relationship: 'LEGAL_GUARDIAN', verified: false });
  });
});

describe('consents: who reads them', () => {
  let id: string;
  beforeAll(async () => {
    id = dataOf(await record(VIEWER.konkyu, { personId: PERSON.other })).recordConsent.id;
  });

  it('the recording organisation and the recipient read it', async () => {
    expect(await idsReadBy(VIEWER.konkyu, PERSON.other)).toEqual([id]);
    expect(await idsReadBy(VIEWER.kaigo, PERSON.other)).toEqual([id]);
  });

  it('a coordinator and a privacy officer read it', async () => {
    expect(await idsReadBy(VIEWER.coordinator, PERSON.other)).toEqual([id]);
    expect(await idsReadBy(VIEWER.privacyOfficer, PERSON.other)).toEqual([id]);
  });

  it('an organisation not party to it, and staff outside welfare, get the answer a person without consents gets', async () => {
    expect(await idsReadBy(VIEWER.shogai, PERSON.other)).toEqual([]);
    expect(await idsReadBy(VIEWER.minsei, PERSON.other)).toEqual([]);
    expect(await idsReadBy(VIEWER.shogai, '0000009999')).toEqual([]);
  });

  it('through _entities, null for an organisation not party to it, as for an id that does not exist', async () => {
    const read = async (viewer: TestViewer, consentId: string) =>
      dataOf(await fixture.hub().entities(viewer, [{ __typename: 'Consent', id: consentId }], '... on Consent { id status }'))._entities[0];
    expect(await read(VIEWER.kaigo, id)).toEqual({ id, status: 'ACTIVE' });
    expect(await read(VIEWER.shogai, id)).toBeNull();
    expect(await read(VIEWER.shogai, 'no-such-consent')).toBeNull();
  });
});

describe('revokeConsent, and what a consent grants', () => {
  it('grants the recipient the sector on the consent while it stands, and nothing once the recording organisation revokes it', async () => {
    expect(await konkyuAccess(VIEWER.shogai, PERSON.adult)).toMatchObject({ status: 'DENIED' });
    const { id } = dataOf(await record(VIEWER.konkyu, { recipientOrgs: ['SHOGAI-KA'] })).recordConsent;
    expect(await konkyuAccess(VIEWER.shogai, PERSON.adult)).toEqual({ sector: 'KONKYU', status: 'GRANTED', basis: 'CONSENT', reference: id });

    const revoked = dataOf(
      await fixture.hub().run<{ revokeConsent: Record<string, unknown> }>(VIEWER.konkyu, REVOKE, { id, reason: ' 本人の申出 ' }),
    ).revokeConsent;
    expect(revoked).toMatchObject({ id, status: 'REVOKED', revokedBy: 'konkyu-1', revokeReason: '本人の申出' });
    expect(await konkyuAccess(VIEWER.shogai, PERSON.adult)).toMatchObject({ status: 'DENIED', basis: null });
  });

  it('is refused to another organisation, even the recipient, and allowed to a coordinator', async () => {
    const { id } = dataOf(await record(VIEWER.konkyu)).recordConsent;
    expect(refusal(await fixture.hub().run(VIEWER.kaigo, REVOKE, { id, reason: '取消' }))).toEqual({ code: 'FORBIDDEN' });
    expect(refusal(await fixture.hub().run(VIEWER.konkyu, REVOKE, { id, reason: '  ' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect(
      dataOf(await fixture.hub().run<{ revokeConsent: { status: string } }>(VIEWER.coordinator, REVOKE, { id, reason: '取消' })).revokeConsent.status,
    ).toBe('REVOKED');
  });

  it('refuses an id no consent has', async () => {
    expect(refusal(await fixture.hub().run(VIEWER.konkyu, REVOKE, { id: 'no-such-consent', reason: '取消' }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'id',
    });
  });
});
