// The fault corpus of issue 14 (tests/corpus): every attempt a hostile or careless operator made, as a regression
// case run against the adapters on a small generated city. Each case gets folders of its own and files of its own
// dates, so the cases share one store without seeing each other's files.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { generateDemoCity } from '@welfare-hub/citygen';
import { demoCitySectors } from '@welfare-hub/launcher';
import { decodeCp932, encodeCp932 } from '@welfare-hub/codec';
import { acceptHeldRead, ingestMigrations, type SourceIngest } from '@welfare-hub/ingest';
import { JukiIngest, jukiMigrations } from '@welfare-hub/adapter-juki';
import { ShogaiIngest, shogaiMigrations } from '@welfare-hub/adapter-shogai';
import { KonkyuIngest, konkyuMigrations } from '@welfare-hub/adapter-konkyu';
import { KodomoIngest, kodomoMigrations } from '@welfare-hub/adapter-kodomo';
import { linkageMigrations } from '@welfare-hub/linkage';
import { openTestStore, type Store } from '@welfare-hub/store';

interface Case {
  id: string;
  attempt: string;
  now: string;
}
const corpus = fileURLToPath(new URL('../corpus', import.meta.url));
const CASES = JSON.parse(readFileSync(join(corpus, 'cases.json'), 'utf8')) as Case[];

const ASOF = '2026-11-22';
let root: string;
let city: string;
let store: Store;
const opened: SourceIngest<unknown>[] = [];

/** A fresh folder holding a copy of the city's files of one source, renamed to `day` (YYYYMMDD) where they carry a date. */
function folderOf(source: 'juki' | 'shogai' | 'konkyu', id: string, day?: string): string {
  const dir = join(root, id, source);
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(join(city, source))) {
    copyFileSync(join(city, source, name), join(dir, day ? name.replace(/_\d{8}\./, `_${day}.`) : name));
  }
  return dir;
}

