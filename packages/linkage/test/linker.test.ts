import type { Store } from '@welfare-hub/store';
import { Linker, QUEUE_THRESHOLD, type LinkOutcome } from '../src/index.js';
import { addResidents, linkageStore, HANAKO, HANAKO_NAMESAKE, TWIN_A, TWIN_B } from './fixture.js';

let store: Store;
let n = 0;
// Each test its own source, so the decisions and links of one never reach another.
const linker = (): Linker => new Linker(store.dataSource, `test-${++n}`);
const one = async (l: Linker, identity: Parameters<Linker['link']>[0][number]): Promise<LinkOutcome> =>
  (await l.link([identity])).get(identity.sourceKey)!;

beforeAll(async () => {
  store = await linkageStore();
  await addResidents(store, [HANAKO, HANAKO_NAMESAKE, TWIN_A, TWIN_B]);
}, 60_000);
afterAll(() => store.close());

describe('Linker.link: the 宛名番号 the record carries', () => {
  it('links on it when the birth date and reading agree', async () => {
    expect(await one(linker(), { sourceKey: 'k', atenaNo: HANAKO.atenaNo, nameKana: 'ヤマダ ハナコ', birthDate: HANAKO.birthDate })).toEqual({
      state: 'linked',
      atenaNo: HANAKO.atenaNo,
      method: 'atena',
      score: null,
    });
  });

  it('does not trust it when the birth date contradicts it: the record is scored like one without', async () => {
    // Scored, the reading agrees (8.89) and the birth date is against (−5.06): 3.83, under the queue threshold.
    const outcome = await one(linker(), { sourceKey: 'k', atenaNo: HANAKO.atenaNo, nameKana: 'ヤマダ ハナコ', birthDate: '1999-09-09' });
    expect(outcome).toEqual({ state: 'unmatched' });
  });

  it('does not link on a bare number with neither birth date nor reading to check it against', async () => {
    expect(await one(linker(), { sourceKey: 'k', atenaNo: HANAKO.atenaNo })).toEqual({ state: 'unmatched' });
  });
});

describe('Linker.link: matching on what the record says', () => {
  it.each([
    ['full-width katakana', 'ヤマダ ハナコ'],
    ['half-width katakana', 'ﾔﾏﾀﾞ ﾊﾅｺ'],
    ['hiragana with a full-width space', 'やまだ\u3000はなこ'],
  ])('links a unique exact reading and birth date in %s without a person', async (_, kana) => {
    const outcome = await one(linker(), { sourceKey: 'k', nameKana: kana, birthDate: HANAKO.birthDate });
    expect(outcome).toMatchObject({ state: 'linked', atenaNo: HANAKO.atenaNo, method: 'match' });
  });

  it('queues a record with an empty reading, blocked on its birth date only', async () => {
    const outcome = await one(linker(), { sourceKey: 'k', nameKana: '', birthDate: HANAKO.birthDate });
    expect(outcome).toEqual({ state: 'queued', candidates: [{ atenaNo: HANAKO.atenaNo, score: 11.66, agreements: { birthDate: true } }] });
  });

  it('queues a record with no birth date, every resident of that reading a candidate, ties by 宛名番号', async () => {
    const outcome = await one(linker(), { sourceKey: 'k', nameKana: 'ヤマダハナコ', birthDate: null });
    expect(outcome).toEqual({
      state: 'queued',
      candidates: [
        { atenaNo: HANAKO.atenaNo, score: 8.89, agreements: { kana: true } },
        { atenaNo: HANAKO_NAMESAKE.atenaNo, score: 8.89, agreements: { kana: true } },
      ],
    });
  });

  it('compares names and addresses across spacing, full-width digits and a missing city', async () => {
    const outcome = await one(linker(), { sourceKey: 'k', nameKana: 'ヤマダハナコ', name: '山田\u3000花子', address: '中央１－１' });
    expect(outcome.state === 'queued' && outcome.candidates.map((c) => [c.atenaNo, c.agreements])).toEqual([
      [HANAKO.atenaNo, { kana: true, name: true, address: true }],
      [HANAKO_NAMESAKE.atenaNo, { kana: true, name: true, address: false }],
    ]);
  });

  it('queues twins, two exact candidates tied, rather than pick one', async () => {
    const outcome = await one(linker(), { sourceKey: 'k', nameKana: 'サトウ ユウ', birthDate: TWIN_A.birthDate, sex: 'MALE' });
    expect(outcome.state).toBe('queued');
    if (outcome.state !== 'queued') return;
    expect(outcome.candidates.map((c) => c.atenaNo)).toEqual([TWIN_A.atenaNo, TWIN_B.atenaNo]);
    expect(outcome.candidates[0]!.score).toBe(outcome.candidates[1]!.score);
  });

  it('leaves unmatched a candidate below the queue threshold (birth date only, reading and sex against)', async () => {
    const outcome = await one(linker(), { sourceKey: 'k', nameKana: 'スズキ イチロウ', birthDate: HANAKO.birthDate, sex: 'MALE' });
    // 11.66 − 4.32 − 4.64 = 2.70: worth no one's time.
    expect(QUEUE_THRESHOLD).toBeGreaterThan(2.7);
    expect(outcome).toEqual({ state: 'unmatched' });
  });

  it('answers nothing and writes nothing for no identities', async () => {
    const l = linker();
    expect((await l.link([])).size).toBe(0);
    expect(await l.awaitingLink()).toBe(0);
  });
});

