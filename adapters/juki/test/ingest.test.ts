import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestMigrations } from '@welfare-hub/ingest';
import { openTestStore, type Store } from '@welfare-hub/store';
import { JukiIngest, jukiMigrations } from '../src/index.js';
import { record, writeJuki } from './support/records.js';

const id = (i: number) => String(i).padStart(10, '0');
const person = (i: number, overrides: Parameters<typeof record>[0] = {}) => record({ atenaNo: id(i), ...overrides });

describe('applying the juki drop folder', () => {
  let store: Store;
  let dir: string;
  let ingest: JukiIngest;

  beforeAll(async () => {
    store = await openTestStore({ migrations: [...ingestMigrations, ...jukiMigrations] });
  }, 60_000);
  afterAll(() => store.close());
  beforeEach(async () => {
    await store.dataSource.query('TRUNCATE juki.person, ingest.source_read, ingest.rejected_record');
    dir = mkdtempSync(join(tmpdir(), 'juki-drop-'));
    ingest = new JukiIngest({ dir, db: store.dataSource, batchSize: 2 });
  });
  afterEach(async () => {
    await ingest.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const stored = async (atena: string) => (await ingest.persons.byIds([atena]))[0];

  it('applies a full extract, then the 異動 in date order, whatever order they were written in', async () => {
    writeJuki(join(dir, 'JUKI_IDO_20261121.DAT'), [person(2, { address: '○○市新町１番', changeReason: '03', updatedAt: '20261121100000' })]);
    writeJuki(join(dir, 'JUKI_IDO_20261122.DAT'), [
      person(2, { address: '○○市新町１番', residentStatus: '3', changeReason: '06', updatedAt: '20261122100000' }),
    ]);
    writeJuki(join(dir, 'JUKI_FULL_20261120.DAT'), [person(1), person(2), person(3)]);
    const outcomes = await ingest.scan();
    expect(outcomes.map((o) => [o.name, o.state])).toEqual([
      ['JUKI_FULL_20261120.DAT', 'applied'],
      ['JUKI_IDO_20261121.DAT', 'applied'],
      ['JUKI_IDO_20261122.DAT', 'applied'],
    ]);
    expect(await stored(id(2))).toMatchObject({ address: '○○市新町１番', residentStatus: 3 });
    expect(await ingest.persons.count()).toBe(3);
  });

  it('applies each file once, and a late or repeated file never undoes a newer change', async () => {
    writeJuki(join(dir, 'JUKI_FULL_20261120.DAT'), [person(1)]);
    writeJuki(join(dir, 'JUKI_IDO_20261122.DAT'), [person(1, { address: '最新の住所', updatedAt: '20261122100000' })]);
    await ingest.scan();
    expect(await ingest.scan()).toEqual([]);
    // The 21st arrives after the 22nd: older by 更新日時, it changes nothing.
    writeJuki(join(dir, 'JUKI_IDO_20261121.DAT'), [person(1, { address: '古い住所', updatedAt: '20261121100000' })]);
    const late = await ingest.scan();
    expect(late.map((o) => o.name)).toEqual(['JUKI_IDO_20261121.DAT']);
    expect((await stored(id(1)))!.address).toBe('最新の住所');
  });

  it('notes a missing day without refusing the next one', async () => {
    writeJuki(join(dir, 'JUKI_FULL_20261120.DAT'), [person(1)]);
    writeJuki(join(dir, 'JUKI_IDO_20261123.DAT'), [person(1, { address: '転居先', updatedAt: '20261123100000' })]);
    const outcomes = await ingest.scan();
    expect(outcomes[1]).toMatchObject({ state: 'applied', problem: 'no 異動 file for 2026-11-21, 2026-11-22' });
    expect((await stored(id(1)))!.address).toBe('転居先');
  });

  it('does not apply a file cut short, reports it, and applies it once it arrives whole', async () => {
    writeJuki(join(dir, 'JUKI_FULL_20261120.DAT'), [person(1), person(2)], { trailerCount: null });
    const [cut] = await ingest.scan();
    expect(cut).toMatchObject({ state: 'truncated' });
    expect(await ingest.persons.count()).toBe(0);
    expect((await ingest.health()).state).toBe('degraded');
    const [read] = await ingest.ledger.reads(1);
    expect(read).toMatchObject({ state: 'truncated', problem: expect.stringContaining('cut short') });

    writeJuki(join(dir, 'JUKI_FULL_20261120.DAT'), [person(1), person(2)]);
    const [whole] = await ingest.scan();
    expect(whole).toMatchObject({ state: 'applied', recordsRead: 2 });
    expect(await ingest.persons.count()).toBe(2);
    expect((await ingest.health()).state).toBe('ok');
  });

  it('keeps every rejected record with file, record number and reason, once, and re-processes it after a fix', async () => {
    writeJuki(join(dir, 'JUKI_FULL_20261120.DAT'), [person(1), person(2, { birthDate: '4310501' }), person(3, { relationship: '14' })]);
    const [outcome] = await ingest.scan();
    expect(outcome).toMatchObject({ recordsRead: 3, recordsRejected: 2 });
    const rejected = await ingest.ledger.unresolvedRejections(10);
    expect(rejected.map((r) => [r.origin, r.position, r.field])).toEqual([
      ['JUKI_FULL_20261120.DAT', 2, '生年月日'],
      ['JUKI_FULL_20261120.DAT', 3, '続柄コード'],
    ]);
    expect(rejected[0]!.raw).toHaveLength(200);
    expect((await ingest.health()).recordsRejected).toBe(2);

    // Nothing changed in the parser, so nothing resolves; the count stays.
    expect(await ingest.reprocessRejected()).toEqual({ resolved: 0, stillRejected: 2 });
    // A fix in the stored bytes' interpretation is simulated by correcting the kept bytes.
    const fixed = person(3);
    await store.dataSource.query(`UPDATE ingest.rejected_record SET raw = $1 WHERE position = 3`, [fixed]);
    expect(await ingest.reprocessRejected()).toEqual({ resolved: 1, stillRejected: 1 });
    expect(await stored(id(3))).toBeDefined();
    expect((await ingest.health()).recordsRejected).toBe(1);
  });

  it('reads a new file dropped into the watched folder without a restart', async () => {
    writeJuki(join(dir, 'JUKI_FULL_20261120.DAT'), [person(1)]);
    await ingest.scan();
    await ingest.watch();
    writeJuki(join(dir, 'JUKI_IDO_20261121.DAT'), [person(5, { changeReason: '02', updatedAt: '20261121100000' })]);
    const deadline = Date.now() + 10_000;
    while (!(await stored(id(5))) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(await stored(id(5))).toBeDefined();
  }, 15_000);

  it('reports the source as not read until the first scan ends', async () => {
    expect((await ingest.health()).state).toBe('not_read');
    writeFileSync(join(dir, 'unrelated.txt'), 'ignored');
    await ingest.scan();
    expect((await ingest.health()).state).toBe('ok');
  });
});
