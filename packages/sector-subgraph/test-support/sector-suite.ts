// The shared grant/deny suite of the four sector subgraphs, run by each one's own test file (adapters/<sector>/test/sector.test.ts).
// Test-only and outside src: it is not built, and uses jest's globals. Each sector says how to make its subgraph, what
// record to seed for a person and which of its fields to ask for; everything else (register, consent, 支援会議) is here.
import type { DataSource, MigrationInterface } from 'typeorm';
import { openTestStore, type Store } from '@welfare-hub/store';
import { auditMigrations } from '@welfare-hub/audit';
import { linkageMigrations } from '@welfare-hub/linkage';
import { jukiMigrations } from '@welfare-hub/adapter-juki';
import { hubMigrations } from '@welfare-hub/subgraph-hub';
import { Policy, SECTORS, type Sector } from '@welfare-hub/policy';
import type { SubgraphDefinition } from '@welfare-hub/subgraph-host';
import { inProcessSubgraph, type InProcessSubgraph, type TestViewer } from '@welfare-hub/subgraph-host/test-support';

export interface SectorSuite<C extends object> {
  sector: Sector;
  /** The Person field the subgraph adds (shogai, kaigo, kodomo, konkyu). */
  field: string;
  /** The adapter's own migrations: the tables its profile reader reads. */
  migrations: (new () => MigrationInterface)[];
  subgraph(deps: { db: DataSource; policy: Policy }): SubgraphDefinition<C>;
  /** Writes one record of the sector about the person, linked to them in linkage.link. */
  seed(db: DataSource, atenaNo: string): Promise<void>;
  /** What to ask of the profile, e.g. `{ consultations { id category } }`. */
  selection: string;
  /** The profile `selection` gives for a person with the seeded record, on a basis that releases it whole. */
  expected: unknown;
  /** The same for a person the sector holds nothing about. */
  empty: unknown;
}

/** 宛名番号 of the persons of the fixture. */
export const PERSON = { consented: '0000000101', inMeeting: '0000000102', plain: '0000000103', noRecord: '0000000104' } as const;

/** The viewers of the fixture: who they are is in hub.staff/hub.organisation, as the policy reads it. */
export const VIEWER = {
  own: { staffId: 'own-1', orgId: 'OWN' },
  other: { staffId: 'other-1', orgId: 'OTHER' },
  member: { staffId: 'member-1', orgId: 'OTHER', meetingId: 'M1' },
  unregistered: { staffId: 'nobody', orgId: 'OWN' },
  analyst: { staffId: 'own-1', orgId: 'OWN', roles: ['analyst'] },
} satisfies Record<string, TestViewer>;

async function seedHub(db: DataSource, sector: Sector): Promise<void> {
  // OTHER holds a sector, just not this one: a welfare organisation with no basis for this sector.
  const otherSector = SECTORS.find((s) => s !== sector)!;
  await db.query(`INSERT INTO hub.organisation (id, name, sectors) VALUES ('OWN', '担当課', $1), ('OTHER', '他課', $2)`, [[sector], [otherSector]]);
  await db.query(`INSERT INTO hub.staff (id, org_id, name) VALUES ('own-1', 'OWN', '甲'), ('other-1', 'OTHER', '乙'), ('member-1', 'OTHER', '丙')`);
  let position = 0;
  for (const atenaNo of Object.values(PERSON)) {
    await db.query(
      `INSERT INTO juki.person (atena_no, setai_no, relationship_code, name, name_kana, kana_key, birth_date, sex, district, address,
         resident_status, change_date, change_reason, updated_at, source_file, source_position)
       VALUES ($1, $2, '01', '福祉 太郎', 'フクシ タロウ', 'フクシタロウ', '1970-01-01', 'MALE', '中央', '福祉市中央1-1', 1, '2020-01-01', '転入', now(), 'test', $3)`,
      [atenaNo, `S${atenaNo}`, ++position],
    );
  }
  // Consent for OTHER, this sector, the consented person only, in its period today.
  await db.query(
    `INSERT INTO hub.consent (id, person_id, sectors, recipient_orgs, purpose, valid_from, valid_until, method, recorded_by, recorded_org)
     VALUES ('C1', $1, $2, '{OTHER}', '支援のため', now()::date - 30, now()::date + 30, 'WRITTEN', 'own-1', 'OWN')`,
    [PERSON.consented, [sector]],
  );
  // An open 支援会議 (SHIEN_KAIGI) with member-1 a FULL member and the meeting person its subject.
  await db.query(
    `INSERT INTO hub.meeting (id, kind, title, opens_at, closes_at, convened_by) VALUES ('M1', 'SHIEN_KAIGI', '支援会議', now() - interval '1 day', now() + interval '1 day', 'own-1')`,
  );
  await db.query(`INSERT INTO hub.meeting_member (meeting_id, staff_id, role) VALUES ('M1', 'member-1', 'FULL')`);
  await db.query(`INSERT INTO hub.meeting_subject (meeting_id, person_id) VALUES ('M1', $1)`, [PERSON.inMeeting]);
}

