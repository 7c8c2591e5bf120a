import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestMigrations } from '@welfare-hub/ingest';
import { linkageMigrations } from '@welfare-hub/linkage';
import { startKodomoSimulator, type KodomoSimulator } from '@welfare-hub/kodomo-sim';
import { openTestStore, type Store } from '@welfare-hub/store';
import { KodomoIngest, kodomoMigrations } from '../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'kodomo-ingest-'));
const dataFile = join(dir, 'kodomo.json');
const child = (id: string) => ({
  childId: id,
  atenaNo: null,
  name: '山田 花子',
  nameKana: 'ヤマダ ハナコ',
  birthDate: '2015-06-01',
  sex: 'F',
  guardians: [{ atenaNo: '0000012345', name: '山田 太郎', relation: '父' }],
  updatedAt: '2024-04-01T09:30:00+09:00',
});
const kase = (id: string, childId: string, category = '要支援児童') => ({
  caseId: id,
  subject: { type: 'child', childId, atenaNo: null },
  category,
  status: 'open',
  openedOn: '2024-02-10',
  closedOn: null,
  youngCarerConcern: false,
  youtaikyoRegistered: true,
  summary: 's',
  updatedAt: '2024-04-01T09:30:00+09:00',
});
writeFileSync(
  dataFile,
  JSON.stringify({
    children: [child('C1'), child('C2')],
    cases: [kase('K1', 'C1'), { ...kase('K2', 'C2', '家庭訪問支援(新)'), youtaikyoRegistered: undefined }, { ...kase('K3', 'C1'), status: 'paused' }],
  }),
);

describe('reading the kodomo system', () => {
  let store: Store;
  let sim: KodomoSimulator;
  beforeAll(async () => {
    store = await openTestStore({ migrations: [...ingestMigrations, ...linkageMigrations, ...kodomoMigrations] });
    await store.dataSource.query(`CREATE SCHEMA juki`);
    await store.dataSource.query(`CREATE TABLE juki.person (atena_no text, kana_key text, name text, birth_date date, sex text, address text)`);
    await store.dataSource.query(`CREATE VIEW juki.registered_person AS SELECT * FROM juki.person`);
    sim = await startKodomoSimulator({ dataFile, apiKey: 'k' });
  }, 60_000);
  afterAll(async () => {
    await sim.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps unknown categories, rejects malformed records, reads changes incrementally and removals on the full read', async () => {
    const ingest = new KodomoIngest({ db: store.dataSource, client: { baseUrl: sim.url, apiKey: 'k', backoffMs: 10 }, fullEvery: 3 });
    await ingest.scan();
    const cases = async () => store.dataSource.query(`SELECT case_id, status, category_known, in_source FROM kodomo.case ORDER BY case_id`);
    expect(await cases()).toEqual([
      { case_id: 'K1', status: 'OPEN', category_known: true, in_source: true },
      { case_id: 'K2', status: 'OPEN', category_known: false, in_source: true },
    ]);
    const [read] = await ingest.ledger.reads(1);
    expect(read!.problem).toContain('1 cases with a category the spec does not list');
    // What the first copy dropped: the 要対協 registration (unknown where the system did not say) and the guardians.
    expect(read!.problem).toContain('1 cases without youtaikyoRegistered (kept, withheld as if registered with the 要対協)');
    expect(await store.dataSource.query(`SELECT case_id, youtaikyo_registered FROM kodomo.case ORDER BY case_id`)).toEqual([
      { case_id: 'K1', youtaikyo_registered: true },
      { case_id: 'K2', youtaikyo_registered: null },
    ]);
    expect((await store.dataSource.query(`SELECT guardians FROM kodomo.child WHERE child_id = 'C1'`))[0].guardians).toEqual([
      { atenaNo: '0000012345', name: '山田\u3000太郎', relation: '父' },
    ]);
    expect((await ingest.ledger.unresolvedRejections(10)).map((r) => r.field)).toEqual(['status']);

    sim.data.cases[0] = {
      ...kase('K1', 'C1'),
      status: 'closed',
      closedOn: '2024-05-01',
      updatedAt: '2024-05-01T09:00:00+09:00',
    } as (typeof sim.data.cases)[number];
    sim.data.cases.splice(1, 1);
    await ingest.scan();
    expect(await cases()).toEqual([
      { case_id: 'K1', status: 'CLOSED', category_known: true, in_source: true },
      { case_id: 'K2', status: 'OPEN', category_known: false, in_source: true },
    ]);
    await ingest.scan();
    await ingest.scan();
    expect((await cases()).find((c: { case_id: string }) => c.case_id === 'K2')).toMatchObject({ in_source: false });
    expect((await ingest.ledger.reads(10)).map((r) => r.name.split(' ')[0])).toEqual(['full', 'incremental', 'incremental', 'full']);
    expect((await ingest.health()).awaitingLink).toBeGreaterThan(0);
    await ingest.close();
  });

  it('reports a system that does not answer, and keeps what it had', async () => {
    const ingest = new KodomoIngest({ db: store.dataSource, client: { baseUrl: sim.url, apiKey: 'wrong', backoffMs: 10 } });
    await ingest.scan();
    expect((await ingest.health()).state).toBe('failed');
    expect((await store.dataSource.query(`SELECT count(*)::int AS n FROM kodomo.case`))[0].n).toBe(2);
    await ingest.close();
  });

  it('keeps reading when the API sends an item that is not a record, and rejects it with its place', async () => {
    const ingest = new KodomoIngest({ db: store.dataSource, client: { baseUrl: sim.url, apiKey: 'k', backoffMs: 10 } });
    (sim.data.cases as unknown[]).push(null, { caseId: { toString: 1 }, updatedAt: { toString: 1 } });
    await ingest.scan();
    const [read] = await ingest.ledger.reads(1);
    expect(read!.state).toBe('applied');
    const origins = (await ingest.ledger.unresolvedRejections(50)).map((r) => r.origin);
    expect(origins.filter((o) => o === 'cases:?')).toHaveLength(2);
  });
});
