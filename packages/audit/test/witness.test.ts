import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { sign } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openTestStore, type Store } from '@welfare-hub/store';
import {
  AuditHeadRefused,
  AuditKeeper,
  AuditLog,
  BadExportedHead,
  FileWitness,
  auditMigrations,
  entryHash,
  exportCheckpoint,
  generateAuditSigningKey,
  type AuditEntry,
  type AuditSigningKey,
} from '../src/index.js';

// The attacks of issue 13 (finding 8), by someone who owns the database, run against the real one (PGlite, or the
// server named by TEST_DATABASE_URL): what the hash chain and the checkpoints in the database cannot show, the keeper's
// witness, kept apart from the database, does.

const entry = (personId: string, staffId = 's1'): AuditEntry => ({
  at: new Date('2026-11-22T01:00:00Z'),
  requestId: 'r1',
  staffId,
  orgId: 'o1',
  personId,
  sector: 'KAIGO',
  status: 'GRANTED',
  basis: 'OWN_SECTOR',
  reference: null,
  purpose: '介護の記録の閲覧: 介護を担当する機関の業務として',
});
// Each attack is several statements and a walk of the chain: more than jest's 5 s on a busy machine.
const SLOW = 30_000;
const config = { checkpointSeconds: 60, retentionYears: 7, observeSeconds: 5, witnessFile: null };

