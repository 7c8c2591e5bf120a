import type { Store } from '@welfare-hub/store';
import { LinkDecisions, Linker } from '../src/index.js';
import { addResidents, linkageStore, HANAKO, HANAKO_NAMESAKE, TWIN_A, TWIN_B } from './fixture.js';

let store: Store;
let decisions: LinkDecisions;
let n = 0;
const source = (): string => `decide-${++n}`;

beforeAll(async () => {
  store = await linkageStore();
  await addResidents(store, [HANAKO, HANAKO_NAMESAKE, TWIN_A, TWIN_B]);
  decisions = new LinkDecisions(store.dataSource);
}, 60_000);
afterAll(() => store.close());

const twins = { sourceKey: 'k', nameKana: 'サトウユウ', birthDate: TWIN_A.birthDate };

describe('LinkDecisions', () => {
  it('lists waiting records of the sources asked for, queued before unmatched, candidates best first', async () => {
    const s = source();
    await new Linker(store.dataSource, s).link([
      { sourceKey: 'a-queued', nameKana: 'ヤマダハナコ', name: '山田花子', address: HANAKO.address },
      { sourceKey: 'b-unmatched', nameKana: 'ダレモイナイ', birthDate: '1900-01-01' },
      { sourceKey: 'c-linked', nameKana: 'ヤマダハナコ', birthDate: HANAKO_NAMESAKE.birthDate },
    ]);
    await new Linker(store.dataSource, source()).link([{ ...twins, sourceKey: 'elsewhere' }]);
    const queue = await decisions.queue([s], 10, 0);
    expect(queue.map((e) => [e.sourceKey, e.state])).toEqual([
      ['a-queued', 'queued'],
      ['b-unmatched', 'unmatched'],
    ]);
    // No birth date, so no link: the reading, name and address agree for HANAKO, the address is against the namesake.
    expect(queue[0]!.candidates.map((c) => c.atenaNo)).toEqual([HANAKO.atenaNo, HANAKO_NAMESAKE.atenaNo]);
    expect(queue[0]!.candidates[0]!.agreements).toEqual({ kana: true, name: true, address: true });
    expect(queue[0]!.candidates[1]!.agreements).toEqual({ kana: true, name: true, address: false });
    expect(queue[1]!.candidates).toEqual([]);
    expect((await decisions.queue([s], 1, 1)).map((e) => e.sourceKey)).toEqual(['b-unmatched']);
  });

  it('confirms a link that outlives the next read of the source', async () => {
    const s = source();
    const linker = new Linker(store.dataSource, s);
    await linker.link([twins]);
    await decisions.confirm(s, 'k', TWIN_B.atenaNo, 'staff-1');
    expect(await store.dataSource.query(`SELECT atena_no, state, method FROM linkage.link WHERE source = $1`, [s])).toEqual([
      { atena_no: TWIN_B.atenaNo, state: 'linked', method: 'confirmed' },
    ]);
    expect(await store.dataSource.query(`SELECT count(*)::int AS n FROM linkage.candidate WHERE source = $1`, [s])).toEqual([{ n: 0 }]);
    expect((await linker.link([twins])).get('k')).toEqual({ state: 'linked', atenaNo: TWIN_B.atenaNo, method: 'confirmed', score: null });
  });

  it('a second confirmation replaces the first', async () => {
    const s = source();
    await decisions.confirm(s, 'k', TWIN_A.atenaNo, 'staff-1');
    await decisions.confirm(s, 'k', TWIN_B.atenaNo, 'staff-2');
    expect((await new Linker(store.dataSource, s).link([twins])).get('k')).toMatchObject({ atenaNo: TWIN_B.atenaNo, method: 'confirmed' });
  });

  it('rejects a wrongly linked person: the record waits again, and links to no one it was rejected for', async () => {
    const s = source();
    const linker = new Linker(store.dataSource, s);
    const hanako = { sourceKey: 'k', nameKana: 'ヤマダハナコ', birthDate: HANAKO.birthDate };
    expect((await linker.link([hanako])).get('k')).toMatchObject({ state: 'linked', atenaNo: HANAKO.atenaNo });
    await decisions.reject(s, 'k', HANAKO.atenaNo, 'staff-1');
    expect(await store.dataSource.query(`SELECT atena_no, state FROM linkage.link WHERE source = $1`, [s])).toEqual([
      { atena_no: null, state: 'queued' },
    ]);
    // Read again: HANAKO is out, and the namesake (reading for, birth date against: 3.83) is under the threshold.
    expect((await linker.link([hanako])).get('k')).toEqual({ state: 'unmatched' });
    expect(await store.dataSource.query(`SELECT count(*)::int AS n FROM linkage.candidate WHERE source = $1`, [s])).toEqual([{ n: 0 }]);
  });
});
