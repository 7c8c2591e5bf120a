// The hub subgraph in process (no HTTP, no signing) on a store of its own, for the tests of its modules beside their
// providers. Everything goes through GraphQL operations on the subgraph's schema, as the gateway's would: the tests
// hold whatever the resolvers, providers or SQL behind them become. The fixture's rows are written with SQL, as the
// ingest and an admin would have left them.
import type { DataSource } from 'typeorm';
import type { ExecutionResult } from 'graphql';
import { openTestStore, type Store } from '@welfare-hub/store';
import { AuditKeeper, auditMigrations, generateAuditSigningKey } from '@welfare-hub/audit';
import { DEFAULT_SUPPRESSION_THRESHOLD, analyticsMigrations, buildIndex, storeIndexSources, type FactsReader } from '@welfare-hub/analytics';
import { DEFAULT_THRESHOLDS } from '@welfare-hub/situations';
import { todayInTokyo } from '@welfare-hub/codec';
import { linkageMigrations } from '@welfare-hub/linkage';
import { RELATIONSHIPS, jukiMigrations } from '@welfare-hub/adapter-juki';
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
  const residents: [string, string, number][] = [
    [PERSON.adult, '世帯主', 56],
    [PERSON.other, '世帯主', 40],
    [PERSON.child, '子', 8],
  ];
  for (const [atenaNo, relationship, age] of residents) {
    await writeResident(db, { atenaNo, setaiNo: `S${atenaNo}`, relationship, birthDate: born(age), district: '中央' });
  }
}

/** Born on 1 January this many years ago (UTC). */
export const born = (years: number): string => `${new Date().getUTCFullYear() - years}-01-01`;

let position = 0;
/** A current resident as the registry's ingest leaves them in juki.person (続柄 as text: 世帯主, 子, …). */
export async function writeResident(
  db: DataSource,
  r: { atenaNo: string; setaiNo: string; relationship: string; birthDate: string; district: string },
): Promise<void> {
  const code = Object.entries(RELATIONSHIPS).find(([, text]) => text === r.relationship)![0];
  await db.query(
    `INSERT INTO juki.person (atena_no, setai_no, relationship_code, name, name_kana, kana_key, birth_date, sex, district, address,
       resident_status, change_date, change_reason, updated_at, source_file, source_position)
     VALUES ($1, $2, $3, '福祉 太郎', 'フクシ タロウ', 'フクシタロウ', $4, 'MALE', $5, '福祉市中央1-1', 1, '2020-01-01', '転入', now(), 'test', $6)`,
    [r.atenaNo, r.setaiNo, code, r.birthDate, r.district, ++position],
  );
}

export interface HubFixture {
  db(): DataSource;
  hub(): InProcessSubgraph;
  /** The real audit keeper (with `keeper: true`): a test signs a checkpoint with it, as its timer would. */
  keeper(): AuditKeeper;
  /** Builds the analysts' index (with `analytics`), as the launcher's refresher does after a source read. */
  buildIndex(): Promise<void>;
}

export interface HubFixtureOptions {
  /**
   * A real AuditKeeper, as the launcher builds it: a signing key of the file's own, no witness, its timers not started
   * (a test signs with keeper().checkpoint()). Without it the keeper throws.
   */
  keeper?: boolean;
  /**
   * A real analysts' index over the store, as the launcher builds it (storeIndexSources), with the default situation
   * thresholds and suppression threshold unless given. facts: each sector's facts reader by its code, standing for the
   * sector modules' readers the launcher hands in; a sector not given reads nothing. Without it the index throws.
   */
  analytics?: { facts?: Readonly<Record<string, FactsReader>>; threshold?: number };
}

/** A proxy that fails whatever a test reaches of it: a part the file did not ask for. */
function unused<T>(): T {
  return new Proxy(
    {},
    {
      get: (_, key) => {
        throw new Error(`not part of this test: ${String(key)}`);
      },
    },
  ) as T;
}

/**
 * Opens a store with the hub's tables and the fixture's rows before the file's tests, closes it after. The audit keeper
 * and the analytics index are not part of most modules: they are left out unless asked for (options), and a test that
 * reached them would fail.
 */
export function hubFixture(options: HubFixtureOptions = {}): HubFixture {
  let store: Store;
  let hub: InProcessSubgraph;
  let keeper: AuditKeeper | null = null;
  let analytics: Parameters<typeof hubSubgraph>[0]['analytics'] | null = null;
  beforeAll(async () => {
    store = await openTestStore({
      migrations: [...auditMigrations, ...hubMigrations, ...jukiMigrations, ...linkageMigrations, ...(options.analytics ? analyticsMigrations : [])],
    });
    await seed(store.dataSource);
    const db = store.dataSource;
    if (options.keeper) {
      keeper = new AuditKeeper(db, generateAuditSigningKey(), { checkpointSeconds: 60, retentionYears: 7, observeSeconds: 5, witnessFile: null });
    }
    if (options.analytics) {
      const key = Buffer.alloc(32, 7);
      // No source has been read in the fixture: the figures name none.
      const sources = storeIndexSources(db, key, DEFAULT_THRESHOLDS, async () => ({}), options.analytics.facts ?? {}, RELATIONSHIPS);
      analytics = { sources, threshold: options.analytics.threshold ?? DEFAULT_SUPPRESSION_THRESHOLD };
    }
    hub = inProcessSubgraph(
      hubSubgraph({
        db,
        policy: new Policy(db),
        keeper: keeper ?? unused(),
        analytics: analytics ?? unused(),
        consentOwnAge: 15,
      }),
    );
  }, 120_000);
  afterAll(() => store.close());
  return {
    db: () => store.dataSource,
    hub: () => hub,
    keeper: () => keeper ?? unused(),
    buildIndex: async () => {
      if (!analytics) throw new Error("not part of this test: the analysts' index");
      await buildIndex(analytics.sources, todayInTokyo());
    },
  };
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
