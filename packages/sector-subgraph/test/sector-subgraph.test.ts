// sectorSubgraph itself, with a made-up sector reader in memory: what it adds around any sector's profile (the decision
// first, batching, lead, lastInvolvementOn, sourceReadAt). The real readers are tested per sector (adapters/*/test/sector.test.ts).
import { readFileSync } from 'node:fs';
import { noFacts, type SituationFacts } from '@welfare-hub/situations';
import { Policy } from '@welfare-hub/policy';
import type { Store } from '@welfare-hub/store';
import type { SourceHealth } from '@welfare-hub/subgraph-host';
import { inProcessSubgraph, type InProcessSubgraph } from '@welfare-hub/subgraph-host/test-support';
import { sectorSubgraph } from '../src/index.js';
import { PERSON, VIEWER, sectorStore } from '../test-support/sector-suite.js';

interface Profile {
  certificates: never[];
  supportLevel: string | null;
  services: string[];
  consultations: never[];
}

const health = (lastSuccessfulReadAt: string | null): SourceHealth => ({
  state: 'ok',
  lastReadAt: lastSuccessfulReadAt,
  lastSuccessfulReadAt,
  recordsRead: 1,
  recordsRejected: 0,
  awaitingLink: 0,
});
const person = `... on Person { shogai { services lead { id name contact } lastInvolvementOn sourceReadAt } }`;

// 障害's own SDL: the made-up reader answers the shape of its profile.
const SHOGAI_SDL = readFileSync(new URL('../../../adapters/shogai/schema.graphql', import.meta.url), 'utf8');

let store: Store;
let subgraph: InProcessSubgraph;
/** Every batch of ids the sector was asked to read: what it read, and when. */
const batches: string[][] = [];
let sources: Record<string, SourceHealth> = {};
const facts = new Map<string, SituationFacts>();

beforeAll(async () => {
  store = await sectorStore('SHOGAI');
  subgraph = inProcessSubgraph(
    sectorSubgraph<Profile>({
      name: 'shogai',
      sector: 'SHOGAI',
      field: 'shogai',
      sdl: SHOGAI_SDL,
      db: store.dataSource,
      policy: new Policy(store.dataSource),
      loadProfiles: async (ids) => {
        batches.push([...ids]);
        return new Map(ids.map((id) => [id, { certificates: [], supportLevel: null, services: [`service of ${id}`], consultations: [] }]));
      },
      loadFacts: async (ids) => new Map(ids.flatMap((id) => (facts.has(id) ? [[id, facts.get(id)!] as const] : []))),
      sources: async () => sources,
    }),
  );
}, 120_000);
afterAll(() => store.close());
beforeEach(() => {
  batches.length = 0;
  sources = { a: health('2026-01-02T03:00:00Z'), b: health('2026-01-01T00:00:00Z') };
});

describe('sectorSubgraph', () => {
  it('reads the profiles of one _entities call in one batch, and never those of persons it denies', async () => {
    const result = await subgraph.entities(
      VIEWER.other,
      [PERSON.plain, PERSON.consented, PERSON.inMeeting].map((id) => ({ __typename: 'Person', id })),
      '... on Person { shogai { services } }',
    );
    expect(result.data?._entities).toEqual([{ shogai: null }, { shogai: { services: [`service of ${PERSON.consented}`] } }, { shogai: null }]);
    expect(batches).toEqual([[PERSON.consented]]);
  });

  it("names the organisation holding the sector as lead, and the oldest of its sources' last reads", async () => {
    const result = await subgraph.entities(VIEWER.own, [{ __typename: 'Person', id: PERSON.plain }], person);
    expect(result.data?._entities).toEqual([
      {
        shogai: {
          services: [`service of ${PERSON.plain}`],
          lead: { id: 'OWN', name: '担当課', contact: null },
          lastInvolvementOn: null,
          sourceReadAt: '2026-01-01T00:00:00.000Z',
        },
      },
    ]);
  });

  it('gives no sourceReadAt while any of its sources has never been read', async () => {
    sources = { ...sources, c: health(null) };
    const result = await subgraph.entities(VIEWER.own, [{ __typename: 'Person', id: PERSON.plain }], '... on Person { shogai { sourceReadAt } }');
    expect(result.data?._entities).toEqual([{ shogai: { sourceReadAt: null } }]);
  });

  it('dates the last involvement by the latest date of the facts up to today, a future one ignored', async () => {
    facts.set(PERSON.noRecord, {
      ...noFacts(),
      periods: [{ kind: 'TECHO', from: '2020-04-01', until: null }],
      consultations: [
        { date: '2024-12-24', open: true, text: '' },
        { date: '2999-01-01', open: true, text: '' },
      ],
    });
    const result = await subgraph.entities(
      VIEWER.own,
      [{ __typename: 'Person', id: PERSON.noRecord }],
      '... on Person { shogai { lastInvolvementOn } }',
    );
    expect(result.data?._entities).toEqual([{ shogai: { lastInvolvementOn: '2024-12-24' } }]);
  });

  it("gives the situation facts on the profile's basis only", async () => {
    facts.set(PERSON.plain, { ...noFacts(), consultations: [{ date: '2025-01-01', open: false, text: '相談' }] });
    const query = '... on Person { shogaiFacts { consultations { date open text } } }';
    const own = await subgraph.entities(VIEWER.own, [{ __typename: 'Person', id: PERSON.plain }], query);
    const other = await subgraph.entities(VIEWER.other, [{ __typename: 'Person', id: PERSON.plain }], query);
    expect(own.data?._entities).toEqual([{ shogaiFacts: { consultations: [{ date: '2025-01-01', open: false, text: '相談' }] } }]);
    expect(other.data?._entities).toEqual([{ shogaiFacts: null }]);
  });
});
