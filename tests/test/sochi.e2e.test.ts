import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { Kind, parse, type ObjectTypeDefinitionNode } from 'graphql';
import { encodeCp932 } from '@welfare-hub/codec';
import { encodeJukiRecord, type Person as CityPerson, type SochiTruth } from '@welfare-hub/citygen';
import { graphql, startHubUnderTest, token, type HubUnderTest } from './support/hub-under-test.js';

// 住民基本台帳 支援措置 (DV, stalking, abuse): the address of a protected resident, of their 世帯 and of whoever shares it
// reads ＊＊＊ for everyone without the role protection_officer.
const HOUSEHOLD = `query ($id: ID!) { household(id: $id) { id address district addressWithheld members { id address district addressWithheld household { address } } } }`;
const PERSON = `query ($id: ID!) { person(id: $id) { id nameKana birthDate address district addressWithheld household { id address district } } }`;
const SEARCH = `query ($k: String, $b: Date) { searchPersons(nameKana: $k, birthDate: $b, limit: 100) { id address district addressWithheld } }`;

interface Place {
  address: string;
  district: string;
  addressWithheld: boolean;
}
interface HouseholdAnswer {
  household: (Place & { id: string; members: (Place & { id: string; household: { address: string } })[] }) | null;
}
interface PersonAnswer {
  person: (Place & { id: string; nameKana: string; birthDate: string; household: { id: string; address: string; district: string } }) | null;
}

