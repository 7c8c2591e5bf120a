import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PlantedYoutaikyo } from '@welfare-hub/citygen';
import { graphql, startHubUnderTest, token, type HubUnderTest } from './support/hub-under-test.js';

const CHILD = `query ($p: ID!) { person(id: $p) {
  kodomo { cases { id category status openedOn youngCarerConcern youtaikyoRegistered } guardians { relation personId } lastInvolvementOn }
  access { sector status basis reference }
  household { id situations { kind personIds evidence inferred } } } }`;
const OPEN = `mutation ($i: MeetingInput!) { openSupportMeeting(input: $i) { id kind } }`;

interface Child {
  kodomo: {
    cases: { id: string; category: string; youtaikyoRegistered: boolean | null; openedOn: string }[];
    guardians: { relation: string; personId: string | null }[];
    lastInvolvementOn: string | null;
  } | null;
  access: { sector: string; status: string; basis: string | null; reference: string | null }[];
  household: { id: string; situations: { kind: string; personIds: string[]; evidence: string[]; inferred: boolean }[] };
}

/**
 * A こども case registered with the 要対協, through the gateway on each basis (the contract's access rule 4): released on
 * OWN_SECTOR and through a YOUTAIKYO meeting the viewer sits on about the child; on consent and in a 支援会議 the child's
 * other cases only, and nothing that tells the withheld one exists.
 */
