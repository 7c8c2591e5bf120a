// A fifth sector, defined here and nowhere else: its SDL, its table, a source and its facts, registered through the
// composition root (composeHub's `sectors`). The hub composes it into the supergraph, serves it through the gateway
// under the policy (its own sector's staff see it, anyone else gets the absence a denial always is), counts it in
// Household.situations (MULTI_SECTOR) and in the analysts' index, with no file of the hub changed for it.
// The first part registers it in this process (embedded); the second gives the same sector as a module file in
// HUB_SECTOR_MODULES, which every process of either topology loads (one process per part in the multi-process one).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { generateSigningKeys } from '@welfare-hub/context';
import { ALL_ROLES, composeHub, loadConfig, whenReady, type ComposedHub, type HubSectorModule } from '@welfare-hub/launcher';
import { graphql, startHubUnderTest, TEST_SECRET, token, TOPOLOGY, type HubUnderTest } from './support/hub-under-test.js';

type Migration = HubSectorModule['migrations'][number];
interface Consultation {
  id: string;
  date: string;
  category: string;
  status: 'OPEN' | 'CLOSED';
  summary: string | null;
}

/** 教育 (a school social worker's consultations), as a city would add it: everything the hub needs, in one object. */
function kyoikuSector(): HubSectorModule {
  const tables: Migration = class KyoikuTables1900000000000 {
    async up(q: { query(sql: string): Promise<unknown> }): Promise<void> {
      await q.query('CREATE SCHEMA kyoiku');
      await q.query(
        'CREATE TABLE kyoiku.sodan (id text PRIMARY KEY, date date NOT NULL, category text NOT NULL, status text NOT NULL, summary text)',
      );
    }
    async down(q: { query(sql: string): Promise<unknown> }): Promise<void> {
      await q.query('DROP SCHEMA kyoiku CASCADE');
    }
  } as unknown as Migration;
  const read = async (db: DataSource, ids: readonly string[]): Promise<(Consultation & { atena_no: string })[]> =>
    db.query(
      `SELECT l.atena_no, s.id, to_char(s.date, 'YYYY-MM-DD') AS date, s.category, s.status, s.summary
     FROM kyoiku.sodan s JOIN linkage.link l ON l.source = 'kyoiku-sodan' AND l.source_key = s.id AND l.state = 'linked'
     WHERE l.atena_no = ANY($1::text[]) ORDER BY s.id`,
      [ids],
    );
  return {
    info: { code: 'KYOIKU', field: 'kyoiku', subgraph: 'kyoiku', label: '教育', source: 'kyoiku', linkageSources: ['kyoiku-sodan'] },
    sdl: `extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@shareable", "@inaccessible"])
      type KyoikuProfile {
        consultations: [Consultation!]!
      }
      type Person @key(fields: "id") {
        id: ID!
        kyoiku: KyoikuProfile
        kyoikuFacts: SituationFacts @inaccessible
      }`,
    migrations: [tables],
    async profiles(db, ids) {
      const profiles = new Map(ids.map((id) => [id, { consultations: [] as Consultation[] }]));
      for (const { atena_no, ...c } of await read(db, ids)) profiles.get(atena_no)!.consultations.push(c);
      return profiles;
    },
    async facts(db, ids) {
      const facts = new Map(ids.map((id) => [id, { periods: [], consultations: [] as { date: string; open: boolean; text: string }[], cases: [] }]));
      for (const c of await read(db, ids))
        facts.get(c.atena_no)!.consultations.push({ date: c.date, open: c.status === 'OPEN', text: `${c.category} ${c.summary ?? ''}` });
      return facts;
    },
    // Its source: one open consultation, about a resident with an open 困窮 consultation (two sectors: MULTI_SECTOR),
    // linked to them once the 困窮 ledger is read and linked, then the read told to the other parts.
    async source({ db, generations }) {
      let readAt: string | null = null;
      let generation: number | null = null;
      return {
        async start() {
          let person: string | undefined;
          for (let tries = 0; !person && tries < 600; tries++) {
            [person] = (
              (await db.query(
                `SELECT l.atena_no FROM konkyu.consultation c JOIN linkage.link l ON l.source = 'konkyu' AND l.source_key = c.source_key AND l.state = 'linked'
               JOIN juki.person p ON p.atena_no = l.atena_no AND p.resident_status = 1
               WHERE c.state NOT IN ('終結', '中断') AND c.opened_on <= CURRENT_DATE ORDER BY l.atena_no LIMIT 1`,
              )) as { atena_no: string }[]
            ).map((r) => r.atena_no);
            if (!person) await new Promise((resolve) => setTimeout(resolve, 200));
          }
          await db.query(
            `INSERT INTO kyoiku.sodan (id, date, category, status, summary) VALUES ('K-1', '2025-04-10', '不登校', 'OPEN', '家庭訪問を継続')`,
          );
          await db.query(
            `INSERT INTO linkage.link (source, source_key, atena_no, state, method) VALUES ('kyoiku-sodan', 'K-1', $1, 'linked', 'atena')`,
            [person],
          );
          generation = (await generations.record('kyoiku', { changed: true, whole: true })).generation;
          readAt = new Date().toISOString();
        },
        health: async () => ({
          state: readAt ? 'ok' : 'not_read',
          lastReadAt: readAt,
          lastSuccessfulReadAt: readAt,
          recordsRead: readAt ? 1 : 0,
          recordsRejected: 0,
          awaitingLink: 0,
          settled: readAt !== null,
          generation,
        }),
        close: async () => {},
      };
    },
  };
}

