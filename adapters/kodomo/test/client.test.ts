import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startKodomoSimulator, type KodomoSimulator } from '@welfare-hub/kodomo-sim';
import { KodomoClient, KodomoUnauthorized, KodomoUnavailable, checkCase, checkChild } from '../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'kodomo-'));
const dataFile = join(dir, 'kodomo.json');
const children = Array.from({ length: 1203 }, (_, i) => ({
  childId: `C${String(i).padStart(8, '0')}`,
  atenaNo: null,
  name: '山田 花子',
  nameKana: 'ヤマダ ハナコ',
  birthDate: '2015-06-01',
  sex: 'F',
  guardians: [],
  updatedAt: i < 1000 ? '2024-04-01T09:30:00+09:00' : '2024-05-01T09:30:00+09:00',
}));
writeFileSync(dataFile, JSON.stringify({ children, cases: [] }));

describe('the kodomo API client against the simulator', () => {
  let sim: KodomoSimulator;
  beforeEach(async () => {
    sim = await startKodomoSimulator({ dataFile, apiKey: 'k', faults: { rateLimit: 1000 } });
  });
  afterEach(() => sim.close());
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const client = (overrides: Partial<ConstructorParameters<typeof KodomoClient>[0]> = {}) =>
    new KodomoClient({ baseUrl: sim.url, apiKey: 'k', backoffMs: 10, attempts: 4, timeoutMs: 2000, ...overrides });

  it('pages through everything with the cursor', async () => {
    const all = await client().all<{ childId: string }>('/v1/children');
    expect(all).toHaveLength(1203);
    expect(new Set(all.map((c) => c.childId)).size).toBe(1203);
    expect(sim.requests).toBe(3);
  });

  it('asks only for what changed since a time', async () => {
    expect(await client().all('/v1/children', '2024-05-01T00:00:00+09:00')).toHaveLength(203);
  });

  it('refuses to go on with a wrong key', async () => {
    await expect(client({ apiKey: 'wrong' }).all('/v1/children')).rejects.toBeInstanceOf(KodomoUnauthorized);
  });

  it('retries 503s and dropped connections', async () => {
    sim.faults.status503Every = 2;
    sim.faults.dropEvery = 3;
    expect(await client({ attempts: 6 }).all('/v1/children')).toHaveLength(1203);
  });

  it('waits out a 429 for its Retry-After', async () => {
    sim.faults.rateLimit = 1;
    const started = Date.now();
    expect(await client().all('/v1/children')).toHaveLength(1203);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('gives up with a clear error that names no person', async () => {
    sim.faults.status503Every = 1;
    const error = await client()
      .all('/v1/children')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KodomoUnavailable);
    expect((error as Error).message).toBe('the kodomo system did not answer after 4 attempts');
  });

  it('gives up on a system that does not answer in time', async () => {
    sim.faults.delayMs = 500;
    await expect(client({ timeoutMs: 100, attempts: 2 }).all('/v1/children')).rejects.toBeInstanceOf(KodomoUnavailable);
  });
});

describe('kodomo records', () => {
  const base = {
    caseId: 'K2024-000123',
    subject: { type: 'child', childId: 'C00012345', atenaNo: '0000012347' },
    category: '要支援児童',
    status: 'open',
    openedOn: '2024-02-10',
    closedOn: null,
    youngCarerConcern: false,
    youtaikyoRegistered: true,
    summary: 'free text',
    updatedAt: '2024-04-01T09:30:00+09:00',
  };

  it('keeps a case of a category the spec does not list, marked unknown', () => {
    expect(checkCase({ ...base, category: '家庭訪問支援(新)' })).toMatchObject({
      ok: true,
      value: { category: '家庭訪問支援(新)', categoryKnown: false },
    });
    expect(checkCase(base)).toMatchObject({ ok: true, value: { categoryKnown: true, status: 'OPEN', childId: 'C00012345' } });
  });

  it.each([
    ['subject.type', { subject: { type: 'family' } }],
    ['status', { status: 'pending' }],
    ['openedOn', { openedOn: '2024-02-30' }],
    ['subject.atenaNo', { subject: { type: 'child', childId: 'C1', atenaNo: '12' } }],
    ['youngCarerConcern', { youngCarerConcern: 'no' }],
    ['youtaikyoRegistered', { youtaikyoRegistered: 'yes' }],
    ['youtaikyoRegistered', { youtaikyoRegistered: 1 }],
  ])('rejects a bad %s', (field, change) => {
    expect(checkCase({ ...base, ...change })).toMatchObject({ ok: false, field });
  });

  it('carries whether a case is registered with the 要対協, and keeps a case that does not say as unknown (withheld as registered)', () => {
    expect(checkCase(base)).toMatchObject({ ok: true, value: { youtaikyoRegistered: true } });
    expect(checkCase({ ...base, youtaikyoRegistered: false })).toMatchObject({ ok: true, value: { youtaikyoRegistered: false } });
    const { youtaikyoRegistered: _, ...unsaid } = base;
    expect(checkCase(unsaid)).toMatchObject({ ok: true, value: { youtaikyoRegistered: null } });
    expect(checkCase({ ...base, youtaikyoRegistered: null })).toMatchObject({ ok: true, value: { youtaikyoRegistered: null } });
  });

  const child = {
    childId: 'C00012345',
    atenaNo: '0000012347',
    name: '山田 花子',
    nameKana: 'ヤマダ ハナコ',
    birthDate: '2015-06-01',
    sex: 'F',
    updatedAt: '2024-04-01T09:30:00+09:00',
  };
  it("carries a child's guardians, none when the system lists none", () => {
    expect(
      checkChild({
        ...child,
        guardians: [
          { atenaNo: '0000012345', name: '山田 太郎', relation: '父' },
          { atenaNo: null, name: '山田 桃子', relation: '母' },
        ],
      }),
    ).toMatchObject({
      ok: true,
      value: {
        guardians: [
          { atenaNo: '0000012345', name: '山田\u3000太郎', relation: '父' },
          { atenaNo: null, name: '山田\u3000桃子', relation: '母' },
        ],
      },
    });
    expect(checkChild(child)).toMatchObject({ ok: true, value: { guardians: [] } });
    expect(checkChild({ ...child, guardians: null })).toMatchObject({ ok: true, value: { guardians: [] } });
  });

  it.each([
    ['guardians', { guardians: '山田 太郎' }],
    ['guardians[0]', { guardians: [null] }],
    [
      'guardians[1].atenaNo',
      {
        guardians: [
          { name: 'a', relation: '父' },
          { atenaNo: '12', name: 'b', relation: '母' },
        ],
      },
    ],
    ['guardians[0].name', { guardians: [{ atenaNo: null, name: ' ', relation: '父' }] }],
    ['guardians[0].relation', { guardians: [{ atenaNo: null, name: '山田 太郎' }] }],
  ])('rejects a child with a bad %s, naming it', (field, change) => {
    expect(checkChild({ ...child, ...change })).toMatchObject({ ok: false, field });
  });
});
