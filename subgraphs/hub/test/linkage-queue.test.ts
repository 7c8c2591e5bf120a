// The linkage queue through the hub subgraph's operations: only staff of the sector that holds a source work its
// queue (linking a record shows who it is about), and a decision takes the record off the queue or the person off
// its candidates.
import type { TestViewer } from '@welfare-hub/subgraph-host/test-support';
import { PERSON, VIEWER, dataOf, hubFixture, refusal } from './support/hub-fixture.js';

const fixture = hubFixture();

const QUEUE =
  'query ($sector: Sector!, $limit: Int) { linkageQueue(sector: $sector, limit: $limit) { source sourceKey state candidates { personId score agreed disagreed } } }';
const CONFIRM = 'mutation ($source: String!, $key: ID!, $person: ID!) { confirmLink(source: $source, sourceKey: $key, personId: $person) }';
const REJECT = 'mutation ($source: String!, $key: ID!, $person: ID!) { rejectLink(source: $source, sourceKey: $key, personId: $person) }';

interface Entry {
  source: string;
  sourceKey: string;
  state: string;
  candidates: { personId: string; score: number; agreed: string[]; disagreed: string[] }[];
}

const queue = async (viewer: TestViewer, sector: string): Promise<Entry[]> =>
  dataOf(await fixture.hub().run<{ linkageQueue: Entry[] }>(viewer, QUEUE, { sector })).linkageQueue;

beforeAll(async () => {
  // What the linker left: two 障害 records short of a sure match, one with no candidate at all, and a 介護 one.
  const db = fixture.db();
  await db.query(
    `INSERT INTO linkage.link (source, source_key, atena_no, state) VALUES
       ('shogai-techo', 'T-1', NULL, 'queued'), ('shogai-techo', 'T-2', NULL, 'queued'), ('shogai-sodan', 'S-1', NULL, 'unmatched'),
       ('kaigo-hihokensha', 'H-1', NULL, 'queued'), ('shogai-techo', 'T-9', $1, 'linked')`,
    [PERSON.other],
  );
  const agreements = JSON.stringify({ name: true, birthDate: true, address: false });
  await db.query(
    `INSERT INTO linkage.candidate (source, source_key, atena_no, score, agreements) VALUES
       ('shogai-techo', 'T-1', $1, 0.8, $3), ('shogai-techo', 'T-1', $2, 0.6, $3), ('shogai-techo', 'T-2', $1, 0.7, $3), ('kaigo-hihokensha', 'H-1', $1, 0.9, $3)`,
    [PERSON.adult, PERSON.other, agreements],
  );
});

