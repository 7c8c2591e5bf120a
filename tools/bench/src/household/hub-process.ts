// The hub under benchmark without its gateway: store, sources, the six subgraphs and the ceiling, in a process of their
// own. The gateways (ours and the peer) run in theirs, as a deployment runs them, so that they have a core apart.
// Started by household.ts over IPC: it reports { privatePem } once the subgraphs listen and, asked once the gateway is
// ready (every source settled), the sampled households; it switches policy on request.
import { allMigrations, composeHub, loadConfig } from '@welfare-hub/launcher';
import { SUBGRAPH_NAMES } from '@welfare-hub/schema';
import { countStatements, openStore } from '@welfare-hub/store';
import { join } from 'node:path';
import { BenchPolicy } from './bench-policy.js';
import { startCeiling } from './ceiling.js';
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
import { exportSigningKeys, generateSigningKeys } from '@welfare-hub/context';

const config = loadConfig(process.env, 'embedded');
// The bench reports SQL statements per household view, so that one more query per member shows at once.
const sqlStatements = countStatements();
const store = await openStore({ databaseUrl: config.databaseUrl ?? undefined, dataDir: join(config.dataDir, 'pglite'), migrations: allMigrations });
const policy = new BenchPolicy(store.dataSource);
const keys = await generateSigningKeys();
const hub = await composeHub(config, SUBGRAPH_NAMES, { store, policy, keys });
process.send!({ kind: 'started', privatePem: (await exportSigningKeys(keys)).privatePem });
await new Promise<void>((ok) => process.once('message', (m: { kind: string }) => m.kind === 'sample' && ok()));
// Households of four to six current residents with records in at least two sectors: the view a case worker opens.
const rows: { setai_no: string }[] = await store.dataSource.query(
  `SELECT p.setai_no FROM juki.person p
   WHERE p.resident_status = 1
   GROUP BY p.setai_no
   HAVING count(*) BETWEEN 4 AND 6
      AND (SELECT count(DISTINCT split_part(l.source, '-', 1)) FROM linkage.link l JOIN juki.person q ON q.atena_no = l.atena_no
           WHERE q.setai_no = p.setai_no AND q.resident_status = 1 AND l.state = 'linked') >= 2
   ORDER BY p.setai_no LIMIT 500`,
);
const ceiling = await startCeiling(store.dataSource, Number(process.env['BENCH_CEILING_PORT'] || 4499), {
  staffId: 'kaigo-01',
  orgId: 'KAIGO-HOKATSU',
});
process.send!({ kind: 'ready', households: rows.map((r) => r.setai_no) });
const inspector = new Session();
process.on('message', (message: { kind: string; mode?: 'real' | 'grant-all' | 'identity-unaudited'; file?: string }) => {
  if (message.kind === 'profile-start') {
    // A CPU profile of one phase only (--profile DIR), without the start-up's reading of the sources.
    inspector.connect();
    void inspector.post('Profiler.enable').then(() => inspector.post('Profiler.start'));
  } else if (message.kind === 'profile-stop') {
    void inspector.post('Profiler.stop').then(({ profile }) => {
      writeFileSync(message.file!, JSON.stringify(profile));
      inspector.disconnect();
      process.send!({ kind: 'profiled' });
    });
  } else if (message.kind === 'counts') {
    process.send!({ kind: 'counts', sqlStatements: sqlStatements.count() });
  } else if (message.kind === 'mode') {
    policy.mode = message.mode!;
    process.send!({ kind: 'mode', mode: policy.mode });
  } else if (message.kind === 'stop') {
    ceiling.close();
    void hub
      .close()
      .then(() => store.close())
      .then(() => process.exit(0));
  }
});
