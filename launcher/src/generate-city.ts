// npm run generate-city -- --residents 10000 --seed 42 --as-of 2026-11-22 --ido-days 3 --out DIR
// The demo city with every registered sector's source (launcher/src/sectors.ts), the same one `npm start` serves. It
// lives here, not in tools/citygen, because the sectors' writers are in their own folders, which the generator does
// not depend on.
import { parseArgs } from 'node:util';
import { generateDemoCity } from '@welfare-hub/citygen';
import { demoCitySectors } from './sectors.js';

const { values } = parseArgs({
  options: {
    residents: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '20261122' },
    'as-of': { type: 'string', default: new Date().toISOString().slice(0, 10) },
    'ido-days': { type: 'string', default: '3' },
    'invalid-rate': { type: 'string', default: '0.001' },
    out: { type: 'string' },
  },
});
if (!values.out) {
  console.error('usage: npm run generate-city -- --out DIR [--residents N] [--seed S] [--as-of YYYY-MM-DD] [--ido-days D] [--invalid-rate R]');
  process.exit(2);
}
const started = Date.now();
const city = await generateDemoCity({
  dir: values.out,
  residents: Number(values.residents),
  seed: Number(values.seed),
  asOf: values['as-of'],
  sectors: demoCitySectors(),
  idoDays: Number(values['ido-days']),
  invalidRate: Number(values['invalid-rate']),
});
console.log(
  `${city.persons} persons, ${city.households} households, ${city.files.length} files, ${city.bytes} bytes, ` +
    `${city.invalidRecords} planted invalid records, ${city.protectedResidents} residents under a 支援措置, ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
