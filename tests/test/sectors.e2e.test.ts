import { Linker } from '@welfare-hub/linkage';
import { graphql, startHubUnderTest, token, type GraphQLAnswer, type HubUnderTest } from './support/hub-under-test.js';

interface PersonAnswer {
  person: {
    id: string;
    access: { sector: string; status: string; basis: string | null; reference: string | null }[];
    shogai: { certificates: { type: string; grade: string }[]; services: string[]; consultations: { id: string }[] } | null;
  } | null;
}

const PERSON = `query ($id: ID!) { person(id: $id) { id access { sector status basis reference }
  shogai { certificates { type grade validUntil } supportLevel services consultations { id date category status summary } } } }`;

describe('sector data through the gateway, on the OWN_SECTOR basis', () => {
  let t: HubUnderTest;
  let withRecord: string;
  let withoutRecord: string;

  beforeAll(async () => {
    // Big enough that the exports hold records only a person can link.
    t = await startHubUnderTest(null, { HUB_DEMO_RESIDENTS: '3000' });
    const [linked] = await t.db.query(
      `SELECT atena_no FROM linkage.link WHERE source = 'shogai-techo' AND state = 'linked' ORDER BY atena_no LIMIT 1`,
    );
    withRecord = linked.atena_no;
    const [other] = await t.db.query(
      `SELECT atena_no FROM juki.person p WHERE resident_status = 1
       AND NOT EXISTS (SELECT 1 FROM linkage.link l WHERE l.atena_no = p.atena_no) ORDER BY atena_no LIMIT 1`,
    );
    withoutRecord = other.atena_no;
  }, 120_000);
  afterAll(() => t.stop());

  it('shows 障害 data to staff of an organisation holding SHOGAI, with its basis', async () => {
    const answer = await graphql<PersonAnswer>(t.url, PERSON, {
      token: await token({ sub: 'shogai-01', org: 'SHOGAI-SODAN' }),
      variables: { id: withRecord },
    });
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.person!.shogai!.certificates.length).toBeGreaterThan(0);
    expect(answer.data!.person!.access).toEqual([
      { sector: 'KAIGO', status: 'DENIED', basis: null, reference: null },
      { sector: 'SHOGAI', status: 'GRANTED', basis: 'OWN_SECTOR', reference: null },
      { sector: 'KODOMO', status: 'DENIED', basis: null, reference: null },
      { sector: 'KONKYU', status: 'DENIED', basis: null, reference: null },
    ]);
  });

  it('tells a viewer with a basis whom to call, when the sector last saw the person, and how fresh that is', async () => {
    const answer = await graphql<{
      person: { shogai: { lead: { id: string; contact: string | null } | null; lastInvolvementOn: string | null; sourceReadAt: string | null } };
    }>(
      t.url,
      `
        query ($id: ID!) {
          person(id: $id) {
            shogai {
              lead {
                id
                name
                contact
              }
              lastInvolvementOn
              sourceReadAt
            }
          }
        }
      `,
      { token: await token({ sub: 'shogai-01', org: 'SHOGAI-SODAN' }), variables: { id: withRecord } },
    );
    expect(answer.errors).toBeUndefined();
    const { lead, lastInvolvementOn, sourceReadAt } = answer.data!.person.shogai;
    expect(lead).toMatchObject({ id: 'SHOGAI-SODAN', contact: '000-0000-1002' });
    expect(lastInvolvementOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Date.parse(sourceReadAt!)).toBeGreaterThan(Date.now() - 10 * 60_000);
  });

  it('gives an empty profile, not a null, to a viewer with a basis when the sector holds nothing', async () => {
    const answer = await graphql<PersonAnswer>(t.url, PERSON, {
      token: await token({ sub: 'shogai-01', org: 'SHOGAI-SODAN' }),
      variables: { id: withoutRecord },
    });
    expect(answer.data!.person!.shogai).toEqual({ certificates: [], supportLevel: null, services: [], consultations: [] });
  });

  it('answers a viewer without a basis the same, byte for byte, whether or not the sector holds a record', async () => {
    const kaigo = await token({ sub: 'kaigo-01', org: 'KAIGO-HOKATSU' });
    const strip = (a: GraphQLAnswer<PersonAnswer>) => ({ ...a, data: { person: { ...a.data!.person!, id: 'X' } } });
    const a = await graphql<PersonAnswer>(t.url, PERSON, { token: kaigo, variables: { id: withRecord } });
    const b = await graphql<PersonAnswer>(t.url, PERSON, { token: kaigo, variables: { id: withoutRecord } });
    expect(a.data!.person!.shogai).toBeNull();
    expect(JSON.stringify(strip(a))).toBe(JSON.stringify(strip(b)));
  });

  it('shows 困窮 consultations to staff of the 社協, and nothing of them to 障害 staff', async () => {
    const [linked] = await t.db.query(`SELECT atena_no FROM linkage.link WHERE source = 'konkyu' AND state = 'linked' ORDER BY atena_no LIMIT 1`);
    const query = `query ($id: ID!) { person(id: $id) { konkyu { consultations { id date category status } } } }`;
    const konkyu = await graphql<{ person: { konkyu: { consultations: { id: string; category: string }[] } | null } }>(t.url, query, {
      token: await token({ sub: 'konkyu-01', org: 'KONKYU-SHAKYO' }),
      variables: { id: linked.atena_no },
    });
    expect(konkyu.data!.person.konkyu!.consultations.length).toBeGreaterThan(0);
    expect(konkyu.data!.person.konkyu!.consultations[0]!.id).toMatch(/^R\d+-\d{4}$/);
    const other = await graphql<{ person: { konkyu: unknown } }>(t.url, query, {
      token: await token({ sub: 'shogai-01', org: 'SHOGAI-SODAN' }),
      variables: { id: linked.atena_no },
    });
    expect(other.errors).toBeUndefined();
    expect(other.data!.person.konkyu).toBeNull();
  });

  it("shows the こども家庭センター's cases, read through its API, to its staff only", async () => {
    const [linked] = await t.db.query(
      `SELECT atena_no FROM linkage.link WHERE source = 'kodomo-case' AND state = 'linked' ORDER BY atena_no LIMIT 1`,
    );
    const query = `query ($id: ID!) { person(id: $id) { kodomo { cases { id category status openedOn closedOn youngCarerConcern } } } }`;
    const staff = await graphql<{ person: { kodomo: { cases: { id: string }[] } | null } }>(t.url, query, {
      token: await token({ sub: 'kodomo-01', org: 'KODOMO-CENTER' }),
      variables: { id: linked.atena_no },
    });
    expect(staff.data!.person.kodomo!.cases[0]!.id).toMatch(/^K\d{4}-\d{6}$/);
    const other = await graphql<{ person: { kodomo: unknown } }>(t.url, query, {
      token: await token({ sub: 'konkyu-01', org: 'KONKYU-SHAKYO' }),
      variables: { id: linked.atena_no },
    });
    expect(other.data!.person.kodomo).toBeNull();
  });

  it('shows 介護 certification and consultations from the vendor database to the 地域包括 only', async () => {
    const [linked] = await t.db.query(
      `SELECT l.atena_no FROM linkage.link l JOIN kaigo.nintei n ON n.no = l.source_key
       WHERE l.source = 'kaigo-hihokensha' AND l.state = 'linked' AND n.valid_from <= current_date AND n.valid_until >= current_date
       ORDER BY l.atena_no LIMIT 1`,
    );
    const query = `query ($id: ID!) { person(id: $id) { kaigo { insuredNumber careLevel careLevelValidUntil consultations { id category } } } }`;
    const staff = await graphql<{ person: { kaigo: { insuredNumber: string; careLevel: string } | null } }>(t.url, query, {
      token: await token({ sub: 'kaigo-01', org: 'KAIGO-HOKATSU' }),
      variables: { id: linked.atena_no },
    });
    expect(staff.errors).toBeUndefined();
    expect(staff.data!.person.kaigo!.insuredNumber).toMatch(/^\d{10}$/);
    expect(staff.data!.person.kaigo!.careLevel).toMatch(/^(SUPPORT|CARE)_\d$/);
    const other = await graphql<{ person: { kaigo: unknown } }>(t.url, query, {
      token: await token({ sub: 'kodomo-01', org: 'KODOMO-CENTER' }),
      variables: { id: linked.atena_no },
    });
    expect(other.data!.person.kaigo).toBeNull();
  });

  it('reports the shogai source read, with its linkage queue, in readiness', async () => {
    const body = (await (await fetch(t.readyUrl)).json()) as {
      sources: Record<string, { state: string; recordsRead: number; awaitingLink: number }>;
    };
    expect(body.sources['shogai']).toMatchObject({ state: 'ok' });
    expect(body.sources['shogai']!.recordsRead).toBeGreaterThan(0);
    expect(body.sources['shogai']!.awaitingLink).toBeGreaterThanOrEqual(0);
    for (const source of ['konkyu', 'kodomo', 'kaigo']) expect(body.sources[source]).toMatchObject({ state: 'ok' });
  });

  describe('the confirmation queue', () => {
    const QUEUE = `{ linkageQueue(sector: SHOGAI, limit: 500) { source sourceKey state candidates { personId score agreed disagreed } } }`;
    const CONFIRM = `mutation ($s: String!, $k: ID!, $p: ID!) { confirmLink(source: $s, sourceKey: $k, personId: $p) }`;

    it('is for staff of the sector only', async () => {
      for (const claims of [
        { sub: 'kaigo-01', org: 'KAIGO-HOKATSU' },
        { sub: 'admin-01', org: 'HUB-ADMIN', roles: ['admin'] },
      ]) {
        const answer = await graphql(t.url, QUEUE, { token: await token(claims) });
        expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      }
    });

    it('lists waiting records with scored candidates, and a confirmation links the record for good', async () => {
      const staff = await token({ sub: 'shogai-01', org: 'SHOGAI-SODAN' });
      const queue = await graphql<{
        linkageQueue: { source: string; sourceKey: string; state: string; candidates: { personId: string; score: number; agreed: string[] }[] }[];
      }>(t.url, QUEUE, { token: staff });
      expect(queue.errors).toBeUndefined();
      const waiting = queue.data!.linkageQueue.find((e) => e.state === 'QUEUED');
      expect(waiting).toBeDefined();
      const best = waiting!.candidates[0]!;
      expect(best.score).toBeGreaterThan(0);
      const confirmed = await graphql(t.url, CONFIRM, { token: staff, variables: { s: waiting!.source, k: waiting!.sourceKey, p: best.personId } });
      expect(confirmed.data).toEqual({ confirmLink: true });

      // The next read of the source links it the same way, whatever the matching says.
      const relinked = await new Linker(t.db, waiting!.source).link([
        { sourceKey: waiting!.sourceKey, nameKana: 'ダレデモナイ', birthDate: '1900-01-01' },
      ]);
      expect(relinked.get(waiting!.sourceKey)).toMatchObject({ state: 'linked', atenaNo: best.personId, method: 'confirmed' });
    });
  });

  // Last: it stops a subgraph.
  it('loses only the fields of a sector whose subgraph does not answer, says where, and derives situations from the rest', async () => {
    const query = `query ($id: ID!) { person(id: $id) { name household { id } kodomo { cases { id } } } }`;
    const kodomo = await token({ sub: 'kodomo-01', org: 'KODOMO-CENTER' });
    const kaigo = await token({ sub: 'kaigo-01', org: 'KAIGO-HOKATSU' });
    const [{ setai_no: setaiNo }] = await t.db.query(`SELECT setai_no FROM juki.person WHERE atena_no = $1`, [withRecord]);
    const view = `query ($h: ID!) { household(id: $h) { members { id kaigo { careLevel } kodomo { cases { id } } } situations { kind personIds evidence } } }`;
    const before = await graphql<{ household: { situations: unknown[] } }>(t.url, view, { token: kaigo, variables: { h: setaiNo } });
    expect(before.errors).toBeUndefined();

    await t.suspendPart('kodomo');
    const answer = await graphql<{ person: { name: string; household: { id: string }; kodomo: unknown } }>(t.url, query, {
      token: kodomo,
      variables: { id: withRecord },
    });
    expect(answer.data!.person.name.length).toBeGreaterThan(0);
    expect(answer.data!.person.household.id).toMatch(/^\d{10}$/);
    expect(answer.data!.person.kodomo).toBeNull();
    expect(answer.errors?.map((e) => [e.extensions?.code, e.extensions?.sector, e.path])).toEqual([
      ['SECTOR_UNAVAILABLE', 'KODOMO', ['person', 'kodomo']],
    ]);
    expect(JSON.stringify(answer.errors)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|\d{10}/);

    // The household view stands: situations from the sectors that answered (kodomo is not this viewer's anyway, so
    // they are what they were), and one error per member's kodomo field, each with its path, none about internals.
    const during = await graphql<{ household: { members: { id: string; kodomo: unknown }[]; situations: unknown[] } }>(t.url, view, {
      token: kaigo,
      variables: { h: setaiNo },
    });
    expect(during.data!.household.situations).toEqual(before.data!.household.situations);
    const members = during.data!.household.members;
    expect(members.every((m) => m.kodomo === null)).toBe(true);
    expect(during.errors!.map((e) => e.extensions?.code)).toEqual(members.map(() => 'SECTOR_UNAVAILABLE'));
    expect(during.errors!.map((e) => e.path).sort()).toEqual(members.map((_, i) => ['household', 'members', i, 'kodomo']).sort());
    expect(JSON.stringify(during.errors)).not.toMatch(/Facts|INTERNAL/);
  }, 60_000);
});
