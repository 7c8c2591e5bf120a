// Ingest throughput of each sector adapter, with linkage: node tools/bench/dist/sectors.js --city DIR --database-url URL
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ingestMigrations } from '@welfare-hub/ingest';
import { JukiIngest, jukiMigrations } from '@welfare-hub/adapter-juki';
import { ShogaiIngest, shogaiMigrations } from '@welfare-hub/adapter-shogai';
import { KonkyuIngest, konkyuMigrations } from '@welfare-hub/adapter-konkyu';
import { KodomoIngest, kodomoMigrations } from '@welfare-hub/adapter-kodomo';
import { KaigoIngest, kaigoMigrations } from '@welfare-hub/adapter-kaigo';
import { linkageMigrations } from '@welfare-hub/linkage';
import { startKodomoSimulator } from '@welfare-hub/kodomo-sim';
import { loadKaigoVendorDb } from '@welfare-hub/kaigo-sim';
import { openStore } from '@welfare-hub/store';

const { values } = parseArgs({ options: { city: { type: 'string' }, 'database-url': { type: 'string' } } });
if (!values.city || !values['database-url']) throw new Error('--city DIR and --database-url URL are required');
const store = await openStore({
  databaseUrl: values['database-url'],
  migrations: [
    ...ingestMigrations,
    ...jukiMigrations,
    ...linkageMigrations,
    ...shogaiMigrations,
    ...konkyuMigrations,
    ...kodomoMigrations,
    ...kaigoMigrations,
  ],
});
const db = store.dataSource;
await db.query(`DROP TABLE IF EXISTS T_HIHOKENSHA, T_NINTEI, T_KYUFU_JISSEKI, T_HOKATSU_SODAN`);
await db.query(`TRUNCATE juki.person, ingest.source_read, ingest.rejected_record, linkage.link, linkage.candidate, linkage.decision,
  konkyu.consultation, kodomo.child, kodomo.case, kaigo.hihokensha, kaigo.nintei, kaigo.sodan, shogai.techo, shogai.jukyusha, shogai.sodan`);
await new JukiIngest({ dir: join(values.city, 'juki'), db }).scan();
await loadKaigoVendorDb(db, join(values.city, 'kaigo', 'kaigo.json'));
const sim = await startKodomoSimulator({ dataFile: join(values.city, 'kodomo', 'kodomo.json'), apiKey: 'bench', faults: { rateLimit: 1000 } });

async function measure(
  name: string,
  ingest: { scan(): Promise<unknown>; health(): Promise<{ recordsRead: number; awaitingLink: number }> },
): Promise<void> {
  const started = process.hrtime.bigint();
  await ingest.scan();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const health = await ingest.health();
  console.log(
    JSON.stringify({
      source: name,
      records: health.recordsRead,
      seconds: Number(seconds.toFixed(2)),
      recordsPerSecond: Math.round(health.recordsRead / seconds),
      awaitingLink: health.awaitingLink,
    }),
  );
}
await measure('shogai', new ShogaiIngest({ dir: join(values.city, 'shogai'), db }));
await measure('konkyu', new KonkyuIngest({ dir: join(values.city, 'konkyu'), db }));
await measure('kodomo', new KodomoIngest({ db, client: { baseUrl: sim.url, apiKey: 'bench' } }));
await measure('kaigo', new KaigoIngest({ vendor: db, db }));
await sim.close();
await db.query(`DROP TABLE IF EXISTS T_HIHOKENSHA, T_NINTEI, T_KYUFU_JISSEKI, T_HOKATSU_SODAN`);
await store.close();