describe("Linker.link: a person's decisions come first", () => {
  it('links a twin once the other was rejected for the record', async () => {
    const l = linker();
    await store.dataSource.query(
      `INSERT INTO linkage.decision (source, source_key, atena_no, decision, decided_by) VALUES ($1, 'k', $2, 'rejected', 's1')`,
      [l.source, TWIN_A.atenaNo],
    );
    expect(await one(l, { sourceKey: 'k', nameKana: 'サトウ ユウ', birthDate: TWIN_A.birthDate })).toMatchObject({
      state: 'linked',
      atenaNo: TWIN_B.atenaNo,
      method: 'match',
    });
  });

  it('keeps a confirmation over what the record says, even a 宛名番号 of someone else', async () => {
    const l = linker();
    await store.dataSource.query(
      `INSERT INTO linkage.decision (source, source_key, atena_no, decision, decided_by) VALUES ($1, 'k', $2, 'confirmed', 's1')`,
      [l.source, TWIN_B.atenaNo],
    );
    expect(await one(l, { sourceKey: 'k', atenaNo: HANAKO.atenaNo, nameKana: 'ヤマダ ハナコ', birthDate: HANAKO.birthDate })).toEqual({
      state: 'linked',
      atenaNo: TWIN_B.atenaNo,
      method: 'confirmed',
      score: null,
    });
  });
});

describe('Linker: what is stored, and relinkWaiting', () => {
  it('stores the outcome, the candidates of a queued record and the identity of a waiting one only', async () => {
    const l = linker();
    await l.link([
      { sourceKey: 'linked', nameKana: 'ﾔﾏﾀﾞ ﾊﾅｺ', birthDate: HANAKO.birthDate },
      { sourceKey: 'queued', nameKana: 'サトウユウ', birthDate: TWIN_A.birthDate },
    ]);
    const links = await store.dataSource.query(
      `SELECT source_key, atena_no, state, method, identity IS NOT NULL AS kept FROM linkage.link WHERE source = $1 ORDER BY source_key`,
      [l.source],
    );
    expect(links).toEqual([
      { source_key: 'linked', atena_no: HANAKO.atenaNo, state: 'linked', method: 'match', kept: false },
      { source_key: 'queued', atena_no: null, state: 'queued', method: null, kept: true },
    ]);
    const candidates = await store.dataSource.query(`SELECT atena_no FROM linkage.candidate WHERE source = $1 ORDER BY atena_no`, [l.source]);
    expect(candidates).toEqual([{ atena_no: TWIN_A.atenaNo }, { atena_no: TWIN_B.atenaNo }]);
    expect(await l.awaitingLink()).toBe(1);
  });

  it('links a waiting record once its resident arrives in the registry, and only that one', async () => {
    const l = linker();
    await l.link([
      { sourceKey: 'newcomer', nameKana: 'タナカ ジロウ', birthDate: '2001-02-03', sex: 'MALE' },
      { sourceKey: 'twin', nameKana: 'サトウユウ', birthDate: TWIN_A.birthDate },
    ]);
    expect(await l.relinkWaiting()).toBe(0);
    await addResidents(store, [
      { atenaNo: '0000000009', kana: 'タナカ ジロウ', name: '田中 次郎', birthDate: '2001-02-03', sex: 'MALE', address: '福祉市東4-4' },
    ]);
    expect(await l.relinkWaiting()).toBe(1);
    const links = await store.dataSource.query(`SELECT source_key, atena_no, state FROM linkage.link WHERE source = $1 ORDER BY source_key`, [
      l.source,
    ]);
    expect(links).toEqual([
      { source_key: 'newcomer', atena_no: '0000000009', state: 'linked' },
      { source_key: 'twin', atena_no: null, state: 'queued' },
    ]);
    expect(await l.awaitingLink()).toBe(1);
  });

  it('forgets records gone from the source, their candidates with them', async () => {
    const l = linker();
    await l.link([{ sourceKey: 'gone', nameKana: 'サトウユウ', birthDate: TWIN_A.birthDate }]);
    await l.forget(['gone']);
    expect(await store.dataSource.query(`SELECT count(*)::int AS n FROM linkage.candidate WHERE source = $1`, [l.source])).toEqual([{ n: 0 }]);
    expect(await l.awaitingLink()).toBe(0);
  });
});
