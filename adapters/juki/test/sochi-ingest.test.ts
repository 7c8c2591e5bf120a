import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeCp932 } from '@welfare-hub/codec';
import { ingestMigrations } from '@welfare-hub/ingest';
import { openTestStore, type Store } from '@welfare-hub/store';
import { JukiIngest, addressWithheldIds, jukiMigrations } from '../src/index.js';
import { record, writeJuki } from './support/records.js';

const id = (i: number) => String(i).padStart(10, '0');
const HEADER = '宛名番号,措置区分,開始日,終了日,更新日時';
const open = (i: number, kubun = '1') => `${id(i)},${kubun},20260401,,20260401093000`;
const ended = (i: number) => `${id(i)},1,20250401,20250930,20250930093000`;

describe('the 支援措置 list in the juki drop folder', () => {
  let store: Store;
  let dir: string;
  let ingest: JukiIngest;

  beforeAll(async () => {
    store = await openTestStore({ migrations: [...ingestMigrations, ...jukiMigrations] });
  }, 60_000);
  afterAll(() => store.close());
  beforeEach(async () => {
    await store.dataSource.query('TRUNCATE juki.person, juki.sochi, juki.sochi_list, ingest.source_read, ingest.rejected_record');
    dir = mkdtempSync(join(tmpdir(), 'juki-sochi-'));
    ingest = new JukiIngest({ dir, db: store.dataSource });
    // 1 and 2 one 世帯; 3 a 世帯分離 at their address; 4 elsewhere; 5 elsewhere again.
    writeJuki(join(dir, 'JUKI_FULL_20261120.DAT'), [
      record({ atenaNo: id(1), setaiNo: id(100) }),
      record({ atenaNo: id(2), setaiNo: id(100), relationship: '04' }),
      record({ atenaNo: id(3), setaiNo: id(101) }),
      record({ atenaNo: id(4), setaiNo: id(102), address: '○○市北町１番' }),
      record({ atenaNo: id(5), setaiNo: id(103), address: '○○市南町２番' }),
    ]);
  });
  afterEach(async () => {
    await ingest.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const writeList = (date: string, ...rows: string[]) =>
    writeFileSync(join(dir, `JUKI_SOCHI_${date}.csv`), encodeCp932([HEADER, ...rows].map((l) => `${l}\r\n`).join('')));
  const withheld = async () => [...(await addressWithheldIds(store.dataSource, [1, 2, 3, 4, 5, 6].map(id)))].sort();
  const protectedNow = async () => [...(await ingest.persons.protectedIds([1, 2, 3, 4, 5, 6].map(id)))].sort();

  it('withholds the address of the protected resident, their 世帯 and whoever shares their address; flags only the resident', async () => {
    writeList('20261120', open(2), ended(5));
    const outcomes = await ingest.scan();
    expect(outcomes[0]).toMatchObject({ name: 'JUKI_SOCHI_20261120.csv', state: 'applied', recordsRead: 2 });
    expect(await withheld()).toEqual([id(1), id(2), id(3)]);
    expect(await protectedNow()).toEqual([id(2)]);
    const rows = await ingest.persons.byIds([id(1), id(4)]);
    expect(rows.map((r) => [r.atenaNo, r.addressWithheld])).toEqual([
      [id(1), true],
      [id(4), false],
    ]);
    expect((await ingest.persons.bySetai([id(100)])).every((r) => r.addressWithheld)).toBe(true);
  });

  it('replaces the list whole: a resident missing from the newest list is no longer protected; a day without one changes nothing', async () => {
    writeList('20261120', open(2), open(4));
    await ingest.scan();
    expect(await protectedNow()).toEqual([id(2), id(4)]);
    expect(await ingest.scan()).toEqual([]);
    expect(await protectedNow()).toEqual([id(2), id(4)]);
    writeList('20261122', open(4));
    await ingest.scan();
    expect(await protectedNow()).toEqual([id(4)]);
    expect(await withheld()).toEqual([id(4)]);
  });

  it.each([
    ['cut short', Buffer.concat([encodeCp932(`${HEADER}\r\n`), encodeCp932(open(5))]), 'truncated'],
    ['with a bad date', encodeCp932(`${HEADER}\r\n${open(5).replace('20260401', '20260431')}\r\n`), 'failed'],
    ['not CP932', Buffer.concat([encodeCp932(`${HEADER}\r\n`), Buffer.from([0x85, 0x40, 0x0d, 0x0a])]), 'failed'],
    ['naming no one while others are protected', encodeCp932(`${HEADER}\r\n`), 'failed'],
  ])('keeps the previous list in force when the next one is %s, and reports it', async (_, bytes, state) => {
    writeList('20261120', open(2));
    await ingest.scan();
    writeFileSync(join(dir, 'JUKI_SOCHI_20261122.csv'), bytes);
    const [outcome] = await ingest.scan();
    expect(outcome).toMatchObject({ name: 'JUKI_SOCHI_20261122.csv', state: state === 'failed' ? 'refused' : state });
    expect(await protectedNow()).toEqual([id(2)]);
    const [read] = await ingest.ledger.reads(1);
    expect(read).toMatchObject({ name: 'JUKI_SOCHI_20261122.csv', state, problem: expect.stringContaining('not applied') });
    expect(read!.problem).not.toContain(id(5));
    expect((await ingest.health()).state).toBe('degraded');
  });

  it('never applies a list older than the one in force', async () => {
    writeList('20261122', open(4));
    await ingest.scan();
    writeList('20261121', open(5));
    const [late] = await ingest.scan();
    expect(late).toMatchObject({ state: 'superseded' });
    expect(await protectedNow()).toEqual([id(4)]);
  });

  it('keeps a row for a resident the registry has not delivered, and protects them from the moment they appear', async () => {
    writeList('20261120', open(6));
    await ingest.scan();
    expect(await withheld()).toEqual([]);
    writeJuki(join(dir, 'JUKI_IDO_20261121.DAT'), [
      record({ atenaNo: id(6), setaiNo: id(104), address: '○○市西町３番', changeReason: '01', updatedAt: '20261121100000' }),
    ]);
    await ingest.scan();
    expect(await protectedNow()).toEqual([id(6)]);
    expect(await withheld()).toEqual([id(6)]);
  });

  it('follows a protected resident who moves: the new address is masked with the move, the old one freed', async () => {
    writeList('20261120', open(4));
    await ingest.scan();
    expect(await withheld()).toEqual([id(4)]);
    // 4 moves in with 5 (a 転居 to 5's address, in their own 世帯): 5 is masked from the same commit on.
    writeJuki(join(dir, 'JUKI_IDO_20261121.DAT'), [
      record({ atenaNo: id(4), setaiNo: id(102), address: '○○市南町２番', changeReason: '03', updatedAt: '20261121100000' }),
    ]);
    await ingest.scan();
    expect(await withheld()).toEqual([id(4), id(5)]);
  });

  it('applies the list before the extracts of the same read, so no resident is served unprotected', async () => {
    rmSync(join(dir, 'JUKI_FULL_20261120.DAT'));
    writeList('20261120', open(1));
    writeJuki(join(dir, 'JUKI_FULL_20261120.DAT'), [record({ atenaNo: id(1), setaiNo: id(100) })]);
    const outcomes = await ingest.scan();
    expect(outcomes.map((o) => o.name)).toEqual(['JUKI_SOCHI_20261120.csv', 'JUKI_FULL_20261120.DAT']);
  });
});
