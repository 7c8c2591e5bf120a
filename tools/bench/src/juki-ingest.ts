// Measures the juki ingest: node tools/bench/dist/juki-ingest.js --city DIR [--database-url URL]
// DIR is a city written by tools/citygen (DIR/juki, DIR/truth). Without --database-url: an in-memory PGlite.
import { createReadStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ingestMigrations } from '@welfare-hub/ingest';
import { JukiIngest, jukiMigrations } from '@welfare-hub/adapter-juki';
import { openStore } from '@welfare-hub/store';

const { values } = parseArgs({ options: { city: { type: 'string' }, 'database-url': { type: 'string' } } });
if (!values.city) throw new Error('--city DIR is required');
const store = await openStore({
  databaseUrl: values['database-url'],
  dataDir: 'memory://',
  migrations: [...ingestMigrations, ...jukiMigrations],
});
await store.dataSource.query('TRUNCATE juki.person, ingest.source_read, ingest.rejected_record');
const ingest = new JukiIngest({ dir: join(values.city, 'juki'), db: store.dataSource });
const started = process.hrtime.bigint();
const outcomes = await ingest.scan();
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const read = outcomes.reduce((n, o) => n + o.recordsRead, 0);
const rejected = outcomes.reduce((n, o) => n + o.recordsRejected, 0);
const peakRssMiB = Math.round(process.resourceUsage().maxRSS / 1024);

async function countLines(path: string): Promise<number> {
  let lines = 0;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) for (const byte of chunk) if (byte === 0x0a) lines++;
  return lines;
}

// The ingest is checked against the generator's truth: every person there, every planted defect rejected.
const truthPersons = await countLines(join(values.city, 'truth', 'juki.jsonl'));
const planted = (JSON.parse(readFileSync(join(values.city, 'truth', 'juki-invalid.json'), 'utf8')) as { invalid: unknown[] }).invalid.length;
const stored = await ingest.persons.count();
console.log(
  JSON.stringify({
    store: store.kind,
    files: outcomes.length,
    recordsRead: read,
    recordsRejected: rejected,
    seconds: Number(seconds.toFixed(2)),
    recordsPerSecond: Math.round(read / seconds),
    peakRssMiB,
    personsStored: stored,
    personsInTruth: truthPersons,
    plantedInvalid: planted,
    matchesTruth: stored === truthPersons && rejected === planted,
  }),
);
await store.close();
