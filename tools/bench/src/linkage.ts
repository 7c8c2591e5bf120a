// Scores linkage against the generator's truth: node tools/bench/dist/linkage.js --city DIR [--database-url URL]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ingestMigrations } from '@welfare-hub/ingest';
import { JukiIngest, jukiMigrations } from '@welfare-hub/adapter-juki';
import { ShogaiIngest, shogaiMigrations } from '@welfare-hub/adapter-shogai';
import { linkageMigrations } from '@welfare-hub/linkage';
import { KonkyuIngest, konkyuMigrations } from '@welfare-hub/adapter-konkyu';
import { openStore } from '@welfare-hub/store';

const { values } = parseArgs({ options: { city: { type: 'string' }, 'database-url': { type: 'string' } } });
if (!values.city) throw new Error('--city DIR is required');
const store = await openStore({
  databaseUrl: values['database-url'],
  dataDir: 'memory://',
  migrations: [...ingestMigrations, ...jukiMigrations, ...linkageMigrations, ...shogaiMigrations, ...konkyuMigrations],
});
await store.dataSource.query(
  'TRUNCATE juki.person, ingest.source_read, ingest.rejected_record, linkage.link, linkage.candidate, linkage.decision, konkyu.consultation',
);
await new JukiIngest({ dir: join(values.city, 'juki'), db: store.dataSource }).scan();
const started = Date.now();
const outcomes = await new ShogaiIngest({ dir: join(values.city, 'shogai'), db: store.dataSource }).scan();
const seconds = (Date.now() - started) / 1000;

interface Truth {
  source: string;
  key: string;
  atenaNo: string;
}
const truth = readFileSync(join(values.city, 'truth', 'shogai.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as Truth);
const links: { source: string; source_key: string; atena_no: string | null; state: string; method: string | null }[] = await store.dataSource.query(
  `SELECT source, source_key, atena_no, state, method FROM linkage.link`,
);
// 手帳 rows have no key of their own in the source; they are scored by the person they name.
const keyed = new Map(truth.filter((t) => t.source !== 'shogai-techo').map((t) => [`${t.source}|${t.key}`, t.atenaNo]));
const techoPeople = new Set(truth.filter((t) => t.source === 'shogai-techo').map((t) => t.atenaNo));
let correct = 0;
let wrong = 0;
for (const link of links.filter((l) => l.state === 'linked')) {
  const right = link.source === 'shogai-techo' ? techoPeople.has(link.atena_no!) : keyed.get(`${link.source}|${link.source_key}`) === link.atena_no;
  if (right) correct++;
  else wrong++;
}
const queued = links.filter((l) => l.state === 'queued').length;
const unmatched = links.filter((l) => l.state === 'unmatched').length;
await new KonkyuIngest({ dir: join(values.city, 'konkyu'), db: store.dataSource }).scan();
const ledgerTruth = new Map(
  readFileSync(join(values.city, 'truth', 'konkyu.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Truth)
    .map((t) => [t.key, t.atenaNo]),
);
const konkyuLinks: { source_key: string; atena_no: string | null; state: string }[] = await store.dataSource.query(
  `SELECT source_key, atena_no, state FROM linkage.link WHERE source = 'konkyu'`,
);
const konkyuLinked = konkyuLinks.filter((l) => l.state === 'linked');
const konkyuCorrect = konkyuLinked.filter((l) => ledgerTruth.get(l.source_key) === l.atena_no).length;
console.log(
  JSON.stringify({
    konkyu: {
      rows: ledgerTruth.size,
      precision: Number((konkyuCorrect / konkyuLinked.length).toFixed(4)),
      recall: Number((konkyuCorrect / ledgerTruth.size).toFixed(4)),
      queued: konkyuLinks.filter((l) => l.state === 'queued').length,
      unmatched: konkyuLinks.filter((l) => l.state === 'unmatched').length,
    },
  }),
);
console.log(
  JSON.stringify({
    shogai: true,
    store: store.kind,
    records: outcomes.reduce((n, o) => n + o.recordsRead, 0),
    seconds,
    linkedByAtena: links.filter((l) => l.method === 'atena').length,
    linkedByMatch: links.filter((l) => l.method === 'match').length,
    precision: Number((correct / (correct + wrong)).toFixed(4)),
    recall: Number((correct / truth.length).toFixed(4)),
    queued,
    unmatched,
  }),
);
await store.close();
