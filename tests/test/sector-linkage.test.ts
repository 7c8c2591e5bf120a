import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemoCity, type SourceTruth } from '@welfare-hub/citygen';
import { demoCitySectors } from '@welfare-hub/launcher';
import { ingestMigrations } from '@welfare-hub/ingest';
import { JukiIngest, jukiMigrations } from '@welfare-hub/adapter-juki';
import { ShogaiIngest, shogaiMigrations } from '@welfare-hub/adapter-shogai';
import { linkageMigrations } from '@welfare-hub/linkage';
import { KonkyuIngest, konkyuMigrations } from '@welfare-hub/adapter-konkyu';
import { openTestStore, type Store } from '@welfare-hub/store';

/** The shogai exports of a generated city, ingested and linked, scored against the generator's truth. */
describe('sector ingest and linkage on a generated city', () => {
  let store: Store;
  let dir: string;
  let truth: SourceTruth[];
  let shogai: ShogaiIngest;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'shogai-city-'));
    await generateDemoCity({ dir, residents: 6000, seed: 99, asOf: '2026-11-22', sectors: demoCitySectors() });
    truth = readFileSync(join(dir, 'truth', 'shogai.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as SourceTruth);
    store = await openTestStore({
      migrations: [...ingestMigrations, ...jukiMigrations, ...linkageMigrations, ...shogaiMigrations, ...konkyuMigrations],
    });
    await new JukiIngest({ dir: join(dir, 'juki'), db: store.dataSource }).scan();
    shogai = new ShogaiIngest({ dir: join(dir, 'shogai'), db: store.dataSource });
    await shogai.scan();
  }, 120_000);
  afterAll(async () => {
    await shogai.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads all three exports whole', async () => {
    const reads = await shogai.ledger.reads(10);
    expect(reads.map((r) => r.state)).toEqual(['applied', 'applied', 'applied']);
    expect((await shogai.health()).state).toBe('ok');
  });

  it('links automatically with precision of at least 99.5% and recall of at least 95%', async () => {
    const links: { source: string; source_key: string; atena_no: string | null; state: string }[] = await store.dataSource.query(
      `SELECT source, source_key, atena_no, state FROM linkage.link`,
    );
    const linkOf = new Map(links.map((l) => [`${l.source}|${l.source_key}`, l]));
    // The 手帳's key is built by the adapter; the generator names it by type, birth date and reading.
    const keyed = truth.filter((t) => t.source !== 'shogai-techo');
    let correct = 0;
    let wrong = 0;
    for (const t of keyed) {
      const link = linkOf.get(`${t.source}|${t.key}`);
      if (link?.state !== 'linked') continue;
      if (link.atena_no === t.atenaNo) correct++;
      else wrong++;
    }
    const techoLinks = links.filter((l) => l.source === 'shogai-techo' && l.state === 'linked');
    const techoTruth = new Set(truth.filter((t) => t.source === 'shogai-techo').map((t) => t.atenaNo));
    const techoCorrect = techoLinks.filter((l) => techoTruth.has(l.atena_no!)).length;
    const precision = (correct + techoCorrect) / (correct + wrong + techoLinks.length);
    const recall = (correct + techoCorrect) / truth.length;
    expect(precision).toBeGreaterThanOrEqual(0.995);
    expect(recall).toBeGreaterThanOrEqual(0.95);
    expect(links.length).toBe(truth.length);
  });

  it('links the 困窮 ledger, which has no 宛名番号, by matching alone, with the same precision', async () => {
    const konkyu = new KonkyuIngest({ dir: join(dir, 'konkyu'), db: store.dataSource });
    await konkyu.scan();
    const ledgerTruth = readFileSync(join(dir, 'truth', 'konkyu.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as SourceTruth);
    const links: { source_key: string; atena_no: string | null; state: string }[] = await store.dataSource.query(
      `SELECT source_key, atena_no, state FROM linkage.link WHERE source = 'konkyu'`,
    );
    const truthOf = new Map(ledgerTruth.map((t) => [t.key, t.atenaNo]));
    const linked = links.filter((l) => l.state === 'linked');
    const correct = linked.filter((l) => truthOf.get(l.source_key) === l.atena_no).length;
    expect(ledgerTruth.length).toBeGreaterThan(10);
    expect(correct / linked.length).toBeGreaterThanOrEqual(0.995);
    expect(correct / ledgerTruth.length).toBeGreaterThanOrEqual(0.9);
    await konkyu.close();
  });
});
