import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Planted } from '@welfare-hub/citygen';
import { graphql, startHubUnderTest, token, type HubUnderTest } from './support/hub-under-test.js';

const STAFF = {
  KAIGO: { sub: 'kaigo-01', org: 'KAIGO-HOKATSU' },
  SHOGAI: { sub: 'shogai-01', org: 'SHOGAI-SODAN' },
  KODOMO: { sub: 'kodomo-01', org: 'KODOMO-CENTER' },
  KONKYU: { sub: 'konkyu-01', org: 'KONKYU-SHAKYO' },
} as const;
type Sector = keyof typeof STAFF;

const HOUSEHOLD = `query ($id: ID!) { household(id: $id) { id members { id age
  kaigo { careLevel } shogai { certificates { type } consultations { category } } kodomo { cases { category youngCarerConcern } }
  konkyu { consultations { category status } } } } }`;

interface Member {
  id: string;
  age: number;
  kaigo: { careLevel: string | null } | null;
  shogai: { certificates: { type: string }[]; consultations: { category: string }[] } | null;
  kodomo: { cases: { category: string; youngCarerConcern: boolean }[] } | null;
  konkyu: { consultations: { category: string; status: string }[] } | null;
}

function holds(member: Member, sector: Sector): boolean {
  if (sector === 'KAIGO') return member.kaigo?.careLevel != null;
  if (sector === 'SHOGAI') return (member.shogai?.certificates.length ?? 0) > 0;
  if (sector === 'KODOMO') return (member.kodomo?.cases.length ?? 0) > 0;
  return (member.konkyu?.consultations.length ?? 0) > 0;
}

/**
 * The households the generator plants for each situation of situations.md, read from every sector system
 * the way it really delivers, linked, and shown through the gateway to each sector's own staff.
 */
describe('the planted households of each situation', () => {
  let t: HubUnderTest;
  let planted: Planted[];
  beforeAll(async () => {
    t = await startHubUnderTest(null);
    planted = JSON.parse(readFileSync(join(t.dataDir, 'demo-city', 'truth', 'situations.json'), 'utf8')) as Planted[];
  }, 120_000);
  afterAll(() => t.stop());

  it('plants every situation', () => {
    expect(new Set(planted.map((p) => p.kind))).toEqual(new Set(['EIGHTY_FIFTY', 'DOUBLE_CARE', 'YOUNG_CARER', 'MULTI_SECTOR']));
  });

  it.each(['EIGHTY_FIFTY', 'DOUBLE_CARE', 'YOUNG_CARER', 'MULTI_SECTOR'])('shows each sector of a %s household to that sector\'s staff, and to no one else', async (kind) => {
    for (const household of planted.filter((p) => p.kind === kind)) {
      for (const sector of Object.keys(STAFF) as Sector[]) {
        const answer = await graphql<{ household: { members: Member[] } }>(t.hub.url, HOUSEHOLD, {
          token: await token(STAFF[sector]),
          variables: { id: household.setaiNo },
        });
        expect(answer.errors).toBeUndefined();
        const members = answer.data!.household.members;
        for (const [atenaNo, sectors] of Object.entries(household.involvement)) {
          const member = members.find((m) => m.id === atenaNo)!;
          expect(member).toBeDefined();
          if ((sectors as string[]).includes(sector)) expect(holds(member, sector)).toBe(true);
          // Every other sector's field is null for this viewer, held or not.
          for (const other of Object.keys(STAFF) as Sector[]) {
            if (other !== sector) expect(member[other.toLowerCase() as 'kaigo']).toBeNull();
          }
        }
      }
    }
  });

  it('has what each situation rests on, as the sector staff see it', async () => {
    const eightyFifty = planted.find((p) => p.kind === 'EIGHTY_FIFTY')!;
    const konkyu = await graphql<{ household: { members: Member[] } }>(t.hub.url, HOUSEHOLD, { token: await token(STAFF.KONKYU), variables: { id: eightyFifty.setaiNo } });
    const son = konkyu.data!.household.members.find((m) => m.age >= 40 && m.age <= 64)!;
    expect(son.konkyu!.consultations.some((c) => c.category.includes('ひきこもり'))).toBe(true);
    expect(konkyu.data!.household.members.some((m) => m.age >= 75)).toBe(true);

    const young = planted.find((p) => p.kind === 'YOUNG_CARER')!;
    const kodomo = await graphql<{ household: { members: Member[] } }>(t.hub.url, HOUSEHOLD, { token: await token(STAFF.KODOMO), variables: { id: young.setaiNo } });
    const child = kodomo.data!.household.members.find((m) => m.age < 18)!;
    expect(child.kodomo!.cases.some((c) => c.category === 'ヤングケアラー支援' && c.youngCarerConcern)).toBe(true);

    const double = planted.find((p) => p.kind === 'DOUBLE_CARE')!;
    const kaigo = await graphql<{ household: { members: Member[] } }>(t.hub.url, HOUSEHOLD, { token: await token(STAFF.KAIGO), variables: { id: double.setaiNo } });
    expect(kaigo.data!.household.members.some((m) => m.age < 6)).toBe(true);
    expect(kaigo.data!.household.members.some((m) => m.kaigo?.careLevel === 'CARE_2')).toBe(true);
  });
});
