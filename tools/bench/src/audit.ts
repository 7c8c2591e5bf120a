// Audit-log appends per second: node tools/bench/dist/audit.js --database-url URL (an empty database)
import { parseArgs } from 'node:util';
import { AuditLog, auditMigrations, type AuditEntry } from '@welfare-hub/audit';
import { openStore } from '@welfare-hub/store';

const { values } = parseArgs({ options: { 'database-url': { type: 'string' } } });
const store = await openStore({ databaseUrl: values['database-url'], dataDir: 'memory://', migrations: auditMigrations });
const log = new AuditLog(store.dataSource);
const entry = (i: number): AuditEntry => ({
  at: new Date(),
  requestId: `r${i}`,
  staffId: 's',
  orgId: 'o',
  personId: String(i),
  sector: 'KAIGO',
  status: 'GRANTED',
  basis: 'OWN_SECTOR',
  reference: null,
  purpose: 'Person.kaigo',
});
// One append is one request's decisions: a household of 5 asked about one sector is a batch of 5.
for (const batch of [1, 5, 20]) {
  const total = 6000;
  const started = Date.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < total) {
        const base = next;
        next += batch;
        await log.append(Array.from({ length: batch }, (_, k) => entry(base + k)));
      }
    }),
  );
  const seconds = (Date.now() - started) / 1000;
  console.log(
    JSON.stringify({
      store: store.kind,
      batch,
      concurrency: 8,
      entries: total,
      entriesPerSecond: Math.round(total / seconds),
      appendsPerSecond: Math.round(total / batch / seconds),
    }),
  );
}
const started = Date.now();
const integrity = await log.verify();
console.log(JSON.stringify({ verified: integrity.ok, entries: integrity.entries, seconds: (Date.now() - started) / 1000 }));
await store.close();