describe('a 要対協 case through the gateway', () => {
  let t: HubUnderTest;
  let planted: Record<PlantedYoutaikyo['cases'], PlantedYoutaikyo>;
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(new Date());
  const hour = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
  const STAFF = {
    kodomo: { sub: 'kodomo-01', org: 'KODOMO-CENTER' },
    coordinator: { sub: 'coord-01', org: 'JUSOU-SUISHIN', roles: ['coordinator'] },
    shogai: { sub: 'shogai-01', org: 'SHOGAI-SODAN' },
    konkyu: { sub: 'konkyu-01', org: 'KONKYU-SHAKYO' },
  };

  beforeAll(async () => {
    t = await startHubUnderTest(null);
    const list = JSON.parse(readFileSync(join(t.dataDir, 'demo-city', 'truth', 'youtaikyo.json'), 'utf8')) as PlantedYoutaikyo[];
    planted = Object.fromEntries(list.map((p) => [p.cases, p])) as typeof planted;
  }, 120_000);
  afterAll(() => t.stop());

  const childAs = async (
    viewer: { sub: string; org: string; roles?: string[] },
    which: PlantedYoutaikyo['cases'],
    headers: Record<string, string> = {},
  ): Promise<Child> => {
    const answer = await graphql<{ person: Child }>(t.url, CHILD, { token: await token(viewer), variables: { p: planted[which].child }, headers });
    expect(answer.errors).toBeUndefined();
    return answer.data!.person;
  };
  const contextRefused = async (
    viewer: { sub: string; org: string; roles?: string[] },
    which: PlantedYoutaikyo['cases'],
    headers: Record<string, string>,
  ): Promise<unknown> => {
    const answer = await graphql<{ person: Child }>(t.url, CHILD, { token: await token(viewer), variables: { p: planted[which].child }, headers });
    expect(answer.data?.person ?? null).toBeNull();
    return answer.errors?.[0]?.extensions?.['code'];
  };
  const kodomoAccess = (c: Child) => c.access.find((a) => a.sector === 'KODOMO');
  /** The answer with everything that names a person, a 世帯 or a case blanked: what two children can be compared on. */
  const blanked = (c: Child, p: PlantedYoutaikyo): string =>
    JSON.stringify(c)
      .replaceAll(p.child, 'CHILD')
      .replaceAll(p.parent, 'PARENT')
      .replaceAll(p.setaiNo, 'SETAI')
      .replace(/K\d{4}-\d{6}/g, 'CASE');
  const open = async (input: Record<string, unknown>): Promise<string> => {
    const opened = await graphql<{ openSupportMeeting: { id: string } }>(t.url, OPEN, {
      token: await token(STAFF.coordinator),
      variables: { i: { title: '個別ケース検討会議', opensAt: hour(-1), closesAt: hour(2), ...input } },
    });
    expect(opened.errors).toBeUndefined();
    return opened.data!.openSupportMeeting.id;
  };

  it('shows the こども家庭センター (OWN_SECTOR) every case, the 要対協 one flagged, and the young carer it records', async () => {
    const child = await childAs(STAFF.kodomo, 'BOTH');
    expect(child.kodomo!.cases.map((c) => [c.category, c.youtaikyoRegistered])).toEqual([
      ['要保護児童', true],
      ['利用者支援', false],
    ]);
    expect(child.kodomo!.lastInvolvementOn).toBe(child.kodomo!.cases[0]!.openedOn);
    expect(child.kodomo!.guardians).toEqual([{ relation: '母', personId: planted.BOTH.parent }]);
    expect(child.household.situations).toEqual([{ kind: 'YOUNG_CARER', personIds: [planted.BOTH.child], evidence: ['KODOMO'], inferred: false }]);
    expect(kodomoAccess(child)).toEqual({ sector: 'KODOMO', status: 'GRANTED', basis: 'OWN_SECTOR', reference: null });
  });

  it("on a guardian's consent shows the child's other cases only, exactly as for a child without a 要対協 case", async () => {
    const recorder = await token(STAFF.kodomo);
    const consents: Record<string, string> = {};
    for (const p of Object.values(planted)) {
      const recorded = await graphql<{ recordConsent: { id: string } }>(
        t.url,
        `
          mutation ($i: ConsentInput!) {
            recordConsent(input: $i) {
              id
            }
          }
        `,
        {
          token: recorder,
          variables: {
            i: {
              personId: p.child,
              sectors: ['KODOMO'],
              recipientOrgs: ['JUSOU-SUISHIN'],
              purpose: '多機関協働での支援検討',
              validFrom: today,
              validUntil: `${Number(today.slice(0, 4)) + 1}-03-31`,
              method: 'WRITTEN',
              givenBy: p.parent,
              evidence: '同意書',
            },
          },
        },
      );
      expect(recorded.errors).toBeUndefined();
      consents[p.cases] = recorded.data!.recordConsent.id;
    }
    const both = await childAs(STAFF.coordinator, 'BOTH');
    expect(kodomoAccess(both)).toEqual({ sector: 'KODOMO', status: 'GRANTED', basis: 'CONSENT', reference: consents['BOTH'] });
    expect(both.kodomo!.cases.map((c) => [c.category, c.youtaikyoRegistered])).toEqual([['利用者支援', false]]);
    // No date of the withheld case, no young carer it records.
    expect(both.kodomo!.lastInvolvementOn).toBe(both.kodomo!.cases[0]!.openedOn);
    expect(both.household.situations).toEqual([]);
    const other = await childAs(STAFF.coordinator, 'OTHER');
    expect(blanked(both, planted.BOTH).replace(consents['BOTH']!, 'CONSENT')).toBe(
      blanked(other, planted.OTHER).replace(consents['OTHER']!, 'CONSENT'),
    );
    // A child whose only case is withheld looks like a child the system does not know.
    const only = await childAs(STAFF.coordinator, 'ONLY');
    expect(only.kodomo).toEqual({ cases: [], guardians: [], lastInvolvementOn: null });
    const none = await childAs(STAFF.coordinator, 'NONE');
    expect(blanked(only, planted.ONLY).replace(consents['ONLY']!, 'CONSENT')).toBe(blanked(none, planted.NONE).replace(consents['NONE']!, 'CONSENT'));
  });

  it('in a 支援会議 shows the same: a SHIEN_KAIGI never opens a 要対協 case', async () => {
    const meeting = await open({
      kind: 'SHIEN_KAIGI',
      subjectHouseholdIds: Object.values(planted).map((p) => p.setaiNo),
      memberStaffIds: ['shogai-01'],
    });
    const headers = { 'x-hub-meeting': meeting };
    const both = await childAs(STAFF.shogai, 'BOTH', headers);
    expect(kodomoAccess(both)).toEqual({ sector: 'KODOMO', status: 'GRANTED', basis: 'SUPPORT_MEETING', reference: meeting });
    expect(both.kodomo!.cases.map((c) => c.category)).toEqual(['利用者支援']);
    expect(both.household.situations).toEqual([]);
    expect(blanked(both, planted.BOTH)).toBe(blanked(await childAs(STAFF.shogai, 'OTHER', headers), planted.OTHER));
    expect(blanked(await childAs(STAFF.shogai, 'ONLY', headers), planted.ONLY)).toBe(
      blanked(await childAs(STAFF.shogai, 'NONE', headers), planted.NONE),
    );
  });

  it('through a YOUTAIKYO meeting shows its members every case of its subject, and opens no other sector', async () => {
    const meeting = await open({ kind: 'YOUTAIKYO', subjectPersonIds: [planted.BOTH.child], memberStaffIds: ['shogai-01', 'coord-01'] });
    const headers = { 'x-hub-meeting': meeting };
    const child = await childAs(STAFF.shogai, 'BOTH', headers);
    expect(kodomoAccess(child)).toEqual({ sector: 'KODOMO', status: 'GRANTED', basis: 'SUPPORT_MEETING', reference: meeting });
    expect(child.kodomo!.cases.map((c) => [c.category, c.youtaikyoRegistered])).toEqual([
      ['要保護児童', true],
      ['利用者支援', false],
    ]);
    expect(child.household.situations).toEqual([{ kind: 'YOUNG_CARER', personIds: [planted.BOTH.child], evidence: ['KODOMO'], inferred: false }]);
    // The council's meeting is about the child's こども data: the parent's and the other sectors stay closed.
    expect(child.access.filter((a) => a.status === 'GRANTED').map((a) => a.sector)).toEqual(['SHOGAI', 'KODOMO']);
    const parent = await graphql<{ person: { access: { sector: string; status: string }[] } }>(
      t.url,
      `
        query ($p: ID!) {
          person(id: $p) {
            access {
              sector
              status
            }
          }
        }
      `,
      {
        token: await token(STAFF.coordinator),
        variables: { p: planted.BOTH.parent },
        headers,
      },
    );
    expect(parent.data!.person.access.every((a) => a.status === 'DENIED')).toBe(true);
    // A child who is not its subject, and a viewer who is not on its roster, get nothing from it.
    expect(kodomoAccess(await childAs(STAFF.shogai, 'ONLY', headers))).toMatchObject({ status: 'DENIED' });
    // Naming a meeting one does not sit in is refused whole at the gateway (issue 17); without it, the outsider sees no こども data.
    expect(await contextRefused(STAFF.konkyu, 'BOTH', headers)).toBe('MEETING_CONTEXT_INVALID');
    const outsider = await childAs(STAFF.konkyu, 'BOTH');
    expect([outsider.kodomo, kodomoAccess(outsider)!.status]).toEqual([null, 'DENIED']);
    // Closed, it opens nothing more: naming it is refused, and without it the child's こども data stays closed.
    await graphql(
      t.url,
      `
        mutation ($id: ID!) {
          closeSupportMeeting(id: $id) {
            id
          }
        }
      `,
      { token: await token(STAFF.coordinator), variables: { id: meeting } },
    );
    expect(await contextRefused(STAFF.shogai, 'BOTH', headers)).toBe('MEETING_CONTEXT_INVALID');
    expect((await childAs(STAFF.shogai, 'BOTH')).kodomo).toBeNull();
  });

  it('records each decision with the basis that released it, for the privacy officer', async () => {
    const meeting = await open({ kind: 'YOUTAIKYO', subjectHouseholdIds: [planted.ONLY.setaiNo], memberStaffIds: ['shogai-01'] });
    await childAs(STAFF.shogai, 'ONLY', { 'x-hub-meeting': meeting });
    const log = await graphql<{ accessLog: { staffId: string; sector: string; status: string; basis: string | null; reference: string | null }[] }>(
      t.url,
      `
        query ($p: ID!) {
          accessLog(personId: $p) {
            staffId
            sector
            status
            basis
            reference
          }
        }
      `,
      { token: await token({ sub: 'privacy-01', org: 'HUB-ADMIN', roles: ['privacy_officer'] }), variables: { p: planted.ONLY.child } },
    );
    expect(log.errors).toBeUndefined();
    expect(log.data!.accessLog).toContainEqual({
      staffId: 'shogai-01',
      sector: 'KODOMO',
      status: 'GRANTED',
      basis: 'SUPPORT_MEETING',
      reference: meeting,
    });
  });
});