describe('an audit log that survives its own database', () => {
  let store: Store;
  let log: AuditLog;
  let dir: string;
  let witnessFile: string;
  const key = generateAuditSigningKey();
  const keeperWith = (witness: FileWitness | null, signingKey: AuditSigningKey = key) =>
    new AuditKeeper(store.dataSource, signingKey, config, witness);
  let keeper: AuditKeeper;
  // One database for the file (opening PGlite is the slow part); each attack starts from an empty log, the table rules
  // back in force, and a witness of its own.
  beforeAll(async () => {
    store = await openTestStore({ migrations: auditMigrations });
  }, 60_000);
  afterAll(() => store.close());
  beforeEach(async () => {
    for (const rule of ['entry_no_update', 'entry_no_delete']) await sql(`ALTER TABLE audit.entry ENABLE RULE ${rule}`);
    for (const rule of ['checkpoint_no_update', 'checkpoint_no_delete']) await sql(`ALTER TABLE audit.checkpoint ENABLE RULE ${rule}`);
    await sql(`TRUNCATE audit.entry, audit.checkpoint`);
    await sql(`UPDATE audit.head SET last_id = 0, last_hash = repeat('0', 64), first_id = 1, first_prev_hash = repeat('0', 64)`);
    log = new AuditLog(store.dataSource);
    dir = mkdtempSync(join(tmpdir(), 'audit-witness-'));
    witnessFile = join(dir, 'witness.jsonl');
    keeper = keeperWith(new FileWitness(witnessFile));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> => store.dataSource.query(text, params);
  const checkpointIds = async () =>
    (await sql<{ id: string }>(`SELECT entry_id::text AS id FROM audit.checkpoint ORDER BY entry_id`)).map((r) => r.id);

  /** Five entries under three checkpoints (at 2, 4 and 5), each noted in the witness. */
  async function history(): Promise<void> {
    await log.append([entry('p1'), entry('p2')]);
    await keeper.checkpoint();
    await log.append([entry('p3'), entry('p4')]);
    await keeper.checkpoint();
    await log.append([entry('p5')]);
    await keeper.checkpoint();
    expect(await checkpointIds()).toEqual(['2', '4', '5']);
  }

  /** Changes entry `id`'s staff behind the table's rules and recomputes every hash from there on, and the head. */
  async function rewriteFrom(id: number): Promise<void> {
    await sql(`ALTER TABLE audit.entry DISABLE RULE entry_no_update`);
    await sql(`UPDATE audit.entry SET staff_id = 'nobody-saw-it' WHERE id = $1`, [id]);
    const rows = await sql(
      `SELECT id::text, at, request_id, staff_id, org_id, person_id, sector, status, basis, reference, purpose, prev_hash FROM audit.entry WHERE id >= $1 ORDER BY id`,
      [id],
    );
    let prev = rows[0]!['prev_hash'] as string;
    for (const r of rows) {
      const e: AuditEntry = { ...entry(r['person_id'] as string, r['staff_id'] as string), at: r['at'] as Date };
      const hash = entryHash(r['id'] as string, e, prev);
      await sql(`UPDATE audit.entry SET prev_hash = $2, hash = $3 WHERE id = $1`, [r['id'], prev, hash]);
      prev = hash;
    }
    await sql(`UPDATE audit.head SET last_hash = $1`, [prev]);
  }

  async function deleteCheckpointsFrom(entryId: number): Promise<void> {
    await sql(`ALTER TABLE audit.checkpoint DISABLE RULE checkpoint_no_delete`);
    await sql(`DELETE FROM audit.checkpoint WHERE entry_id >= $1`, [entryId]);
  }

  it(
    'catches an entry changed, the chain re-hashed and the later checkpoints deleted, and will not sign the forged head',
    async () => {
      await history();
      await rewriteFrom(3);
      await deleteCheckpointsFrom(3);
      // What the issue found: the database alone now tells a consistent story.
      expect(await log.verify()).toMatchObject({ ok: true, entries: 5 });
      expect(await keeper.verify()).toMatchObject({ ok: false, problem: 'REWRITTEN', firstBadEntry: '3', witnessedEntries: '5' });
      // A keeper started afresh knows the last signed head from the witness alone.
      const restarted = keeperWith(new FileWitness(witnessFile));
      expect(await restarted.verify()).toMatchObject({ ok: false, problem: 'REWRITTEN', firstBadEntry: '3' });
      await log.append([entry('p6')]);
      await expect(restarted.checkpoint()).rejects.toBeInstanceOf(AuditHeadRefused);
      await expect(restarted.checkpoint()).rejects.toBeInstanceOf(AuditHeadRefused);
      expect(await checkpointIds()).toEqual(['2']);
    },
    SLOW,
  );

  it(
    'catches the same with every checkpoint deleted',
    async () => {
      await history();
      await rewriteFrom(3);
      await deleteCheckpointsFrom(0);
      expect(await log.verify()).toMatchObject({ ok: true });
      const restarted = keeperWith(new FileWitness(witnessFile));
      expect(await restarted.verify()).toMatchObject({ ok: false, problem: 'REWRITTEN', firstBadEntry: '1' });
      await expect(restarted.checkpoint()).rejects.toBeInstanceOf(AuditHeadRefused);
      expect(await checkpointIds()).toEqual([]);
    },
    SLOW,
  );

  it(
    'shows checkpoints deleted even when the entries were left alone: from the middle, and from the end',
    async () => {
      await history();
      await sql(`ALTER TABLE audit.checkpoint DISABLE RULE checkpoint_no_delete`);
      await sql(`DELETE FROM audit.checkpoint WHERE entry_id = 4`);
      // Without the witness too: the checkpoint at 5 names the digest of the one at 4.
      expect(await keeperWith(null).verify()).toMatchObject({ ok: false, problem: 'CHECKPOINT_MISSING' });
      await sql(`DELETE FROM audit.checkpoint WHERE entry_id = 5`);
      expect(await keeperWith(new FileWitness(witnessFile)).verify()).toMatchObject({ ok: false, problem: 'CHECKPOINT_MISSING' });
    },
    SLOW,
  );

  it(
    'catches a tail cut and the head moved back within the checkpoint window, once the keeper has seen the head',
    async () => {
      await log.append([entry('p1'), entry('p2'), entry('p3')]);
      await keeper.checkpoint();
      await log.append([entry('p4'), entry('p5'), entry('p6')]);
      await keeper.observe(); // the keeper's observation timer (HUB_AUDIT_OBSERVE_SECONDS): no signature, a line in the witness
      await sql(`ALTER TABLE audit.entry DISABLE RULE entry_no_delete`);
      await sql(`DELETE FROM audit.entry WHERE id >= 5`);
      const [four] = await sql<{ hash: string }>(`SELECT hash FROM audit.entry WHERE id = 4`);
      await sql(`UPDATE audit.head SET last_id = 4, last_hash = $1`, [four!.hash]);
      expect(await log.verify()).toMatchObject({ ok: true, entries: 4 });
      expect(await keeper.verify()).toMatchObject({ ok: false, problem: 'TAIL_CUT', firstBadEntry: '5', witnessedEntries: '6' });
      const restarted = keeperWith(new FileWitness(witnessFile));
      expect(await restarted.verify()).toMatchObject({ ok: false, problem: 'TAIL_CUT', firstBadEntry: '5' });
      await expect(restarted.checkpoint()).rejects.toBeInstanceOf(AuditHeadRefused);
      // Writing past the cut hides nothing: the entry the keeper saw at 6 is not the one there now, and it is not taken as seen.
      await log.append([entry('p7'), entry('p8'), entry('p9')]);
      expect(await restarted.observe()).toBeNull();
      expect(await keeperWith(new FileWitness(witnessFile)).verify()).toMatchObject({ ok: false, problem: 'REWRITTEN', firstBadEntry: '4' });
    },
    SLOW,
  );

  it(
    'cannot see a rollback made while the keeper was down when there is no witness (why production requires one)',
    async () => {
      const forgetful = keeperWith(null);
      await log.append([entry('p1'), entry('p2')]);
      await forgetful.checkpoint();
      await log.append([entry('p3')]);
      await forgetful.checkpoint();
      await rewriteFrom(2);
      await deleteCheckpointsFrom(2);
      expect(await forgetful.verify()).toMatchObject({ ok: false, problem: 'REWRITTEN' }); // it remembers, while it runs
      expect(await keeperWith(null).verify()).toMatchObject({ ok: true }); // restarted, it does not
    },
    SLOW,
  );

  it(
    'exports a signed head that a privacy officer can later check the log against, and refuses a head that is not one',
    async () => {
      const officer = keeperWith(null);
      await log.append([entry('p1'), entry('p2'), entry('p3')]);
      await officer.checkpoint();
      const head = (await officer.exportHead())!;
      expect(head.exported).toMatch(/^whub-head\.[A-Za-z0-9_-]+$/);
      expect(await officer.verifyAgainst(head.exported)).toMatchObject({ ok: true, witnessedEntries: '3' });
      await rewriteFrom(2);
      await deleteCheckpointsFrom(0);
      // A keeper with no memory and no witness sees nothing wrong; the exported head does.
      const later = keeperWith(null);
      expect(await later.verify()).toMatchObject({ ok: true });
      expect(await later.verifyAgainst(head.exported)).toMatchObject({ ok: false, problem: 'REWRITTEN', firstBadEntry: '1' });
      await expect(later.verifyAgainst('whub-head.bm90IGEgaGVhZA')).rejects.toBeInstanceOf(BadExportedHead);
      await expect(later.verifyAgainst('anything')).rejects.toBeInstanceOf(BadExportedHead);
      const stranger = generateAuditSigningKey();
      const forged = exportCheckpoint({
        ...head.checkpoint,
        keyId: stranger.keyId,
        signature: sign(null, Buffer.from('x'), stranger.privateKey).toString('base64'),
      });
      await expect(later.verifyAgainst(forged)).rejects.toBeInstanceOf(BadExportedHead);
    },
    SLOW,
  );

  it(
    'adopts a checkpoint that reached the table but not the witness (a crash between the two), and goes on',
    async () => {
      await log.append([entry('p1')]);
      await keeper.checkpoint();
      await log.append([entry('p2')]);
      await keeperWith(null).checkpoint(); // signed and stored, never witnessed
      expect(readFileSync(witnessFile, 'utf8').trim().split('\n')).toHaveLength(1);
      const restarted = keeperWith(new FileWitness(witnessFile));
      expect(await restarted.verify()).toMatchObject({ ok: true, checkpoints: 2 });
      await log.append([entry('p3')]);
      expect(await restarted.checkpoint()).toMatchObject({ entryId: '3' });
      expect(await restarted.verify()).toMatchObject({ ok: true, checkpoints: 3, witnessedEntries: '3' });
    },
    SLOW,
  );

  it(
    'says so when the witness holds a head whose signature does not fit',
    async () => {
      await log.append([entry('p1')]);
      await keeper.checkpoint();
      const [line] = readFileSync(witnessFile, 'utf8').trim().split('\n');
      const forged = { ...(JSON.parse(line!) as Record<string, unknown>), signature: Buffer.alloc(64).toString('base64') };
      appendFileSync(witnessFile, `${JSON.stringify(forged)}\n`);
      expect(await keeperWith(new FileWitness(witnessFile)).verify()).toMatchObject({ ok: false, problem: 'WITNESS_INVALID' });
    },
    SLOW,
  );

  it(
    'verifies checkpoints signed before they were chained (version 1), and chains the next one onto them',
    async () => {
      await log.append([entry('p1'), entry('p2')]);
      const [head] = await sql<{ last_id: string; last_hash: string }>(`SELECT last_id::text, last_hash FROM audit.head`);
      const signedAt = new Date('2026-11-22T02:00:00Z');
      const v1 = sign(
        null,
        Buffer.from(`welfare-hub audit checkpoint\n${head!.last_id}\n${head!.last_hash}\n${signedAt.toISOString()}`),
        key.privateKey,
      ).toString('base64');
      await sql(`INSERT INTO audit.checkpoint (entry_id, entry_hash, signed_at, key_id, signature) VALUES ($1, $2, $3, $4, $5)`, [
        head!.last_id,
        head!.last_hash,
        signedAt,
        key.keyId,
        v1,
      ]);
      await log.append([entry('p3')]);
      expect(await keeper.checkpoint()).toMatchObject({ version: 2, entryId: '3' });
      expect(await keeper.verify()).toMatchObject({ ok: true, checkpoints: 2 });
      await sql(`ALTER TABLE audit.checkpoint DISABLE RULE checkpoint_no_delete`);
      await sql(`DELETE FROM audit.checkpoint WHERE entry_id = 2`);
      expect(await keeper.verify()).toMatchObject({ ok: false, problem: 'CHECKPOINT_MISSING' });
    },
    SLOW,
  );
});