const run = TOPOLOGY === 'embedded' ? describe : describe.skip;

/** Ports base … base + count − 1 all free now (other test files and other hubs on this machine take theirs). */
async function freePorts(count: number): Promise<number> {
  const free = (port: number) =>
    new Promise<boolean>((resolve) => {
      const server = createServer()
        .once('error', () => resolve(false))
        .listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
  for (;;) {
    const base = 20000 + Math.floor(Math.random() * 9000) * 2;
    let all = true;
    for (let i = 0; i < count && all; i++) all = await free(base + i);
    if (all) return base;
  }
}

run("a sector registered from outside the hub's tree", () => {
  let hub: ComposedHub;
  let dataDir: string;
  let db: DataSource;
  /** The resident the 教育 consultation is about (one with an open 困窮 consultation: two sectors). */
  let person = '';
  let url = '';
  const admin = () => token({ sub: 'admin-01', org: 'HUB-ADMIN', roles: ['admin'] });

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'hub-extra-sector-'));
    // The gateway, then the subgraphs in port order: the seven, and this sector's on the next port.
    const base = await freePorts(10);
    const env = {
      HUB_JWT_SECRET: TEST_SECRET,
      HUB_PORT: String(base),
      HUB_HOST: '127.0.0.1',
      HUB_SUBGRAPH_PORT_FROM: String(base + 1),
      HUB_DATA_DIR: dataDir,
      HUB_DEMO_RESIDENTS: '3000',
      HUB_LOG: 'silent',
      HUB_DEMO_CASE_HISTORY: 'false',
    };
    hub = await composeHub(loadConfig(env, 'embedded'), [...ALL_ROLES, 'kyoiku'], {
      keys: await generateSigningKeys(),
      sectors: [kyoikuSector()],
    });
    db = hub.store!.dataSource;
    url = hub.url!;
    await whenReady(hub.readyUrl!);
    // Ready: every source settled, the 教育 one too, and the analysts' index built from them.
    const [linked] = await db.query(`SELECT atena_no FROM linkage.link WHERE source = 'kyoiku-sodan'`);
    person = linked.atena_no;
    for (const [id, name, sectors] of [
      ['KYOIKU-SSW', 'スクールソーシャルワーカー', ['KYOIKU']],
      ['KYOIKU-KONKYU', '教育と困窮の窓口', ['KYOIKU', 'KONKYU']],
    ] as const) {
      const registered = await graphql(
        url,
        `
          mutation ($input: OrganisationInput!) {
            registerOrganisation(input: $input) {
              id
            }
          }
        `,
        {
          token: await admin(),
          variables: { input: { id, name, sectors, contact: '000-0000-9999' } },
        },
      );
      expect(registered.errors).toBeUndefined();
      const staff = await graphql(
        url,
        `
          mutation ($input: StaffInput!) {
            registerStaff(input: $input) {
              id
            }
          }
        `,
        {
          token: await admin(),
          variables: { input: { id: `${id.toLowerCase()}-01`, name: '試験 職員', orgId: id } },
        },
      );
      expect(staff.errors).toBeUndefined();
    }
  }, 180_000);
  afterAll(async () => {
    await hub?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('is composed into the supergraph the gateway serves, behind its own subgraph', async () => {
    expect(hub.endpoints.map((e) => e.name)).toEqual(['juki', 'hub', 'shogai', 'konkyu', 'kodomo', 'kaigo', 'cases', 'kyoiku']);
    const answer = await graphql<{ __type: { fields: { name: string }[] } }>(
      url,
      `
        {
          __type(name: "Person") {
            fields {
              name
            }
          }
        }
      `,
      {
        token: await token({ sub: 'kyoiku-ssw-01', org: 'KYOIKU-SSW' }),
      },
    );
    const fields = answer.data?.__type.fields.map((f) => f.name) ?? [];
    expect(fields).toEqual(expect.arrayContaining(['kaigo', 'kyoiku']));
    // Internal like every sector's facts.
    expect(fields).not.toContain('kyoikuFacts');
  });

  const PROFILE = `query ($id: ID!) { person(id: $id) { access { sector status basis }
    kyoiku { consultations { id date category status summary } lead { id } lastInvolvementOn } } }`;
  interface ProfileAnswer {
    person: {
      access: { sector: string; status: string; basis: string | null }[];
      kyoiku: { consultations: unknown[]; lead: { id: string } | null; lastInvolvementOn: string | null } | null;
    };
  }

  it("shows its data to its own sector's staff, on the OWN_SECTOR basis", async () => {
    const answer = await graphql<ProfileAnswer>(url, PROFILE, {
      token: await token({ sub: 'kyoiku-ssw-01', org: 'KYOIKU-SSW' }),
      variables: { id: person },
    });
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.person.kyoiku).toEqual({
      consultations: [{ id: 'K-1', date: '2025-04-10', category: '不登校', status: 'OPEN', summary: '家庭訪問を継続' }],
      lead: { id: 'KYOIKU-KONKYU' },
      lastInvolvementOn: '2025-04-10',
    });
    expect(answer.data!.person.access).toContainEqual({ sector: 'KYOIKU', status: 'GRANTED', basis: 'OWN_SECTOR' });
  });

  it('denies anyone else as the absence a denial always is', async () => {
    const answer = await graphql<ProfileAnswer>(url, PROFILE, {
      token: await token({ sub: 'konkyu-01', org: 'KONKYU-SHAKYO' }),
      variables: { id: person },
    });
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.person.kyoiku).toBeNull();
    expect(answer.data!.person.access).toContainEqual({ sector: 'KYOIKU', status: 'DENIED', basis: null });
  });

  it('shows it on a consent that names it, recorded by its own staff', async () => {
    const kaigo = await token({ sub: 'kaigo-01', org: 'KAIGO-HOKATSU' });
    expect((await graphql<ProfileAnswer>(url, PROFILE, { token: kaigo, variables: { id: person } })).data!.person.kyoiku).toBeNull();
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(new Date());
    const recorded = await graphql<{ recordConsent: { id: string; sectors: string[] } }>(
      url,
      `
        mutation ($i: ConsentInput!) {
          recordConsent(input: $i) {
            id
            sectors
          }
        }
      `,
      {
        token: await token({ sub: 'kyoiku-ssw-01', org: 'KYOIKU-SSW' }),
        variables: {
          i: {
            personId: person,
            sectors: ['KYOIKU'],
            recipientOrgs: ['KAIGO-HOKATSU'],
            purpose: '家庭の支援方針の検討',
            validFrom: today,
            validUntil: `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`.replace('-02-29', '-02-28'),
            method: 'WRITTEN',
            evidence: '同意書 教-1',
          },
        },
      },
    );
    expect(recorded.errors).toBeUndefined();
    expect(recorded.data!.recordConsent.sectors).toEqual(['KYOIKU']);
    const granted = await graphql<ProfileAnswer>(url, PROFILE, { token: kaigo, variables: { id: person } });
    expect(granted.data!.person.kyoiku!.consultations).toHaveLength(1);
    expect(granted.data!.person.access).toContainEqual({ sector: 'KYOIKU', status: 'GRANTED', basis: 'CONSENT' });
  });

  it("records every decision about it in the person's access log (本人開示), granted or not", async () => {
    const officer = await token({ sub: 'privacy-01', org: 'HUB-ADMIN', roles: ['privacy_officer'] });
    const log = await graphql<{ accessLog: { staffId: string; sector: string; status: string }[] }>(
      url,
      `
        query ($p: ID!) {
          accessLog(personId: $p) {
            staffId
            sector
            status
          }
        }
      `,
      { token: officer, variables: { p: person } },
    );
    expect(log.errors).toBeUndefined();
    const kyoiku = log.data!.accessLog.filter((r) => r.sector === 'KYOIKU');
    expect(kyoiku).toContainEqual({ staffId: 'kyoiku-ssw-01', sector: 'KYOIKU', status: 'GRANTED' });
    expect(kyoiku).toContainEqual({ staffId: 'konkyu-01', sector: 'KYOIKU', status: 'DENIED' });
  });

  const SITUATIONS = `query ($id: ID!) { person(id: $id) { household { situations { kind personIds evidence } } } }`;
  type SituationsAnswer = { person: { household: { situations: { kind: string; personIds: string[]; evidence: string[] }[] } } };

  it('counts in Household.situations for a viewer who may see it: MULTI_SECTOR with 困窮', async () => {
    const answer = await graphql<SituationsAnswer>(url, SITUATIONS, {
      token: await token({ sub: 'kyoiku-konkyu-01', org: 'KYOIKU-KONKYU' }),
      variables: { id: person },
    });
    expect(answer.errors).toBeUndefined();
    const multi = answer.data!.person.household.situations.find((s) => s.kind === 'MULTI_SECTOR');
    expect(multi).toMatchObject({ evidence: ['KONKYU', 'KYOIKU'] });
    expect(multi!.personIds).toContain(person);
  });

  it('counts for nothing where the viewer has no basis for it', async () => {
    const answer = await graphql<SituationsAnswer>(url, SITUATIONS, {
      token: await token({ sub: 'konkyu-01', org: 'KONKYU-SHAKYO' }),
      variables: { id: person },
    });
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.person.household.situations.flatMap((s) => s.evidence)).not.toContain('KYOIKU');
  });

  it("is in the analysts' index", async () => {
    const [row] = await db.query(
      `SELECT count(*)::int AS n FROM analytics.household WHERE generation = (SELECT generation FROM analytics.state)
       AND 'KYOIKU' = ANY(sectors) AND 'MULTI_SECTOR' = ANY(kinds)`,
    );
    expect(row.n).toBeGreaterThanOrEqual(1);
  });
});