/** A store with the hub's tables (register, consent, meeting, juki, linkage, audit) and the fixture's rows, for the sector. */
export async function sectorStore(sector: Sector, migrations: (new () => MigrationInterface)[] = []): Promise<Store> {
  const store = await openTestStore({ migrations: [...auditMigrations, ...hubMigrations, ...jukiMigrations, ...linkageMigrations, ...migrations] });
  await seedHub(store.dataSource, sector);
  return store;
}

/** What a sector's own test file gets to add tests of its own on the suite's store and subgraph (set in beforeAll). */
export interface SectorFixture {
  db(): DataSource;
  subgraph(): InProcessSubgraph;
  /** The person's profile (`selection` of the field) as the viewer gets it; fails the test on any GraphQL error. */
  profileOf(viewer: TestViewer, atenaNo: string, selection?: string): Promise<unknown>;
}

export function sectorSubgraphSuite<C extends object>(suite: SectorSuite<C>): SectorFixture {
  let store: Store;
  let subgraph: InProcessSubgraph;
  const profileOf = async (viewer: TestViewer, atenaNo: string, selection = suite.selection): Promise<unknown> => {
    const result = await subgraph.entities(viewer, [{ __typename: 'Person', id: atenaNo }], `... on Person { ${suite.field} ${selection} }`);
    expect(result.errors).toBeUndefined();
    return (result.data?._entities[0] as Record<string, unknown>)[suite.field];
  };

  beforeAll(async () => {
    store = await sectorStore(suite.sector, suite.migrations);
    for (const atenaNo of [PERSON.consented, PERSON.inMeeting, PERSON.plain]) await suite.seed(store.dataSource, atenaNo);
    subgraph = inProcessSubgraph(suite.subgraph({ db: store.dataSource, policy: new Policy(store.dataSource) }));
  }, 120_000);
  afterAll(() => store.close());

  describe(`Person.${suite.field} through _entities: granted`, () => {
    it('to staff of the organisation holding the sector', async () => {
      expect(await profileOf(VIEWER.own, PERSON.plain)).toEqual(suite.expected);
    });

    it('to staff of another organisation the person consented to', async () => {
      expect(await profileOf(VIEWER.other, PERSON.consented)).toEqual(suite.expected);
    });

    it('to a FULL member of the 支援会議 the request names, about one of its subjects', async () => {
      expect(await profileOf(VIEWER.member, PERSON.inMeeting)).toEqual(suite.expected);
    });

    it('as an empty profile when the sector holds nothing about the person', async () => {
      expect(await profileOf(VIEWER.own, PERSON.noRecord)).toEqual(suite.empty);
    });

    it('answers a batch of representations in their order, each on its own basis', async () => {
      const result = await subgraph.entities(
        VIEWER.other,
        [PERSON.plain, PERSON.consented].map((id) => ({ __typename: 'Person', id })),
        `... on Person { ${suite.field} ${suite.selection} }`,
      );
      expect(result.data?._entities).toEqual([{ [suite.field]: null }, { [suite.field]: suite.expected }]);
    });
  });

  describe(`Person.${suite.field} through _entities: denied`, () => {
    it.each([
      ['staff of another sector with no basis', VIEWER.other, PERSON.plain],
      ['a meeting member about a person the meeting is not about', VIEWER.member, PERSON.plain],
      ['a meeting member who does not name the meeting', { ...VIEWER.member, meetingId: null }, PERSON.inMeeting],
      ['staff naming a meeting they are not a member of', { ...VIEWER.other, meetingId: 'M1' }, PERSON.inMeeting],
      ['an unregistered staff id under the holding organisation', VIEWER.unregistered, PERSON.plain],
      ['an analyst, even of the holding organisation', VIEWER.analyst, PERSON.plain],
    ])('to %s: null, no error', async (_, viewer, atenaNo) => {
      expect(await profileOf(viewer, atenaNo)).toBeNull();
    });

    it('looks like absence: the same answer whether or not the sector holds a record', async () => {
      const withRecord = await subgraph.entities(
        VIEWER.other,
        [{ __typename: 'Person', id: PERSON.plain }],
        `... on Person { ${suite.field} ${suite.selection} }`,
      );
      const without = await subgraph.entities(
        VIEWER.other,
        [{ __typename: 'Person', id: PERSON.noRecord }],
        `... on Person { ${suite.field} ${suite.selection} }`,
      );
      expect(withRecord).toEqual({ data: { _entities: [{ [suite.field]: null }] } });
      expect(without).toEqual(withRecord);
    });

    it('is written to the audit log, as a grant is', async () => {
      await profileOf({ ...VIEWER.other, requestId: `deny-${suite.field}` }, PERSON.plain);
      await profileOf({ ...VIEWER.own, requestId: `grant-${suite.field}` }, PERSON.plain);
      const rows = await store.dataSource.query(
        `SELECT request_id, person_id, sector, status FROM audit.entry WHERE request_id = ANY($1) ORDER BY request_id`,
        [[`deny-${suite.field}`, `grant-${suite.field}`]],
      );
      expect(rows).toEqual([
        { request_id: `deny-${suite.field}`, person_id: PERSON.plain, sector: suite.sector, status: 'DENIED' },
        { request_id: `grant-${suite.field}`, person_id: PERSON.plain, sector: suite.sector, status: 'GRANTED' },
      ]);
    });
  });
  return { db: () => store.dataSource, subgraph: () => subgraph, profileOf };
}