const rows = async (table: string): Promise<number> => Number((await store.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n);
const track = <T extends SourceIngest<unknown>>(ingest: T): T => (opened.push(ingest), ingest);
const named = async (ingest: SourceIngest<unknown>, name: string) => (await ingest.ledger.reads(200)).filter((r) => r.name === name);

/** A 異動 file of one record of the city's full extract, whole with its trailer. */
function idoFile(dir: string): Buffer {
  const full = readdirSync(dir).find((n) => n.startsWith('JUKI_FULL_'))!;
  const record = readFileSync(join(dir, full)).subarray(0, 202);
  return Buffer.concat([record, Buffer.from(`9${'1'.padStart(10, '0')}`.padEnd(200, ' ')), Buffer.from('\r\n')]);
}

const RUNNERS: Record<string, () => Promise<void>> = {
  async 'shogai-techo-utf8-rows'() {
    const dir = folderOf('shogai', 'utf8', '20270101');
    const ingest = track(new ShogaiIngest({ dir, db: store.dataSource }));
    await ingest.scan();
    const before = await rows('shogai.techo');
    expect(before).toBeGreaterThan(10);
    const text = decodeCp932(readFileSync(join(dir, 'SHOGAI_TECHO_20270101.csv'))).text;
    const cut = text.indexOf('\r\n') + 2;
    writeFileSync(join(dir, 'SHOGAI_TECHO_20270102.csv'), Buffer.concat([encodeCp932(text.slice(0, cut)), Buffer.from(text.slice(cut), 'utf8')]));
    await ingest.scan();
    const [held] = await named(ingest, 'SHOGAI_TECHO_20270102.csv');
    expect(held).toMatchObject({ state: 'held', recordsRead: before, recordsRejected: before });
    expect(held!.problem).toContain(`held: ${before} of ${before} records rejected, more than 20%`);
    expect(held!.problem).toContain('bytes that are not CP932');
    expect(await rows('shogai.techo')).toBe(before);
    expect(await ingest.health()).toMatchObject({ state: 'degraded', heldReads: 1 });
    // An admin who knows better applies it as it is.
    expect(await acceptHeldRead(store.dataSource, 'shogai', 'SHOGAI_TECHO_20270102.csv', 'admin-01')).toBe('accepted');
    await ingest.scan();
    expect(await rows('shogai.techo')).toBe(0);
    expect((await ingest.health()).state).toBe('ok');
    expect((await named(ingest, 'SHOGAI_TECHO_20270102.csv'))[0]).toMatchObject({ state: 'applied' });
  },

  async 'shogai-sodan-huge-summary'() {
    const dir = folderOf('shogai', 'huge', '20270201');
    const ingest = track(new ShogaiIngest({ dir, db: store.dataSource }));
    await ingest.scan();
    const before = await rows('shogai.sodan');
    expect(before).toBeGreaterThan(0);
    const header = decodeCp932(readFileSync(join(dir, 'SHOGAI_SODAN_20270201.csv'))).text.split('\r\n')[0];
    const summary = 'あ'.repeat(2_000_000);
    writeFileSync(join(dir, 'SHOGAI_SODAN_20270202.csv'), encodeCp932(`${header}\r\n9000001,,,,R6.4.1,就労,"${summary}",事業所,対応中\r\n`));
    await ingest.scan();
    const [held] = await named(ingest, 'SHOGAI_SODAN_20270202.csv');
    expect(held).toMatchObject({ state: 'held', recordsRead: 1, recordsRejected: 1 });
    expect(held!.problem).toContain(`held: 0 good records, fewer than 50% of the ${before} of the last applied snapshot`);
    expect(held!.problem).toMatch(/record: 4,000,0\d\d bytes, past the bound of 65,536 bytes/);
    expect(await rows('shogai.sodan')).toBe(before);
    expect((await ingest.health()).state).toBe('degraded');
  },

  async 'konkyu-bomb-declared'() {
    await konkyuBomb(
      'declared',
      'bomb-declared.xlsx',
      /would inflate to 104,8[\d,]+ bytes, past the bound of 67,108,864 bytes \(as its directory declares\): not inflated/,
    );
  },

  async 'konkyu-bomb-lying'() {
    await konkyuBomb('lying', 'bomb-lying.xlsx', /a part does not inflate to its declared size \(a damaged or hostile archive\): not read/);
  },

  async 'juki-directory-named-ido'() {
    const dir = folderOf('juki', 'dir');
    const ingest = track(new JukiIngest({ dir, db: store.dataSource }));
    await ingest.scan();
    mkdirSync(join(dir, 'JUKI_IDO_20270101.DAT'));
    writeFileSync(join(dir, 'JUKI_IDO_20270102.DAT'), idoFile(dir));
    const outcomes = await ingest.scan();
    expect(outcomes.map((o) => [o.name, o.state])).toEqual([['JUKI_IDO_20270102.DAT', 'applied']]);
    await ingest.scan();
    const refused = await named(ingest, 'JUKI_IDO_20270101.DAT');
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ state: 'rejected', problem: 'a directory, not a regular file: not read' });
    expect(await ingest.health()).toMatchObject({ state: 'degraded', rejectedDrops: 1 });
    rmSync(join(dir, 'JUKI_IDO_20270101.DAT'), { recursive: true });
    await ingest.scan();
    expect((await ingest.health()).state).toBe('ok');
  },

  async 'shogai-named-pipe'() {
    const dir = folderOf('shogai', 'pipe', '20270301');
    const ingest = track(new ShogaiIngest({ dir, db: store.dataSource }));
    await ingest.scan();
    execFileSync('mkfifo', [join(dir, 'SHOGAI_JUKYUSHA_20270302.csv')]);
    copyFileSync(join(dir, 'SHOGAI_JUKYUSHA_20270301.csv'), join(dir, 'SHOGAI_JUKYUSHA_20270303.csv'));
    const outcomes = await ingest.scan();
    expect(outcomes.map((o) => [o.name, o.state])).toEqual([['SHOGAI_JUKYUSHA_20270303.csv', 'applied']]);
    expect(await named(ingest, 'SHOGAI_JUKYUSHA_20270302.csv')).toMatchObject([
      { state: 'rejected', problem: 'a named pipe, not a regular file: not read' },
    ]);
    expect((await ingest.health()).state).toBe('degraded');
    rmSync(join(dir, 'SHOGAI_JUKYUSHA_20270302.csv'));
    await ingest.scan();
    expect((await ingest.health()).state).toBe('ok');
  },

  async 'konkyu-symlink-outside'() {
    const dir = folderOf('konkyu', 'link', '20270401');
    const outside = folderOf('konkyu', 'link-outside', '20270402');
    const ingest = track(new KonkyuIngest({ dir, db: store.dataSource }));
    await ingest.scan();
    symlinkSync(join(outside, 'KONKYU_DAICHO_20270402.xlsx'), join(dir, 'KONKYU_DAICHO_20270402.xlsx'));
    await ingest.scan();
    expect(await named(ingest, 'KONKYU_DAICHO_20270402.xlsx')).toMatchObject([
      { state: 'rejected', problem: 'a symbolic link, not a regular file: not read' },
    ]);
    expect((await ingest.health()).state).toBe('degraded');
  },

  async 'shogai-truncated-stays-degraded'() {
    const dir = folderOf('shogai', 'cut', '20270501');
    const ingest = track(new ShogaiIngest({ dir, db: store.dataSource }));
    await ingest.scan();
    const whole = readFileSync(join(dir, 'SHOGAI_TECHO_20270501.csv'));
    writeFileSync(join(dir, 'SHOGAI_TECHO_20270502.csv'), whole.subarray(0, whole.length - 7));
    await ingest.scan();
    const cut = await ingest.health();
    expect(cut.state).toBe('degraded');
    // Folder events with nothing new: still degraded, and the source does not look fresher than it is.
    for (let i = 0; i < 3; i++) {
      await ingest.scan();
      expect(await ingest.health()).toMatchObject({ state: 'degraded', lastSuccessfulReadAt: cut.lastSuccessfulReadAt });
    }
    writeFileSync(join(dir, 'SHOGAI_TECHO_20270503.csv'), whole);
    await ingest.scan();
    expect((await ingest.health()).state).toBe('ok');
  },

  async 'juki-near-miss-names'() {
    const dir = folderOf('juki', 'names');
    const ingest = track(new JukiIngest({ dir, db: store.dataSource }));
    await ingest.scan();
    const names = ['JUKI_IDO_20270601.DAT.', 'JUKI_IDO_20270601.DAT\n', 'JUKI_IDO_２０２７０６０１.DAT', '.JUKI_IDO_20270601.DAT'];
    for (const name of names) writeFileSync(join(dir, name), idoFile(dir));
    await ingest.scan();
    await ingest.scan();
    for (const name of names) {
      const reads = await named(ingest, name);
      expect(reads).toHaveLength(1);
      expect(reads[0]!.state).toBe('rejected');
      expect(reads[0]!.problem).toMatch(
        /^named like an export but not as the spec says \(.+\): expected JUKI_FULL_YYYYMMDD\.DAT or JUKI_IDO_YYYYMMDD\.DAT or JUKI_SOCHI_YYYYMMDD\.csv$/,
      );
    }
    expect(await ingest.health()).toMatchObject({ state: 'degraded', rejectedDrops: 4 });
  },

  async 'stuck-read-timed-out'() {
    let hang = false;
    const server: Server = createServer((req, res) => {
      if (hang) return; // accepts, never answers
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ items: [], nextCursor: null }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    const ingest = track(
      new KodomoIngest({
        db: store.dataSource,
        client: { baseUrl: `http://127.0.0.1:${port}`, apiKey: 'k', attempts: 1, timeoutMs: 30_000 },
        ingest: { readTimeoutMs: 3_000 },
      }),
    );
    try {
      await ingest.scan();
      hang = true;
      await expect(ingest.scan()).rejects.toThrow('the read did not end within 3 s and was abandoned');
      expect((await ingest.health()).state).toBe('degraded');
      expect((await ingest.ledger.reads(1))[0]).toMatchObject({ state: 'timed_out' });
      hang = false;
      await ingest.scan();
      expect((await ingest.health()).state).toBe('ok');
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  },
};

async function konkyuBomb(id: string, file: string, reason: RegExp): Promise<void> {
  const day = id === 'declared' ? '20270701' : '20270801';
  const dir = folderOf('konkyu', `bomb-${id}`, day);
  const ingest = track(new KonkyuIngest({ dir, db: store.dataSource }));
  await ingest.scan();
  const before = await rows('konkyu.consultation WHERE in_source');
  copyFileSync(join(corpus, 'files', 'konkyu', file), join(dir, `KONKYU_DAICHO_${String(Number(day) + 1)}.xlsx`));
  const started = Date.now();
  await ingest.scan();
  expect(Date.now() - started).toBeLessThan(5_000);
  const [read] = await named(ingest, `KONKYU_DAICHO_${String(Number(day) + 1)}.xlsx`);
  expect(read).toMatchObject({ state: 'rejected' });
  expect(read!.problem).toMatch(reason);
  expect(await rows('konkyu.consultation WHERE in_source')).toBe(before);
  expect((await ingest.health()).state).toBe('degraded');
}

describe('the fault corpus (issue 14)', () => {
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'fault-corpus-'));
    city = join(root, 'city');
    await generateDemoCity({ dir: city, residents: 400, seed: 14, asOf: ASOF, sectors: demoCitySectors() });
    store = await openTestStore({
      migrations: [...ingestMigrations, ...jukiMigrations, ...linkageMigrations, ...shogaiMigrations, ...konkyuMigrations, ...kodomoMigrations],
    });
    await track(new JukiIngest({ dir: join(city, 'juki'), db: store.dataSource })).scan();
  }, 120_000);
  afterAll(async () => {
    for (const ingest of opened) await ingest.close();
    await store?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('has a runner for every case of tests/corpus/cases.json, and a case for every runner', () => {
    expect(Object.keys(RUNNERS).sort()).toEqual(CASES.map((c) => c.id).sort());
  });

  for (const c of CASES) it(`${c.id}: ${c.now}`, async () => RUNNERS[c.id]!(), 30_000);
});