/** The same 教育 sector as a module file, as a deployment would give it in HUB_SECTOR_MODULES. */
const KYOIKU_MODULE = `
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
export const sector = {
  info: { code: 'KYOIKU', field: 'kyoiku', subgraph: 'kyoiku', label: '教育', source: 'kyoiku', linkageSources: ['kyoiku-sodan'] },
  sdl: \`extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@shareable", "@inaccessible"])
    type KyoikuProfile { consultations: [Consultation!]! }
    type Person @key(fields: "id") { id: ID! kyoiku: KyoikuProfile kyoikuFacts: SituationFacts @inaccessible }\`,
  migrations: [class KyoikuTables1900000000000 {
    async up(q) {
      await q.query('CREATE SCHEMA kyoiku');
      await q.query('CREATE TABLE kyoiku.sodan (id text PRIMARY KEY, date date NOT NULL, category text NOT NULL, status text NOT NULL, summary text)');
    }
    async down(q) { await q.query('DROP SCHEMA kyoiku CASCADE'); }
  }],
  async profiles(db, ids) {
    const profiles = new Map(ids.map((id) => [id, { consultations: [] }]));
    for (const { atena_no, ...c } of await read(db, ids)) profiles.get(atena_no).consultations.push(c);
    return profiles;
  },
  async facts(db, ids) {
    const facts = new Map(ids.map((id) => [id, { periods: [], consultations: [], cases: [] }]));
    for (const c of await read(db, ids)) facts.get(c.atena_no).consultations.push({ date: c.date, open: c.status === 'OPEN', text: c.category });
    return facts;
  },
  // Its drop folder, given as HUB_SECTOR_KYOIKU_DIR: the consultations it holds are read from there.
  settings: ['DIR'],
  async source({ db, generations, config }) {
    let readAt = null;
    let generation = null;
    return {
      async start() {
        const [c] = JSON.parse(readFileSync(join(config.sectorSettings.KYOIKU.DIR, 'sodan.json'), 'utf8'));
        let person;
        for (let tries = 0; !person && tries < 600; tries++) {
          [person] = (await db.query(\`SELECT l.atena_no FROM konkyu.consultation c
            JOIN linkage.link l ON l.source = 'konkyu' AND l.source_key = c.source_key AND l.state = 'linked'
            JOIN juki.person p ON p.atena_no = l.atena_no AND p.resident_status = 1
            WHERE c.state NOT IN ('終結', '中断') AND c.opened_on <= CURRENT_DATE ORDER BY l.atena_no LIMIT 1\`)).map((r) => r.atena_no);
          if (!person) await new Promise((resolve) => setTimeout(resolve, 200));
        }
        await db.query('INSERT INTO kyoiku.sodan VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING', [c.id, c.date, c.category, c.status, c.summary]);
        await db.query(\`INSERT INTO linkage.link (source, source_key, atena_no, state, method) VALUES ('kyoiku-sodan', $2, $1, 'linked', 'atena')
          ON CONFLICT DO NOTHING\`, [person, c.id]);
        generation = (await generations.record('kyoiku', { changed: true, whole: true })).generation;
        readAt = new Date().toISOString();
      },
      health: async () => ({ state: readAt ? 'ok' : 'not_read', lastReadAt: readAt, lastSuccessfulReadAt: readAt, recordsRead: readAt ? 1 : 0,
        recordsRejected: 0, awaitingLink: 0, settled: readAt !== null, generation }),
      close: async () => {},
    };
  },
};
const read = (db, ids) => db.query(\`SELECT l.atena_no, s.id, to_char(s.date, 'YYYY-MM-DD') AS date, s.category, s.status, s.summary
  FROM kyoiku.sodan s JOIN linkage.link l ON l.source = 'kyoiku-sodan' AND l.source_key = s.id AND l.state = 'linked'
  WHERE l.atena_no = ANY($1::text[]) ORDER BY s.id\`, [ids]);
`;

