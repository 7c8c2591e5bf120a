import { graphql, startHubUnderTest, token, type HubUnderTest } from './support/hub-under-test.js';

const RECORD = `mutation ($i: ConsentInput!) { recordConsent(input: $i) { id status recordedBy recordedOrg sectors recipientOrgs } }`;
const REVOKE = `mutation ($id: ID!, $r: String!) { revokeConsent(id: $id, reason: $r) { id status revokedBy revokeReason revokedAt } }`;
const PERSON = `query ($p: ID!) { person(id: $p) { konkyu { consultations { id } } access { sector status basis reference } } }`;

describe('本人同意 through the gateway', () => {
  let t: HubUnderTest;
  let personId: string;
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(new Date());
  beforeAll(async () => {
    t = await startHubUnderTest(null);
    [{ atena_no: personId }] = await t.db.query(
      `SELECT atena_no FROM linkage.link WHERE source = 'konkyu' AND state = 'linked' ORDER BY atena_no LIMIT 1`,
    );
  }, 120_000);
  afterAll(() => t.stop());

  const input = (overrides: Record<string, unknown> = {}) => ({
    personId,
    sectors: ['KONKYU'],
    recipientOrgs: ['KAIGO-HOKATSU'],
    purpose: '8050世帯の支援方針の検討',
    validFrom: today,
    validUntil: `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`.replace('-02-29', '-02-28'),
    method: 'WRITTEN',
    evidence: '同意書 2026-117',
    ...overrides,
  });

  it('lets the named organisation see the named sector from the next request until it is revoked', async () => {
    const shakyo = await token({ sub: 'konkyu-01', org: 'KONKYU-SHAKYO' });
    const kaigo = await token({ sub: 'kaigo-01', org: 'KAIGO-HOKATSU' });
    const konkyuOf = async () =>
      (
        await graphql<{ person: { konkyu: unknown; access: { sector: string; basis: string | null; reference: string | null }[] } }>(t.url, PERSON, {
          token: kaigo,
          variables: { p: personId },
        })
      ).data!.person;

    expect((await konkyuOf()).konkyu).toBeNull();
    const recorded = await graphql<{ recordConsent: { id: string; status: string; recordedBy: string; recordedOrg: string } }>(t.url, RECORD, {
      token: shakyo,
      variables: { i: input() },
    });
    expect(recorded.errors).toBeUndefined();
    expect(recorded.data!.recordConsent).toMatchObject({ status: 'ACTIVE', recordedBy: 'konkyu-01', recordedOrg: 'KONKYU-SHAKYO' });
    const id = recorded.data!.recordConsent.id;

    const granted = await konkyuOf();
    expect(granted.konkyu).not.toBeNull();
    expect(granted.access.find((a) => a.sector === 'KONKYU')).toEqual({ sector: 'KONKYU', status: 'GRANTED', basis: 'CONSENT', reference: id });

    const stranger = await graphql(t.url, REVOKE, { token: await token({ sub: 'kodomo-01', org: 'KODOMO-CENTER' }), variables: { id, r: '—' } });
    expect(stranger.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const revoked = await graphql<{ revokeConsent: { status: string; revokeReason: string } }>(t.url, REVOKE, {
      token: shakyo,
      variables: { id, r: '本人より撤回の申出' },
    });
    expect(revoked.data!.revokeConsent).toMatchObject({ status: 'REVOKED', revokeReason: '本人より撤回の申出' });
    expect((await konkyuOf()).konkyu).toBeNull();

    const listed = await graphql<{ consents: { id: string; status: string }[] }>(
      t.url,
      `
        query ($p: ID!) {
          consents(personId: $p) {
            id
            status
          }
        }
      `,
      { token: kaigo, variables: { p: personId } },
    );
    expect(listed.data!.consents).toEqual([{ id, status: 'REVOKED' }]);
  });

  it('lets a coordinator revoke a consent another organisation recorded', async () => {
    const shakyo = await token({ sub: 'konkyu-01', org: 'KONKYU-SHAKYO' });
    const recorded = await graphql<{ recordConsent: { id: string } }>(t.url, RECORD, { token: shakyo, variables: { i: input() } });
    const coordinator = await token({ sub: 'coord-01', org: 'JUSOU-SUISHIN', roles: ['coordinator'] });
    const revoked = await graphql<{ revokeConsent: { status: string; revokedBy: string } }>(t.url, REVOKE, {
      token: coordinator,
      variables: { id: recorded.data!.recordConsent.id, r: '期間の誤り' },
    });
    expect(revoked.data!.revokeConsent).toMatchObject({ status: 'REVOKED', revokedBy: 'coord-01' });
  });

  it.each([
    ['an unknown person', { personId: '9999999999' }, 'input.personId'],
    ['no sector', { sectors: [] }, 'input.sectors'],
    ['an unregistered organisation', { recipientOrgs: ['NOWHERE'] }, 'input.recipientOrgs'],
    ['an end before the start', { validUntil: '2000-01-01' }, 'input.validUntil'],
    ['an empty purpose', { purpose: '  ' }, 'input.purpose'],
  ])('refuses %s, naming the field', async (_, change, field) => {
    const answer = await graphql(t.url, RECORD, { token: await token({ sub: 'konkyu-01', org: 'KONKYU-SHAKYO' }), variables: { i: input(change) } });
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('is not for unregistered staff or analysts', async () => {
    for (const claims of [
      { sub: 'ghost', org: 'KONKYU-SHAKYO' },
      { sub: 'analyst-01', org: 'KIKAKU', roles: ['analyst'] },
    ]) {
      const answer = await graphql(t.url, RECORD, { token: await token(claims), variables: { i: input() } });
      expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });

  it("takes a minor's consent from the guardian named in givenBy, and grants on it", async () => {
    const [child] = await t.db.query(
      `SELECT c.atena_no, g.atena_no AS guardian FROM juki.person c JOIN juki.person g ON g.setai_no = c.setai_no AND g.relationship_code = '01'
       WHERE c.resident_status = 1 AND c.birth_date > current_date - interval '10 years' AND c.relationship_code = '04' ORDER BY c.atena_no LIMIT 1`,
    );
    const kodomoStaff = await token({ sub: 'kodomo-01', org: 'KODOMO-CENTER' });
    const withoutGuardian = await graphql(t.url, RECORD, {
      token: kodomoStaff,
      variables: { i: input({ personId: child.atena_no, sectors: ['KODOMO'], givenBy: null }) },
    });
    expect(withoutGuardian.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.givenBy' });
    const recorded = await graphql<{ recordConsent: { id: string } }>(t.url, RECORD, {
      token: kodomoStaff,
      variables: { i: input({ personId: child.atena_no, sectors: ['KODOMO'], givenBy: child.guardian }) },
    });
    expect(recorded.errors).toBeUndefined();
    const kaigo = await token({ sub: 'kaigo-01', org: 'KAIGO-HOKATSU' });
    const access = await graphql<{ person: { access: { sector: string; basis: string | null; reference: string | null }[] } }>(t.url, PERSON, {
      token: kaigo,
      variables: { p: child.atena_no },
    });
    expect(access.data!.person.access.find((a) => a.sector === 'KODOMO')).toMatchObject({
      basis: 'CONSENT',
      reference: recorded.data!.recordConsent.id,
    });
  });
});
