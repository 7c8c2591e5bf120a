// The count of each household situation over a store a hub has read a city into, as the analysts' index derives it:
// node tools/bench/dist/situations.js --database-url URL --as-of YYYY-MM-DD [--dump FILE]
// --dump writes each 世帯's kinds under a pseudonym with a fixed key, so that two runs (before and after a rule change)
// can be compared household by household; the pseudonyms of a synthetic city are nothing about a real person.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { indexHouseholds, storeIndexSources } from '@welfare-hub/analytics';
import { RELATIONSHIPS } from '@welfare-hub/adapter-juki';
import { allMigrations, sectorFacts } from '@welfare-hub/launcher';
import { DEFAULT_THRESHOLDS } from '@welfare-hub/situations';
import { openStore } from '@welfare-hub/store';

const { values } = parseArgs({ options: { 'database-url': { type: 'string' }, 'as-of': { type: 'string' }, dump: { type: 'string' } } });
if (!values['database-url'] || !values['as-of']) throw new Error('--database-url URL and --as-of YYYY-MM-DD are required');
const store = await openStore({ databaseUrl: values['database-url'], migrations: allMigrations });
// A fixed key: the same 世帯 has the same pseudonym in every run.
const sources = storeIndexSources(store.dataSource, Buffer.alloc(32, 1), DEFAULT_THRESHOLDS, async () => ({}), sectorFacts(), RELATIONSHIPS);
const counts: Record<string, number> = { EIGHTY_FIFTY: 0, DOUBLE_CARE: 0, YOUNG_CARER: 0, MULTI_SECTOR: 0 };
const kinds: Record<string, string[]> = {};
let households = 0;
const started = process.hrtime.bigint();
for await (const chunk of indexHouseholds(sources, values['as-of'])) {
  for (const h of chunk.households) {
    households++;
    for (const k of h.kinds) counts[k] = (counts[k] ?? 0) + 1;
    if (h.kinds.length > 0) kinds[h.pseudoId] = h.kinds;
  }
}
if (values.dump) writeFileSync(values.dump, JSON.stringify(kinds));
console.log(
  JSON.stringify({ asOf: values['as-of'], households, ...counts, seconds: Number((Number(process.hrtime.bigint() - started) / 1e9).toFixed(1)) }),
);
await store.close();
