// The analysts' index and statistics: node tools/bench/dist/analytics.js --database-url URL (a store a hub has read a city into)
// Times an index build, situationStatistics by district from it, and the same count as one SQL GROUP BY over the index.
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import { buildIndex, situationStatistics, storeIndexSources } from '@welfare-hub/analytics';
import { RELATIONSHIPS } from '@welfare-hub/adapter-juki';
import { allMigrations, sectorFacts } from '@welfare-hub/launcher';
import { DEFAULT_THRESHOLDS } from '@welfare-hub/situations';
import { todayInTokyo } from '@welfare-hub/codec';
import { openStore } from '@welfare-hub/store';

const { values } = parseArgs({ options: { 'database-url': { type: 'string' } } });
if (!values['database-url']) throw new Error('--database-url URL is required');
const store = await openStore({ databaseUrl: values['database-url'], migrations: allMigrations });
const sources = storeIndexSources(store.dataSource, randomBytes(32), DEFAULT_THRESHOLDS, async () => ({}), sectorFacts(), RELATIONSHIPS);
const seconds = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
  const started = process.hrtime.bigint();
  const result = await work();
  return [result, Number(process.hrtime.bigint() - started) / 1e9];
};
const [built] = await seconds(() => buildIndex(sources, todayInTokyo()));
const [, statistics] = await seconds(() => situationStatistics(sources, { asOf: null, groupBy: 'DISTRICT', threshold: 10, today: todayInTokyo() }));
const [, groupBy] = await seconds(() =>
  store.dataSource.query(`SELECT h.district, k.kind, count(*) FROM analytics.household h, unnest(h.kinds) AS k(kind)
    WHERE h.generation = (SELECT generation FROM analytics.state) GROUP BY 1, 2`),
);
console.log(
  JSON.stringify({
    households: built.households,
    indexBuildSeconds: Number(built.seconds.toFixed(2)),
    statisticsSeconds: Number(statistics.toFixed(3)),
    groupBySeconds: Number(groupBy.toFixed(3)),
    ratio: Number((statistics / groupBy).toFixed(1)),
  }),
);
await store.close();
