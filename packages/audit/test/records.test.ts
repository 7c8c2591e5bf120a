import { createHash } from 'node:crypto';
import { openTestStore, type Store } from '@welfare-hub/store';
import { AuditLog, AuditRecords, NoSuchRecord, auditMigrations, decisionPurpose, entryHash, identityPurpose, type AuditEntry } from '../src/index.js';

const at = new Date('2026-11-22T01:00:00Z');
const decision = (personId: string, staffId = 'kaigo-01'): AuditEntry => ({
  at,
  requestId: 'r1',
  staffId,
  orgId: 'KAIGO-HOKATSU',
  personId,
  sector: 'KAIGO',
  status: 'GRANTED',
  basis: 'OWN_SECTOR',
  reference: null,
  purpose: decisionPurpose('Person.kaigo', 'KAIGO', 'GRANTED', 'OWN_SECTOR'),
});
const identity = (personId: string, action: 'READ' | 'SEARCH' = 'READ', isProtected = false): AuditEntry => ({
  at,
  requestId: 'r2',
  staffId: 'kaigo-01',
  orgId: 'KAIGO-HOKATSU',
  personId,
  sector: null,
  status: 'GRANTED',
  basis: null,
  reference: null,
  purpose: identityPurpose(action),
  action,
  protected: isProtected,
});
const all = { from: null, to: null };
const page = { limit: 100, offset: 0 };
const officer = { staffId: 'privacy-01', orgId: 'HUB-ADMIN', requestId: 'r9' };

describe('the audit records a privacy officer and the person read', () => {
  let store: Store;
  let log: AuditLog;
  let records: AuditRecords;
  beforeAll(async () => {
    store = await openTestStore({ migrations: auditMigrations });
    log = new AuditLog(store.dataSource);
    records = new AuditRecords(store.dataSource, log);
    await log.append([decision('p1'), identity('p1'), identity('p1', 'SEARCH', true), decision('p2'), identity('p2', 'READ', true)]);
  }, 60_000);
  afterAll(() => store.close());

  it('hashes a decision exactly as before identity reads joined the log, so chains written then still verify', () => {
    const e = decision('p1');
    const before = createHash('sha256')
      .update('0'.repeat(64))
      .update('\n')
      .update(JSON.stringify(['1', e.at.toISOString(), e.requestId, e.staffId, e.orgId, e.personId, e.sector, e.status, e.basis, '', e.purpose]))
      .digest('hex');
    expect(entryHash('1', e, '0'.repeat(64))).toBe(before);
    // An identity read's kind and 支援措置 flag are in its hash: neither can be changed unseen.
    expect(entryHash('1', identity('p1'), '0'.repeat(64))).not.toBe(entryHash('1', identity('p1', 'SEARCH'), '0'.repeat(64)));
    expect(entryHash('1', identity('p1'), '0'.repeat(64))).not.toBe(entryHash('1', identity('p1', 'READ', true), '0'.repeat(64)));
  });

  it('keeps decisions and identity reads apart, each with a purpose a person can read', async () => {
    const decisions = await records.accessLog('p1', all, page);
    expect(decisions).toEqual([
      expect.objectContaining({
        id: '1',
        sector: 'KAIGO',
        status: 'GRANTED',
        basis: 'OWN_SECTOR',
        purpose: '介護の記録の閲覧: 介護を担当する機関の業務として',
        restricted: false,
        restriction: null,
      }),
    ]);
    const reads = await records.identityLog('p1', all, page);
    expect(reads.map((r) => [r.id, r.action, r.protected])).toEqual([
      ['3', 'SEARCH', true],
      ['2', 'READ', false],
    ]);
    expect(reads[1]!.purpose).toBe('住民記録 (氏名・生年月日・続柄・住所・世帯) の閲覧: 福祉の業務として');
    expect((await records.protectedReads(all, page)).map((r) => [r.id, r.personId])).toEqual([
      ['5', 'p2'],
      ['3', 'p1'],
    ]);
    expect(await records.protectedReads({ from: new Date(at.getTime() + 1), to: null }, page)).toEqual([]);
  });

  it('reads entries written before purposes were readable (a field name) like the new ones', async () => {
    await log.append([{ ...decision('p7'), status: 'DENIED', basis: null, sector: 'KONKYU', purpose: 'Person.konkyu' }]);
    expect((await records.accessLog('p7', all, page))[0]!.purpose).toBe('生活困窮の記録の閲覧: 根拠がないため表示していません');
  });

  it('restricts an entry for disclosure (不開示) by a chained entry of its own: the entry stays, the chain verifies', async () => {
    const restricted = await records.restrict('identity', '3', '捜査機関からの照会に関わるため', officer);
    expect(restricted).toMatchObject({
      id: '3',
      restricted: true,
      restriction: { staffId: 'privacy-01', orgId: 'HUB-ADMIN', reason: '捜査機関からの照会に関わるため' },
    });
    // Again: nothing more is written.
    const [{ n: before }] = await store.dataSource.query(`SELECT count(*)::int AS n FROM audit.entry`);
    await records.restrict('identity', '3', 'again', officer);
    const [{ n: after }] = await store.dataSource.query(`SELECT count(*)::int AS n FROM audit.entry`);
    expect(after).toBe(before);
    expect((await records.identityLog('p1', all, page)).find((r) => r.id === '3')).toMatchObject({ restricted: true });
    expect(await log.verify()).toMatchObject({ ok: true, firstBadEntry: null });

    const shown = await records.disclosure('p1', all);
    expect(shown.personId).toBe('p1');
    expect(shown.entries.map((e) => e.id)).toEqual(['1']);
    expect(shown.identityEntries.map((e) => e.id)).toEqual(['2']);
    expect(shown.withheld).toBe(1);
    // The restriction itself is not an access to the person: it shows in no list about them.
    expect((await records.accessLog('p1', all, page)).map((r) => r.id)).toEqual(['1']);
  });

  it('restricts only an entry of the kind asked for, and only one that exists', async () => {
    await expect(records.restrict('decision', '2', 'r', officer)).rejects.toBeInstanceOf(NoSuchRecord); // an identity read
    await expect(records.restrict('identity', '1', 'r', officer)).rejects.toBeInstanceOf(NoSuchRecord); // a decision
    await expect(records.restrict('decision', '999999', 'r', officer)).rejects.toBeInstanceOf(NoSuchRecord);
    await expect(records.restrict('decision', '1; DROP TABLE audit.entry', 'r', officer)).rejects.toBeInstanceOf(NoSuchRecord);
    const decisionRestricted = await records.restrict('decision', '4', '配偶者からの暴力の相談に関わるため', officer);
    expect(decisionRestricted).toMatchObject({ id: '4', sector: 'KAIGO', restricted: true });
    expect(await records.disclosure('p2', all)).toMatchObject({ entries: [], withheld: 1 });
  });
});
