import fc from 'fast-check';
import { startHubUnderTest, token, type HubUnderTest } from './support/hub-under-test.js';

// Which link sources hold which sector's records, and who works where without holding it.
const SECTORS = {
  KAIGO: { sources: 'kaigo%', field: 'kaigo { insuredNumber careLevel careLevelValidUntil consultations { id date category status summary } }' },
  SHOGAI: { sources: 'shogai%', field: 'shogai { certificates { type grade validUntil } supportLevel services consultations { id date category status summary } }' },
  KODOMO: { sources: 'kodomo%', field: 'kodomo { cases { id category status openedOn closedOn youngCarerConcern } }' },
  KONKYU: { sources: 'konkyu%', field: 'konkyu { consultations { id date category status summary } }' },
} as const;
type Sector = keyof typeof SECTORS;
const STAFF = [
  { sub: 'kaigo-01', org: 'KAIGO-HOKATSU', holds: 'KAIGO' },
  { sub: 'shogai-01', org: 'SHOGAI-SODAN', holds: 'SHOGAI' },
  { sub: 'kodomo-01', org: 'KODOMO-CENTER', holds: 'KODOMO' },
  { sub: 'konkyu-01', org: 'KONKYU-SHAKYO', holds: 'KONKYU' },
  { sub: 'coord-01', org: 'JUSOU-SUISHIN', holds: null },
  { sub: 'minsei-01', org: 'MINSEI-IIN', holds: null },
] as const;

/**
 * The contract's promise that a denial never reveals that a record exists, as a property: for any viewer, any
 * sector the viewer has no basis for, any selection of fields and any two residents, one with records in that
 * sector and one without, the gateway's answers are the same bytes once the asked id is blanked out.
 */
describe('a denial, byte for byte', () => {
  let t: HubUnderTest;
  const withRecords = new Map<Sector, string[]>();
  const withoutRecords = new Map<Sector, string[]>();
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    t = await startHubUnderTest(null, { HUB_DEMO_RESIDENTS: '2000' });
    for (const [sector, { sources }] of Object.entries(SECTORS) as [Sector, (typeof SECTORS)[Sector]][]) {
      const linked: { atena_no: string }[] = await t.hub.store.dataSource.query(
        `SELECT DISTINCT atena_no FROM linkage.link WHERE source LIKE $1 AND state = 'linked' ORDER BY atena_no LIMIT 30`, [sources]);
      const unlinked: { atena_no: string }[] = await t.hub.store.dataSource.query(
        `SELECT atena_no FROM juki.person p WHERE resident_status = 1
         AND NOT EXISTS (SELECT 1 FROM linkage.link l WHERE l.atena_no = p.atena_no AND l.source LIKE $1) ORDER BY atena_no LIMIT 30`, [sources]);
      withRecords.set(sector, linked.map((r) => r.atena_no));
      withoutRecords.set(sector, unlinked.map((r) => r.atena_no));
    }
    for (const s of STAFF) tokens.set(s.sub, await token({ sub: s.sub, org: s.org }));
  }, 180_000);
  afterAll(() => t.stop());

  const ask = async (sub: string, query: string, id: string): Promise<string> => {
    const response = await fetch(t.hub.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.get(sub)}` },
      body: JSON.stringify({ query, variables: { id } }),
    });
    return `${response.status} ${(await response.text()).replaceAll(id, 'ID')}`;
  };

  it('has residents with and without records in every sector to compare', () => {
    for (const sector of Object.keys(SECTORS) as Sector[]) {
      expect(withRecords.get(sector)!.length).toBeGreaterThan(0);
      expect(withoutRecords.get(sector)!.length).toBeGreaterThan(0);
    }
  });

  it('holds for any viewer without a basis, any sector, any fields and any two residents', async () => {
    const cases = fc.record({
      staff: fc.constantFrom(...STAFF),
      sector: fc.constantFrom(...(Object.keys(SECTORS) as Sector[])),
      withAccess: fc.boolean(),
      pick: fc.tuple(fc.nat(), fc.nat()),
    }).filter(({ staff, sector }) => staff.holds !== sector);
    await fc.assert(
      fc.asyncProperty(cases, async ({ staff, sector, withAccess, pick }) => {
        const withIds = withRecords.get(sector)!;
        const withoutIds = withoutRecords.get(sector)!;
        const query = `query ($id: ID!) { person(id: $id) { id ${withAccess ? 'access { sector status basis reference }' : ''} ${SECTORS[sector].field} } }`;
        const a = await ask(staff.sub, query, withIds[pick[0] % withIds.length]!);
        const b = await ask(staff.sub, query, withoutIds[pick[1] % withoutIds.length]!);
        // Staff outside welfare (the 民生委員) see no resident at all: the whole person is null, for both alike.
        expect(a).toContain(staff.org === 'MINSEI-IIN' ? '"person":null' : `"${sector.toLowerCase()}":null`);
        expect(a).toBe(b);
      }),
      { numRuns: 60, seed: 20261122 },
    );
  }, 120_000);
});