describe('linkageQueue', () => {
  it("shows staff of the sector its sources' records not yet linked, candidates best first, with what agreed", async () => {
    const entries = await queue(VIEWER.shogai, 'SHOGAI');
    expect(entries.map((e) => [e.source, e.sourceKey, e.state])).toEqual([
      ['shogai-techo', 'T-1', 'QUEUED'],
      ['shogai-techo', 'T-2', 'QUEUED'],
      ['shogai-sodan', 'S-1', 'UNMATCHED'],
    ]);
    expect(entries[0]!.candidates).toEqual([
      { personId: PERSON.adult, score: expect.closeTo(0.8, 5), agreed: ['name', 'birthDate'], disagreed: ['address'] },
      { personId: PERSON.other, score: expect.closeTo(0.6, 5), agreed: ['name', 'birthDate'], disagreed: ['address'] },
    ]);
    expect(entries[2]!.candidates).toEqual([]);
  });

  it('is refused to staff of an organisation not holding the sector, an analyst of one that does, and an unregistered token', async () => {
    const refused = async (viewer: TestViewer) => refusal(await fixture.hub().run(viewer, QUEUE, { sector: 'SHOGAI' }));
    expect(await refused(VIEWER.kaigo)).toEqual({ code: 'FORBIDDEN' });
    expect(await refused(VIEWER.coordinator)).toEqual({ code: 'FORBIDDEN' });
    expect(await refused({ ...VIEWER.shogai, roles: ['analyst'] })).toEqual({ code: 'FORBIDDEN' });
    expect(await refused({ staffId: 'nobody', orgId: 'SHOGAI-KA' })).toEqual({ code: 'FORBIDDEN' });
  });

  it('keeps each sector to its own sources', async () => {
    expect((await queue(VIEWER.kaigo, 'KAIGO')).map((e) => e.sourceKey)).toEqual(['H-1']);
  });

  it('refuses a limit out of bounds', async () => {
    expect(refusal(await fixture.hub().run(VIEWER.shogai, QUEUE, { sector: 'SHOGAI', limit: 0 }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'limit',
    });
  });
});

describe('confirmLink and rejectLink', () => {
  const decide = (viewer: TestViewer, mutation: string, key: string, person: string, source = 'shogai-techo') =>
    fixture.hub().run(viewer, mutation, { source, key, person });

  it("a rejected candidate leaves the record's candidates, the record stays queued", async () => {
    expect(dataOf(await decide(VIEWER.shogai, REJECT, 'T-1', PERSON.other))).toEqual({ rejectLink: true });
    const t1 = (await queue(VIEWER.shogai, 'SHOGAI')).find((e) => e.sourceKey === 'T-1')!;
    expect(t1.candidates.map((c) => c.personId)).toEqual([PERSON.adult]);
  });

  it('a confirmed link takes the record off the queue', async () => {
    expect(dataOf(await decide(VIEWER.shogai, CONFIRM, 'T-2', PERSON.adult))).toEqual({ confirmLink: true });
    expect((await queue(VIEWER.shogai, 'SHOGAI')).map((e) => e.sourceKey)).not.toContain('T-2');
  });

  it('is refused to staff of another sector, and leaves the queue as it was', async () => {
    expect(refusal(await decide(VIEWER.kaigo, CONFIRM, 'T-1', PERSON.adult))).toEqual({ code: 'FORBIDDEN' });
    expect(refusal(await decide(VIEWER.shogai, CONFIRM, 'H-1', PERSON.adult, 'kaigo-hihokensha'))).toEqual({ code: 'FORBIDDEN' });
    expect((await queue(VIEWER.shogai, 'SHOGAI')).map((e) => e.sourceKey)).toContain('T-1');
    expect((await queue(VIEWER.kaigo, 'KAIGO')).map((e) => e.sourceKey)).toEqual(['H-1']);
  });

  it('refuses a source the hub does not link', async () => {
    expect(refusal(await decide(VIEWER.shogai, CONFIRM, 'T-1', PERSON.adult, 'juki'))).toEqual({ code: 'BAD_USER_INPUT', field: 'source' });
  });
});

describe('a resident under 支援措置 (DV等支援措置)', () => {
  beforeAll(async () => {
    // The place juki's 支援措置 store derives from the list: the adult's 世帯 and address are withheld.
    const db = fixture.db();
    await db.query(`UPDATE juki.person SET address = '福祉市東2-3' WHERE atena_no = $1`, [PERSON.adult]);
    await db.query(`INSERT INTO juki.withheld_place (atena_no, setai_no, address) VALUES ($1, $2, '福祉市東2-3')`, [
      PERSON.adult,
      `S${PERSON.adult}`,
    ]);
    await db.query(
      `INSERT INTO linkage.candidate (source, source_key, atena_no, score, agreements) VALUES ('kaigo-hihokensha', 'H-1', $1, 0.5, $2)`,
      [PERSON.other, JSON.stringify({ name: true, birthDate: true, address: false })],
    );
  });

  it('is a candidate without a word on the address: whether a record agrees with it would tell where they live', async () => {
    const [h1] = await queue(VIEWER.kaigo, 'KAIGO');
    expect(h1!.candidates.map((c) => [c.personId, c.agreed, c.disagreed])).toEqual([
      [PERSON.adult, ['name', 'birthDate'], []],
      [PERSON.other, ['name', 'birthDate'], ['address']],
    ]);
  });
});