describe('支援措置 through the gateway', () => {
  let t: HubUnderTest;
  let truth: SochiTruth[];
  let jukiDir: string;
  let caseWorker: string;
  let protectionOfficer: string;
  const byWhy = (why: SochiTruth['why']) => truth.filter((s) => s.why === why);
  const row = async (atenaNo: string): Promise<{ setai_no: string; address: string; district: string }> =>
    (await t.db.query(`SELECT setai_no, address, district FROM juki.person WHERE atena_no = $1`, [atenaNo]))[0];

  beforeAll(async () => {
    t = await startHubUnderTest(null);
    jukiDir = join(t.dataDir, 'demo-city', 'juki');
    truth = JSON.parse(readFileSync(join(t.dataDir, 'demo-city', 'truth', 'sochi.json'), 'utf8')) as SochiTruth[];
    caseWorker = await token({ sub: 'kaigo-01', org: 'KAIGO-HOKATSU' });
    protectionOfficer = await token({ sub: 'privacy-01', org: 'HUB-ADMIN', roles: ['protection_officer'] });
  }, 120_000);
  afterAll(() => t.stop());

  it('masks a DV household with children for a case worker, the household, each member and the way back from a member', async () => {
    const mother = byWhy('dv-household')[0]!;
    const { setai_no: setaiNo } = await row(mother.atenaNo);
    const answer = await graphql<HouseholdAnswer>(t.url, HOUSEHOLD, { token: caseWorker, variables: { id: setaiNo } });
    const household = answer.data!.household!;
    expect(household).toMatchObject({ address: '＊＊＊', district: '＊＊＊', addressWithheld: true });
    expect(household.members.length).toBeGreaterThan(1);
    for (const m of household.members)
      expect(m).toMatchObject({ address: '＊＊＊', district: '＊＊＊', addressWithheld: true, household: { address: '＊＊＊' } });
    const child = household.members.find((m) => m.id !== mother.atenaNo)!;
    const person = (await graphql<PersonAnswer>(t.url, PERSON, { token: caseWorker, variables: { id: child.id } })).data!.person!;
    expect(person).toMatchObject({
      address: '＊＊＊',
      district: '＊＊＊',
      addressWithheld: true,
      household: { address: '＊＊＊', district: '＊＊＊' },
    });
  });

  it('shows the address to a protection officer, still marked as withheld', async () => {
    const mother = byWhy('dv-household')[0]!;
    const stored = await row(mother.atenaNo);
    const person = (await graphql<PersonAnswer>(t.url, PERSON, { token: protectionOfficer, variables: { id: mother.atenaNo } })).data!.person!;
    expect(person).toMatchObject({
      address: stored.address,
      district: stored.district,
      addressWithheld: true,
      household: { address: stored.address },
    });
  });

  it('never lets the address of a protected household out to a viewer without protection_officer, whatever the path (property)', async () => {
    const protectedIds = truth.filter((s) => s.protectedNow && s.why !== 'not-yet-registered').map((s) => s.atenaNo);
    const places = new Map<string, { setai_no: string; address: string; nameKana: string; birthDate: string }>();
    for (const id of protectedIds) {
      const [r] = await t.db.query(
        `SELECT setai_no, address, name_kana AS "nameKana", to_char(birth_date, 'YYYY-MM-DD') AS "birthDate" FROM juki.person WHERE atena_no = $1`,
        [id],
      );
      if (r) places.set(id, r);
    }
    const staff = [
      ['kaigo-01', 'KAIGO-HOKATSU'],
      ['kodomo-01', 'KODOMO-CENTER'],
      ['coord-01', 'JUSOU-SUISHIN'],
      ['privacy-01', 'HUB-ADMIN'],
      ['minsei-01', 'MINSEI-IIN'],
      ['admin-01', 'HUB-ADMIN'],
    ] as const;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...places.keys()),
        fc.constantFrom(...staff),
        fc.subarray(['admin', 'coordinator', 'privacy_officer']),
        fc.constantFrom('person', 'household', 'search', 'member'),
        async (id, [sub, org], roles, path) => {
          const place = places.get(id)!;
          const viewer = await token({ sub, org, roles });
          const [query, variables] =
            path === 'person'
              ? [PERSON, { id }]
              : path === 'household'
                ? [HOUSEHOLD, { id: place.setai_no }]
                : path === 'member'
                  ? [`query ($id: ID!) { person(id: $id) { household { members { address district household { address district } } } } }`, { id }]
                  : [SEARCH, { k: place.nameKana, b: place.birthDate }];
          const body = JSON.stringify(await graphql(t.url, query, { token: viewer, variables }));
          expect(body).not.toContain(place.address);
        },
      ),
      { numRuns: 25 },
    );
  }, 60_000);

  it("leaves everyone else's address as registered", async () => {
    const [other]: { atena_no: string; address: string }[] = await t.db.query(
      `SELECT atena_no, address FROM juki.person p WHERE resident_status = 1 AND NOT EXISTS (
         SELECT 1 FROM juki.person q JOIN juki.sochi s ON s.atena_no = q.atena_no WHERE q.setai_no = p.setai_no OR q.address = p.address)
       ORDER BY atena_no LIMIT 1`,
    );
    const person = (await graphql<PersonAnswer>(t.url, PERSON, { token: caseWorker, variables: { id: other!.atena_no } })).data!.person!;
    expect(person).toMatchObject({ address: other!.address, addressWithheld: false });
  });

  it('finds a protected resident by name and birth date, masked, and by nothing that names an address', async () => {
    const mother = byWhy('dv-household')[0]!;
    const found = (await graphql<PersonAnswer>(t.url, PERSON, { token: caseWorker, variables: { id: mother.atenaNo } })).data!.person!;
    const search = await graphql<{ searchPersons: (Place & { id: string })[] }>(t.url, SEARCH, {
      token: caseWorker,
      variables: { k: found.nameKana, b: found.birthDate },
    });
    expect(search.data!.searchPersons.find((p) => p.id === mother.atenaNo)).toEqual({
      id: mother.atenaNo,
      address: '＊＊＊',
      district: '＊＊＊',
      addressWithheld: true,
    });
    // Every search path of the public graph: no root field takes an address or a district to look by.
    const supergraph = parse(readFileSync(new URL('../../schema/supergraph.graphql', import.meta.url), 'utf8'));
    const query = supergraph.definitions.find(
      (d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === 'Query',
    )!;
    const args = query.fields!.flatMap((f) => (f.arguments ?? []).map((a) => `${f.name.value}.${a.name.value}`));
    expect(args.filter((a) => /address|district|住所|地区/i.test(a))).toEqual([]);
    const byAddress = await graphql(
      t.url,
      `
        query ($a: String) {
          searchPersons(address: $a) {
            id
          }
        }
      `,
      { token: caseWorker, variables: { a: (await row(mother.atenaNo)).address } },
    );
    expect(byAddress.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it("does not tell, in the linkage queue, whether a protected candidate's address agreed", async () => {
    const mother = byWhy('dv-household')[0]!;
    const [other]: { atena_no: string }[] = await t.db.query(
      `SELECT atena_no FROM juki.person p WHERE resident_status = 1 AND NOT EXISTS (SELECT 1 FROM juki.withheld_place w WHERE w.setai_no = p.setai_no OR w.address = p.address) ORDER BY atena_no LIMIT 1`,
    );
    // A 障害 record waiting for a person to confirm who it is about, with two candidates whose addresses agreed.
    await t.db.query(`INSERT INTO linkage.link (source, source_key, state) VALUES ('shogai-jukyusha', '!e2e-sochi', 'queued')`);
    await t.db.query(
      `INSERT INTO linkage.candidate (source, source_key, atena_no, score, agreements) VALUES
         ('shogai-jukyusha', '!e2e-sochi', $1, 12.5, '{"kana": true, "birthDate": true, "address": true}'),
         ('shogai-jukyusha', '!e2e-sochi', $2, 3.5, '{"kana": true, "birthDate": false, "address": true}')`,
      [mother.atenaNo, other!.atena_no],
    );
    const queue = await graphql<{ linkageQueue: { sourceKey: string; candidates: { personId: string; agreed: string[]; disagreed: string[] }[] }[] }>(
      t.url,
      `
        {
          linkageQueue(sector: SHOGAI, limit: 500) {
            sourceKey
            candidates {
              personId
              agreed
              disagreed
            }
          }
        }
      `,
      { token: await token({ sub: 'shogai-01', org: 'SHOGAI-SODAN' }) },
    );
    const entry = queue.data!.linkageQueue.find((e) => e.sourceKey === '!e2e-sochi')!;
    expect(entry.candidates).toEqual([
      { personId: mother.atenaNo, agreed: ['kana', 'birthDate'], disagreed: [] },
      { personId: other!.atena_no, agreed: ['kana', 'address'], disagreed: ['birthDate'] },
    ]);
  });

  it('follows the newest list: a measure lifted or ended no longer protects', async () => {
    for (const s of [...byWhy('lifted'), ...byWhy('ended')]) {
      const stored = await row(s.atenaNo);
      const person = (await graphql<PersonAnswer>(t.url, PERSON, { token: caseWorker, variables: { id: s.atenaNo } })).data!.person!;
      expect(person).toMatchObject({ address: stored.address, addressWithheld: false });
    }
    for (const s of byWhy('added-later')) {
      const person = (await graphql<PersonAnswer>(t.url, PERSON, { token: caseWorker, variables: { id: s.atenaNo } })).data!.person!;
      expect(person.addressWithheld).toBe(true);
    }
    expect(byWhy('lifted').length + byWhy('ended').length + byWhy('added-later').length).toBeGreaterThan(2);
  });

  it('keeps the list in force when a bad one arrives, reports it to administrators, and protects a resident listed before the registry knew them', async () => {
    const admin = await token({ sub: 'admin-01', org: 'HUB-ADMIN', roles: ['admin'] });
    const dates = readdirSync(jukiDir)
      .map((f) => /^JUKI_(?:IDO|FULL)_(\d{8})\.DAT$/.exec(f)?.[1])
      .filter((d): d is string => !!d)
      .sort();
    const next = new Date(`${dates.at(-1)!.slice(0, 4)}-${dates.at(-1)!.slice(4, 6)}-${dates.at(-1)!.slice(6)}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    const day = next.toISOString().slice(0, 10).replaceAll('-', '');
    // A list that names no one, as a file cut after its header would: refused while others are protected.
    writeFileSync(join(jukiDir, `JUKI_SOCHI_${day}.csv`), encodeCp932('宛名番号,措置区分,開始日,終了日,更新日時\r\n'));
    // The resident the list named before the registry knew them arrives by a 転入.
    const [newcomer] = byWhy('not-yet-registered');
    const arrival: CityPerson = {
      atenaNo: newcomer!.atenaNo,
      setaiNo: '0000999999',
      relationship: '01',
      familyName: '転入',
      givenName: '花子',
      familyKana: 'テンニュウ',
      givenKana: 'ハナコ',
      birthDate: '1990-05-05',
      sex: 'FEMALE',
      district: '0101',
      address: '○○市東町９番',
      status: 1,
      changeDate: day,
      changeReason: '01',
      updatedAt: `${day}100000`,
    };
    const trailer = Buffer.from(`9${'1'.padStart(10, '0')}`.padEnd(200, ' '), 'latin1');
    writeFileSync(
      join(jukiDir, `JUKI_IDO_${day}.DAT`),
      Buffer.concat([encodeJukiRecord(arrival), Buffer.from('\r\n'), trailer, Buffer.from('\r\n')]),
    );
    const deadline = Date.now() + 20_000;
    let person: PersonAnswer['person'] = null;
    while (
      Date.now() < deadline &&
      (person = (await graphql<PersonAnswer>(t.url, PERSON, { token: caseWorker, variables: { id: newcomer!.atenaNo } })).data!.person) === null
    ) {
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(person).toMatchObject({ address: '＊＊＊', addressWithheld: true });
    const reads = await graphql<{ sourceReads: { name: string; state: string; problem: string | null }[] }>(
      t.url,
      `
        {
          sourceReads(source: JUKI, limit: 20) {
            name
            state
            problem
          }
        }
      `,
      { token: admin },
    );
    expect(reads.data!.sourceReads.find((r) => r.name === `JUKI_SOCHI_${day}.csv`)).toMatchObject({
      state: 'failed',
      problem: expect.stringContaining('previous list stays in force'),
    });
    const mother = byWhy('dv-household')[0]!;
    expect((await graphql<PersonAnswer>(t.url, PERSON, { token: caseWorker, variables: { id: mother.atenaNo } })).data!.person!.address).toBe(
      '＊＊＊',
    );
  }, 40_000);
});
