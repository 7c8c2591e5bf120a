// The hub subgraph in process (no HTTP, no signing) on a store of its own, for the tests of its modules beside their
// providers. Everything goes through GraphQL operations on the subgraph's schema, as the gateway's would: the tests
// hold whatever the resolvers, providers or SQL behind them become. The fixture's rows are written with SQL, as the
// ingest and an admin would have left them.
import type { DataSource } from 'typeorm';
import type { ExecutionResult } from 'graphql';
import { openTestStore, type Store } from '@welfare-hub/store';
import { auditMigrations, type AuditKeeper } from '@welfare-hub/audit';
import { linkageMigrations } from '@welfare-hub/linkage';
import { jukiMigrations } from '@welfare-hub/adapter-juki';
import { Policy } from '@welfare-hub/policy';
import { inProcessSubgraph, type InProcessSubgraph, type TestViewer } from '@welfare-hub/subgraph-host/test-support';
import { hubMigrations, hubSubgraph } from '../../src/index.js';

/** 宛名番号 of the fixture's residents. */
export const PERSON = {
  adult: '0000000201',
  other: '0000000202',
  /** Eight years old: below the age from which a person consents themselves (15 here). */
  child: '0000000203',
} as const;

/** Who asks. Their organisations and sectors are in hub.organisation, as the policy reads them. */
export const VIEWER = {
  kaigo: { staffId: 'kaigo-1', orgId: 'KAIGO-HOKATSU' },
  shogai: { staffId: 'shogai-1', orgId: 'SHOGAI-KA' },
  konkyu: { staffId: 'konkyu-1', orgId: 'KONKYU-SHAKYO' },
  /** 民生委員: registered, outside welfare. */
  minsei: { staffId: 'minsei-1', orgId: 'MINSEI' },
  coordinator: { staffId: 'coord-1', orgId: 'FUKUSHI-SOMU', roles: ['coordinator'] },
  privacyOfficer: { staffId: 'po-1', orgId: 'FUKUSHI-SOMU', roles: ['privacy_officer'] },
  admin: { staffId: 'admin-1', orgId: 'FUKUSHI-SOMU', roles: ['admin'] },
  analyst: { staffId: 'kaigo-1', orgId: 'KAIGO-HOKATSU', roles: ['analyst'] },
  /** A token whose staff id the register does not know. */
  unregistered: { staffId: 'nobody', orgId: 'KAIGO-HOKATSU' },
} satisfies Record<string, TestViewer>;

async function seed(db: DataSource): Promise<void> {
  await db.query(
    `INSERT INTO hub.organisation (id, name, sectors, outside_welfare) VALUES
       ('KAIGO-HOKATSU', '地域包括支援センター', '{KAIGO}', false), ('SHOGAI-KA', '障害福祉課', '{SHOGAI}', false),
       ('KONKYU-SHAKYO', '社会福祉協議会', '{KONKYU}', false), ('FUKUSHI-SOMU', '福祉総務課', '{}', false), ('MINSEI', '民生委員協議会', '{}', true)`,
  );
  await db.query(
    `INSERT INTO hub.staff (id, org_id, name) VALUES ('kaigo-1', 'KAIGO-HOKATSU', '甲'), ('shogai-1', 'SHOGAI-KA', '乙'), ('konkyu-1', 'KONKYU-SHAKYO', '丙'),
       ('minsei-1', 'MINSEI', '丁'), ('coord-1', 'FUKUSHI-SOMU', '戊'), ('po-1', 'FUKUSHI-SOMU', '己'), ('admin-1', 'FUKUSHI-SOMU', '庚')`,
  );
  const born = (years: number): string => `${new Date().getUTCFullYear() - years}-01-01`;
  const residents: [string, string, string][] = [
    [PERSON.adult, '01', born(56)],
    [PERSON.other, '01', born(40)],
    [PERSON.child, '04', born(8)],
  ];
  let position = 0;
  for (const [atenaNo, relationship, birthDate] of residents) {
    await db.query(
      `INSERT INTO juki.person (atena_no, setai_no, relationship_code, name, name_kana, kana_key, birth_date, sex, district, address,
         resident_status, change_date, change_reason, updated_at, source_file, source_position)
       VALUES ($1, $2, $3, '福祉 太郎', 'フクシ タロウ', 'フクシタロウ', $4, 'MALE', '中央', '福祉市中央1-1', 1, '2020-01-01', '転入', now(), 'test', $5)`,
      [atenaNo, `S${atenaNo}`, relationship, birthDate, ++position],
    );
  }
}

export interface HubFixture {
  db(): DataSource;
  hub(): InProcessSubgraph;
}

/**
 * Opens a store with the hub's tables and the fixture's rows before the file's tests, closes it after. The audit keeper
 * and the analytics index are not part of these modules: they are left out, and a test that reached them would fail.
 */
export function hubFixture(): HubFixture {
  let store: Store;
  let hub: InProcessSubgraph;
  beforeAll(async () => {
    store = await openTestStore({ migrations: [...auditMigrations, ...hubMigrations, ...jukiMigrations, ...linkageMigrations] });
    await seed(store.dataSource);
    const unused = new Proxy(
      {},
      {
        get: (_, key) => {
          throw new Error(`not part of this test: ${String(key)}`);
        },
      },
    );
    const analytics = unused as Parameters<typeof hubSubgraph>[0]['analytics'];
    hub = inProcessSubgraph(
      hubSubgraph({ db: store.dataSource, policy: new Policy(store.dataSource), keeper: unused as AuditKeeper, analytics, consentOwnAge: 15 }),
    );
  }, 120_000);
  afterAll(() => store.close());
  return { db: () => store.dataSource, hub: () => hub };
}

/** The data of a result that must have no error. */
export function dataOf<T>(result: ExecutionResult<T>): T {
  expect(result.errors).toBeUndefined();
  return result.data!;
}

/** The code (FORBIDDEN, BAD_USER_INPUT) and field of the one error of a refused operation, and that it gave no data. */
export function refusal(result: ExecutionResult): { code: unknown; field?: unknown } {
  expect(result.errors).toHaveLength(1);
  const { code, field } = result.errors![0]!.extensions as { code?: unknown; field?: unknown };
  return field === undefined ? { code } : { code, field };
}
