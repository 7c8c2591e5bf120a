import { graphql, startHubUnderTest, token, type HubUnderTest } from './support/hub-under-test.js';

interface Member {
  id: string;
  name: string;
  nameKana: string;
  relationship: string;
  residentStatus: string;
  household: { id: string };
}
interface HouseholdAnswer {
  household: { id: string; address: string; district: string; members: Member[] } | null;
}

const HOUSEHOLD = `query ($id: ID!) { household(id: $id) { id address district
  members { id name nameKana relationship residentStatus household { id } } } }`;
const PERSON = `query ($id: ID!) { person(id: $id) { id name nameKana birthDate age sex relationship household { id } } }`;
const SEARCH = `query ($k: String, $b: Date, $l: Int) { searchPersons(nameKana: $k, birthDate: $b, limit: $l) { id nameKana birthDate } }`;

describe('persons and households through the gateway', () => {
  let t: HubUnderTest;
  let staff: string;
  let someone: { id: string; nameKana: string; birthDate: string; household: { id: string } };

  beforeAll(async () => {
    t = await startHubUnderTest(null);
    staff = await token({ sub: 'kaigo-01', org: 'KAIGO-HOKATSU' });
    // Anyone in the demo city with a household of several members, and an address not withheld (sochi.e2e.test.ts).
    const rows: { atena_no: string }[] = await t.db.query(
      `SELECT p.atena_no FROM juki.person p WHERE p.resident_status = 1 AND p.relationship_code = '01'
       AND (SELECT count(*) FROM juki.person m WHERE m.setai_no = p.setai_no AND m.resident_status = 1) >= 3
       AND NOT EXISTS (SELECT 1 FROM juki.person q JOIN juki.sochi s ON s.atena_no = q.atena_no WHERE q.setai_no = p.setai_no OR q.address = p.address)
       ORDER BY p.atena_no LIMIT 1`,
    );
    const answer = await graphql<{ person: typeof someone }>(t.url, PERSON, { token: staff, variables: { id: rows[0]!.atena_no } });
    someone = answer.data!.person;
  }, 120_000);
  afterAll(() => t.stop());

  it("gives registered staff a person with the contract's fields", async () => {
    const answer = await graphql<{ person: Record<string, unknown> }>(t.url, PERSON, { token: staff, variables: { id: someone.id } });
    const person = answer.data!.person;
    expect(person['name']).toMatch(/^\S+\u3000\S+$/u);
    expect(person['nameKana']).toMatch(/^[\u30A0-\u30FF]+\u3000[\u30A0-\u30FF]+$/u);
    expect(person['birthDate']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(['MALE', 'FEMALE']).toContain(person['sex']);
    expect(person['relationship']).toBe('世帯主');
    expect(typeof person['age']).toBe('number');
  });

  it('gives a household with its current members, each pointing back to it', async () => {
    const answer = await graphql<HouseholdAnswer>(t.url, HOUSEHOLD, { token: staff, variables: { id: someone.household.id } });
    const household = answer.data!.household!;
    const expected: { atena_no: string }[] = await t.db.query(
      `SELECT atena_no FROM juki.person WHERE setai_no = $1 AND resident_status = 1 ORDER BY atena_no`,
      [household.id],
    );
    expect(household.members.map((m) => m.id).sort()).toEqual(expected.map((r) => r.atena_no));
    expect(household.members.length).toBeGreaterThanOrEqual(3);
    for (const member of household.members) {
      expect(member.residentStatus).toBe('RESIDENT');
      expect(member.household.id).toBe(household.id);
    }
    expect(household.district).toMatch(/^\d{4}$/);
    expect(household.address.length).toBeGreaterThan(0);
  });

  it('finds a person by reading in any kana form, spaces ignored, and by birth date', async () => {
    const [family, given] = someone.nameKana.split('\u3000') as [string, string];
    const hiragana = [...`${family} ${given}`].map((c) => (c >= 'ァ' && c <= 'ヶ' ? String.fromCharCode(c.charCodeAt(0) - 0x60) : c)).join('');
    for (const k of [someone.nameKana, hiragana, `${family}${given}`]) {
      const answer = await graphql<{ searchPersons: { id: string }[] }>(t.url, SEARCH, {
        token: staff,
        variables: { k, b: someone.birthDate, l: 10 },
      });
      expect(answer.data?.searchPersons.map((p) => p.id)).toContain(someone.id);
    }
  });

  it('finds a family by the start of the reading, and takes no wildcard', async () => {
    const family = someone.nameKana.split('\u3000')[0]!;
    const answer = await graphql<{ searchPersons: { id: string; nameKana: string }[] }>(t.url, SEARCH, {
      token: staff,
      variables: { k: family, l: 100 },
    });
    expect(answer.data!.searchPersons.length).toBeGreaterThan(0);
    for (const p of answer.data!.searchPersons) expect(p.nameKana.startsWith(family)).toBe(true);
    const wildcard = await graphql(t.url, SEARCH, { token: staff, variables: { k: '%', l: 10 } });
    expect(wildcard.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'nameKana' });
  });

  it('refuses a search without criteria or with a limit out of range, naming the field', async () => {
    const none = await graphql(t.url, SEARCH, { token: staff, variables: {} });
    expect(none.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const tooMany = await graphql(t.url, SEARCH, { token: staff, variables: { b: someone.birthDate, l: 5000 } });
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'limit' });
    const badDate = await graphql(t.url, SEARCH, { token: staff, variables: { b: '2023-02-29' } });
    expect(badDate.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it.each([
    ['an unregistered staff id', { sub: 'nobody', org: 'KAIGO-HOKATSU' }],
    ['a registered staff id under another organisation', { sub: 'kaigo-01', org: 'KIKAKU' }],
    ['an analyst', { sub: 'analyst-01', org: 'KIKAKU', roles: ['analyst'] }],
    ['registered staff who also holds the analyst role', { sub: 'kaigo-01', org: 'KAIGO-HOKATSU', roles: ['analyst'] }],
  ])('gives %s no person at all', async (_, claims) => {
    const viewer = await token(claims);
    const person = await graphql<{ person: unknown }>(t.url, PERSON, { token: viewer, variables: { id: someone.id } });
    expect(person.errors).toBeUndefined();
    expect(person.data?.person).toBeNull();
    const household = await graphql<HouseholdAnswer>(t.url, HOUSEHOLD, { token: viewer, variables: { id: someone.household.id } });
    expect(household.data?.household).toBeNull();
    const search = await graphql<{ searchPersons: unknown[] }>(t.url, SEARCH, {
      token: viewer,
      variables: { k: someone.nameKana, b: someone.birthDate, l: 10 },
    });
    expect(search.data?.searchPersons).toEqual([]);
  });

  it('answers an unknown id with null, the same as a hidden one', async () => {
    const answer = await graphql<{ person: unknown }>(t.url, PERSON, { token: staff, variables: { id: '9999999999' } });
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.person).toBeNull();
  });
});
