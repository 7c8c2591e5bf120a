import { createHash } from 'node:crypto';
import { openTestStore, type Store } from '@welfare-hub/store';
import { AuditKeeper, AuditLog, auditMigrations, entryHash, generateAuditSigningKey, type AuditEntry } from '../src/index.js';

const YEAR_MS = 365.25 * 86_400_000;

const entry = (personId: string, at = new Date('2026-11-22T01:00:00Z')): AuditEntry => ({
  at,
  requestId: 'r1',
  staffId: 's1',
  orgId: 'o1',
  personId,
  sector: 'KAIGO',
  status: 'GRANTED',
  basis: 'OWN_SECTOR',
  reference: null,
  purpose: 'Person.kaigo',
});

describe('signed checkpoints and retention', () => {
  let store: Store;
  let log: AuditLog;
  let keeper: AuditKeeper;
  const key = generateAuditSigningKey();
  beforeEach(async () => {
    store = await openTestStore({ migrations: auditMigrations });
    log = new AuditLog(store.dataSource);
    keeper = new AuditKeeper(store.dataSource, key, { checkpointSeconds: 60, retentionYears: 7, observeSeconds: 5, witnessFile: null });
  }, 60_000);
  afterEach(() => store.close());

  const sql = (text: string, params: unknown[] = []): Promise<unknown> => store.dataSource.query(text, params);

  it('signs the head only when it has moved, and verifies every checkpoint', async () => {
    expect(await keeper.checkpoint()).toBeNull();
    await log.append([entry('p1'), entry('p2')]);
    expect(await keeper.checkpoint()).toMatchObject({ entryId: '2', keyId: key.keyId });
    expect(await keeper.checkpoint()).toBeNull();
    await log.append([entry('p3')]);
    await keeper.checkpoint();
    expect(await keeper.verify()).toMatchObject({ ok: true, entries: 3, checkpoints: 2, firstBadEntry: null });
  });

  it('catches a chain rewritten and re-hashed behind the rules, which the hash chain alone accepts', async () => {
    await log.append([entry('p1'), entry('p2')]);
    await keeper.checkpoint();
    await log.append([entry('p3'), entry('p4')]);
    await keeper.checkpoint();
    // Whoever can write the tables rewrites entry 3 and recomputes every hash after it, and the head.
    await sql(`ALTER TABLE audit.entry DISABLE RULE entry_no_update`);
    await sql(`UPDATE audit.entry SET staff_id = 'someone-else' WHERE id = 3`);
    const rows = (await sql(
      `SELECT id::text, at, request_id, staff_id, org_id, person_id, sector, status, basis, reference, purpose, prev_hash FROM audit.entry WHERE id >= 3 ORDER BY id`,
    )) as Record<string, unknown>[];
    let prev = rows[0]!['prev_hash'] as string;
    for (const r of rows) {
      const e: AuditEntry = {
        at: r['at'] as Date,
        requestId: r['request_id'] as string,
        staffId: r['staff_id'] as string,
        orgId: r['org_id'] as string,
        personId: r['person_id'] as string,
        sector: r['sector'] as string,
        status: 'GRANTED',
        basis: r['basis'] as string,
        reference: null,
        purpose: r['purpose'] as string,
      };
      const hash = entryHash(r['id'] as string, e, prev);
      await sql(`UPDATE audit.entry SET prev_hash = $2, hash = $3 WHERE id = $1`, [r['id'], prev, hash]);
      prev = hash;
    }
    await sql(`UPDATE audit.head SET last_hash = $1`, [prev]);
    expect(await log.verify()).toMatchObject({ ok: true });
    expect(await keeper.verify()).toMatchObject({ ok: false, firstBadEntry: '3', checkpoints: 1 });
  });

  it('refuses a checkpoint signed with another key, and one forged in place', async () => {
    await log.append([entry('p1')]);
    await new AuditKeeper(store.dataSource, generateAuditSigningKey(), {
      checkpointSeconds: 60,
      retentionYears: 7,
      observeSeconds: 5,
      witnessFile: null,
    }).checkpoint();
    expect(await keeper.verify()).toMatchObject({ ok: false, firstBadEntry: '1' });
  });

  it('notices a tail cut together with the head, when a checkpoint was signed past it', async () => {
    await log.append([entry('p1'), entry('p2'), entry('p3')]);
    await keeper.checkpoint();
    await sql(`ALTER TABLE audit.entry DISABLE RULE entry_no_delete`);
    await sql(`DELETE FROM audit.entry WHERE id = 3`);
    const [two] = (await sql(`SELECT hash FROM audit.entry WHERE id = 2`)) as { hash: string }[];
    await sql(`UPDATE audit.head SET last_id = 2, last_hash = $1`, [two!.hash]);
    expect(await log.verify()).toMatchObject({ ok: true });
    expect(await keeper.verify()).toMatchObject({ ok: false, firstBadEntry: '3' });
  });

  it('removes entries past retention up to a signed checkpoint, and the rest still verifies', async () => {
    const now = new Date('2026-11-22T00:00:00Z');
    const old = new Date(now.getTime() - 8 * YEAR_MS);
    await log.append([entry('p1', old), entry('p2', old)]);
    await keeper.checkpoint(new Date(old.getTime() + 60_000));
    await log.append([entry('p3', old)]);
    await keeper.checkpoint(new Date(now.getTime() - 6 * YEAR_MS)); // within retention: not an anchor for removal
    await log.append([entry('p4')]);
    await keeper.checkpoint(now);
    expect(await keeper.prune(now)).toBe(2);
    expect(await keeper.prune(now)).toBe(0);
    expect(await sql(`SELECT id::text FROM audit.entry ORDER BY id`)).toEqual([{ id: '3' }, { id: '4' }]);
    expect(await keeper.verify()).toMatchObject({ ok: true, entries: 2, checkpoints: 2 });
    // Moving the start forward to drop entries still within retention is caught: the anchor is too young.
    await sql(`ALTER TABLE audit.entry DISABLE RULE entry_no_delete`);
    const [three] = (await sql(`SELECT hash FROM audit.entry WHERE id = 3`)) as { hash: string }[];
    await sql(`DELETE FROM audit.entry WHERE id = 3`);
    await sql(`UPDATE audit.head SET first_id = 4, first_prev_hash = $1`, [three!.hash]);
    expect(await keeper.verify()).toMatchObject({ ok: false, firstBadEntry: '4' });
  });

  it('keeps the key id as the SHA-256 of the public key', () => {
    expect(key.keyId).toBe(
      createHash('sha256')
        .update(key.publicKey.export({ type: 'spki', format: 'der' }))
        .digest('hex'),
    );
  });
});