describe(`a sector given by HUB_SECTOR_MODULES (${TOPOLOGY})`, () => {
  let t: HubUnderTest;
  let dir: string;
  let person = '';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hub-sector-module-'));
    writeFileSync(join(dir, 'kyoiku.mjs'), KYOIKU_MODULE);
    writeFileSync(
      join(dir, 'sodan.json'),
      JSON.stringify([{ id: 'K-1', date: '2025-04-10', category: '不登校', status: 'OPEN', summary: '家庭訪問を継続' }]),
    );
    t = await startHubUnderTest(null, { HUB_SECTOR_MODULES: join(dir, 'kyoiku.mjs'), HUB_SECTOR_KYOIKU_DIR: dir });
    [{ atena_no: person }] = await t.db.query(`SELECT atena_no FROM linkage.link WHERE source = 'kyoiku-sodan'`);
    const admin = await token({ sub: 'admin-01', org: 'HUB-ADMIN', roles: ['admin'] });
    const registered = await graphql(
      t.url,
      `
        mutation {
          registerOrganisation(input: { id: "KYOIKU-KONKYU", name: "教育と困窮の窓口", sectors: [KYOIKU, KONKYU] }) {
            id
          }
        }
      `,
      { token: admin },
    );
    expect(registered.errors).toBeUndefined();
    const staff = await graphql(
      t.url,
      `
        mutation {
          registerStaff(input: { id: "kyoiku-konkyu-01", name: "試験 職員", orgId: "KYOIKU-KONKYU" }) {
            id
          }
        }
      `,
      { token: admin },
    );
    expect(staff.errors).toBeUndefined();
  }, 240_000);
  afterAll(async () => {
    await t?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is served through the gateway under the policy, from a part of its own', async () => {
    const query = `query ($id: ID!) { person(id: $id) { kyoiku { consultations { id status category } } } }`;
    const own = await graphql<{ person: { kyoiku: { consultations: unknown[] } | null } }>(t.url, query, {
      token: await token({ sub: 'kyoiku-konkyu-01', org: 'KYOIKU-KONKYU' }),
      variables: { id: person },
    });
    expect(own.errors).toBeUndefined();
    // What its drop folder (HUB_SECTOR_KYOIKU_DIR, read by every process of the topology) holds.
    expect(own.data!.person.kyoiku).toEqual({ consultations: [{ id: 'K-1', status: 'OPEN', category: '不登校' }] });
    const other = await graphql<{ person: { kyoiku: unknown } }>(t.url, query, {
      token: await token({ sub: 'konkyu-01', org: 'KONKYU-SHAKYO' }),
      variables: { id: person },
    });
    expect(other.errors).toBeUndefined();
    expect(other.data!.person.kyoiku).toBeNull();
  });

  it("counts in Household.situations and in the analysts' index", async () => {
    const answer = await graphql<{ person: { household: { situations: { kind: string; evidence: string[] }[] } } }>(
      t.url,
      `
        query ($id: ID!) {
          person(id: $id) {
            household {
              situations {
                kind
                evidence
              }
            }
          }
        }
      `,
      { token: await token({ sub: 'kyoiku-konkyu-01', org: 'KYOIKU-KONKYU' }), variables: { id: person } },
    );
    expect(answer.data!.person.household.situations).toContainEqual({ kind: 'MULTI_SECTOR', evidence: ['KONKYU', 'KYOIKU'] });
    const [row] = await t.db.query(`SELECT count(*)::int AS n FROM analytics.household WHERE generation = (SELECT generation FROM analytics.state)
      AND 'KYOIKU' = ANY(sectors) AND 'MULTI_SECTOR' = ANY(kinds)`);
    expect(row.n).toBeGreaterThanOrEqual(1);
  });
});
