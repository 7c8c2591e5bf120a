// The situations module through the hub subgraph's operations: Household.situations from the representation the
// gateway sends (_entities, with the members' sector facts the hub @requires), where each sector subgraph has already
// decided what this viewer may see and sent null for what it withheld. A situation shows on the facts of a granted
// sector, and without a basis it is absent, as for a household with nothing: the hub never reads the facts itself,
// though the store (here the analysts' facts readers) holds the withheld ones.
import type { SituationFacts } from '@welfare-hub/situations';
import type { TestViewer } from '@welfare-hub/subgraph-host/test-support';
import { VIEWER, born, dataOf, hubFixture } from './support/hub-fixture.js';

/** An 8050 household: a 世帯主 of 82 with a 要介護 certification, and their son of 52 with a 身体障害者手帳 and an open 困窮 consultation. */
const ELDER = '0000008001';
const SON = '0000008002';
const HOUSEHOLD = 'S0000008001';

const facts = (f: Partial<SituationFacts>): SituationFacts => ({ periods: [], consultations: [], cases: [], ...f });
const TODAY = new Date().toISOString().slice(0, 10);
const YEAR = new Date().getUTCFullYear();
/** Every sector's facts about each member, as the sectors' stores hold them. */
const HELD: Record<string, Record<string, SituationFacts>> = {
  [ELDER]: { KAIGO: facts({ periods: [{ kind: 'CARE_2', from: `${YEAR - 1}-01-01`, until: `${YEAR + 1}-12-31` }] }) },
  [SON]: {
    SHOGAI: facts({ periods: [{ kind: 'TECHO', from: `${YEAR - 10}-04-01`, until: null }] }),
    KONKYU: facts({ consultations: [{ date: `${YEAR - 1}-06-01`, open: true, text: '就労 収入減' }] }),
  },
};

// The store holds every sector's facts about the household: a hub that read them itself would find the situation for
// anyone. Household.situations must go by what the representation carries.
const fixture = hubFixture({
  analytics: {
    facts: Object.fromEntries(
      ['KAIGO', 'SHOGAI', 'KODOMO', 'KONKYU'].map((sector) => [
        sector,
        async (_db: unknown, ids: readonly string[]) =>
          new Map(ids.flatMap((id) => Object.entries(HELD[id] ?? {}).flatMap(([s, f]) => (s === sector ? [[id, f] as const] : [])))),
      ]),
    ),
  },
});

const FIELD = { KAIGO: 'kaigoFacts', SHOGAI: 'shogaiFacts', KODOMO: 'kodomoFacts', KONKYU: 'konkyuFacts' } as const;
type Sector = keyof typeof FIELD;

/**
 * The household as the gateway sends it for a viewer the sector subgraphs granted `granted` (every member): the
 * facts of those sectors, null for the others (what a sector withholds arrives as null).
 */
function household(granted: readonly Sector[], members = [ELDER, SON]) {
  const person = (id: string, birthDate: string, relationship: string) => ({
    id,
    birthDate,
    relationship,
    ...Object.fromEntries((Object.keys(FIELD) as Sector[]).map((s) => [FIELD[s], granted.includes(s) ? (HELD[id]?.[s] ?? facts({})) : null])),
  });
  const all: Record<string, ReturnType<typeof person>> = { [ELDER]: person(ELDER, born(82), '世帯主'), [SON]: person(SON, born(52), '子') };
  return { __typename: 'Household', id: HOUSEHOLD, members: members.map((id) => all[id]!) };
}

interface Situation {
  kind: string;
  personIds: string[];
  evidence: string[];
  inferred: boolean;
}

async function situations(viewer: TestViewer, representation: Record<string, unknown>, asOf?: string): Promise<Situation[]> {
  const selection = `... on Household { id situations${asOf ? `(asOf: "${asOf}")` : ''} { kind personIds evidence inferred } }`;
  const [entity] = dataOf(await fixture.hub().entities(viewer, [representation], selection))._entities as { situations: Situation[] }[];
  return entity!.situations;
}

describe('Household.situations, with a lawful basis', () => {
  it("shows 8050 to the 障害 desk, resting on the son's 障害 records it sees", async () => {
    expect(await situations(VIEWER.shogai, household(['SHOGAI']))).toEqual([
      { kind: 'EIGHTY_FIFTY', personIds: [ELDER, SON], evidence: ['SHOGAI'], inferred: false },
    ]);
  });

  it('names as evidence only the sectors the viewer sees: 困窮 for the 困窮 desk, every sector for one who sees them all', async () => {
    expect(await situations(VIEWER.konkyu, household(['KONKYU']))).toEqual([
      { kind: 'EIGHTY_FIFTY', personIds: [ELDER, SON], evidence: ['KONKYU'], inferred: false },
    ]);
    expect(await situations(VIEWER.coordinator, household(['KAIGO', 'SHOGAI', 'KODOMO', 'KONKYU']))).toEqual([
      { kind: 'EIGHTY_FIFTY', personIds: [ELDER, SON], evidence: ['SHOGAI', 'KONKYU'], inferred: false },
      { kind: 'MULTI_SECTOR', personIds: [ELDER, SON], evidence: ['KAIGO', 'SHOGAI', 'KONKYU'], inferred: false },
    ]);
  });

  it('goes by the reference date: not before the elder turned 75', async () => {
    expect(await situations(VIEWER.shogai, household(['SHOGAI']), TODAY)).toHaveLength(1);
    expect(await situations(VIEWER.shogai, household(['SHOGAI']), `${YEAR - 8}-06-01`)).toEqual([]);
  });
});

describe('Household.situations, without a basis', () => {
  it("shows nothing to the 介護 centre, which sees the elder's 介護 records but not the son's: as for a household with none", async () => {
    expect(await situations(VIEWER.kaigo, household(['KAIGO']))).toEqual([]);
    expect(await situations(VIEWER.kaigo, household([]))).toEqual([]);
  });

  it('takes a sector left out of the representation as withheld, and a household without members as having none', async () => {
    const withheld = household(['SHOGAI']);
    const bare = { ...withheld, members: withheld.members.map(({ id, birthDate, relationship }) => ({ id, birthDate, relationship })) };
    expect(await situations(VIEWER.shogai, bare)).toEqual([]);
    expect(await situations(VIEWER.shogai, { __typename: 'Household', id: HOUSEHOLD, members: [] })).toEqual([]);
  });

  it('finds no 8050 on the son alone, whatever is granted: it needs the elder in the same 世帯', async () => {
    expect(await situations(VIEWER.coordinator, household(['KAIGO', 'SHOGAI', 'KODOMO', 'KONKYU'], [SON]))).toEqual([
      { kind: 'MULTI_SECTOR', personIds: [SON], evidence: ['SHOGAI', 'KONKYU'], inferred: false },
    ]);
  });
});
