// The audit module through the hub subgraph's operations: the log for the privacy officer and nobody else (FORBIDDEN,
// as the contract says of a missing role); the decisions of an audited read appear in accessLog and in what the person
// is shown on a 開示請求 (disclosure), a 不開示 leaves the entry in the log and counts it as withheld; and the chain, with
// the real keeper's signed checkpoints, verifies, against an exported head too, and names an entry changed behind it.
import { Policy } from '@welfare-hub/policy';
import { hubContext, type TestViewer } from '@welfare-hub/subgraph-host/test-support';
import { PERSON, VIEWER, dataOf, hubFixture, refusal } from './support/hub-fixture.js';

const fixture = hubFixture({ keeper: true });

const RECORD_FIELDS = 'id staffId orgId sector status basis reference purpose restricted restriction { staffId orgId reason }';
const ACCESS_LOG = `query ($personId: ID!, $limit: Int) { accessLog(personId: $personId, limit: $limit) { ${RECORD_FIELDS} } }`;
const IDENTITY_FIELDS = 'id staffId orgId personId action protected restricted';
const IDENTITY_LOG = `query ($personId: ID!) { identityLog(personId: $personId) { ${IDENTITY_FIELDS} } }`;
const PROTECTED_READS = `{ protectedReads { ${IDENTITY_FIELDS} } }`;
const DISCLOSURE = `query ($personId: ID!) { disclosure(personId: $personId) {
  personId entries { id sector status } identityEntries { id action } withheld consents { id recordedBy recordedOrg status } } }`;
const INTEGRITY = 'query ($against: String) { auditIntegrity(against: $against) { ok entries firstBadEntry checkpoints problem witnessedEntries } }';
const HEAD = '{ auditHead { entries entryHash keyId exported } }';
const RESTRICT = `mutation ($id: ID!, $reason: String!) { restrictAccessRecord(id: $id, reason: $reason) { ${RECORD_FIELDS} } }`;
const RESTRICT_IDENTITY = 'mutation ($id: ID!, $reason: String!) { restrictIdentityRecord(id: $id, reason: $reason) { id restricted } }';

interface AccessRecord {
  id: string;
  staffId: string;
  orgId: string;
  sector: string;
  status: string;
  basis: string | null;
  reference: string | null;
  purpose: string;
  restricted: boolean;
  restriction: { staffId: string; orgId: string; reason: string } | null;
}
interface Disclosure {
  personId: string;
  entries: { id: string; sector: string; status: string }[];
  identityEntries: { id: string; action: string }[];
  withheld: number;
  consents: { id: string; recordedBy: string; recordedOrg: string; status: string }[];
}
interface Integrity {
  ok: boolean;
  entries: number;
  firstBadEntry: string | null;
  checkpoints: number;
  problem: string | null;
  witnessedEntries: number | null;
}

const officer = VIEWER.privacyOfficer;
const run = <T = Record<string, unknown>>(viewer: TestViewer, query: string, variables?: Record<string, unknown>) =>
  fixture.hub().run<T>(viewer, query, variables);
const accessLog = async (personId: string, limit?: number) =>
  dataOf(await run<{ accessLog: AccessRecord[] }>(officer, ACCESS_LOG, limit === undefined ? { personId } : { personId, limit })).accessLog;
const disclosure = async (personId: string) => dataOf(await run<{ disclosure: Disclosure }>(officer, DISCLOSURE, { personId })).disclosure;
const integrity = async (against?: string) => dataOf(await run<{ auditIntegrity: Integrity }>(officer, INTEGRITY, { against })).auditIntegrity;
/** Person.access through _entities: the policy decides each sector and writes every decision to the log first. */
const readAccess = async (viewer: TestViewer, personId: string) =>
  dataOf(await fixture.hub().entities(viewer, [{ __typename: 'Person', id: personId }], '... on Person { access { sector status } }'));
const entriesInLog = async (): Promise<number> => Number((await fixture.db().query(`SELECT count(*)::int AS n FROM audit.entry`))[0].n);

beforeAll(async () => {
  await readAccess(VIEWER.kaigo, PERSON.adult);
  await readAccess(VIEWER.minsei, PERSON.adult);
  // The registry's subgraph records the identity it shows through the same policy: one read, one of a resident under
  // a 支援措置.
  const juki = new Policy(fixture.db()).forRequest(hubContext(VIEWER.kaigo));
  await juki.recordIdentityReads([
    { personId: PERSON.adult, action: 'READ', protected: false },
    { personId: PERSON.other, action: 'SEARCH', protected: true },
  ]);
});

describe('who reads the audit log', () => {
  const operations: [string, Record<string, unknown>][] = [
    [ACCESS_LOG, { personId: PERSON.adult }],
    [IDENTITY_LOG, { personId: PERSON.adult }],
    [PROTECTED_READS, {}],
    [DISCLOSURE, { personId: PERSON.adult }],
    [INTEGRITY, {}],
    [HEAD, {}],
    [RESTRICT, { id: '1', reason: '調査中' }],
    [RESTRICT_IDENTITY, { id: '1', reason: '調査中' }],
  ];

  it('refuses everyone but a privacy officer, FORBIDDEN and no data: a coordinator, an admin, an analyst, case workers, staff outside welfare', async () => {
    for (const viewer of [VIEWER.coordinator, VIEWER.admin, VIEWER.analyst, VIEWER.kaigo, VIEWER.minsei, VIEWER.unregistered]) {
      for (const [query, variables] of operations) {
        const result = await run(viewer, query, variables);
        expect(refusal(result)).toEqual({ code: 'FORBIDDEN' });
        // A non-null field's refusal nulls the data, a nullable one's (auditHead) itself.
        expect(Object.values(result.data ?? {}).every((value) => value === null)).toBe(true);
      }
    }
  });

  it('answers the privacy officer', async () => {
    for (const [query, variables] of operations.filter(([q]) => q !== RESTRICT && q !== RESTRICT_IDENTITY)) {
      expect((await run(officer, query, variables)).errors).toBeUndefined();
    }
  });
});

describe('accessLog: who saw or was refused what about a person', () => {
  it('lists every decision of a read, granted or denied, newest first, with a purpose that names no one', async () => {
    const log = await accessLog(PERSON.adult);
    expect(log.map((r) => [r.staffId, r.orgId, r.sector, r.status, r.basis])).toEqual([
      ['minsei-1', 'MINSEI', 'KONKYU', 'DENIED', null],
      ['minsei-1', 'MINSEI', 'KODOMO', 'DENIED', null],
      ['minsei-1', 'MINSEI', 'SHOGAI', 'DENIED', null],
      ['minsei-1', 'MINSEI', 'KAIGO', 'DENIED', null],
      ['kaigo-1', 'KAIGO-HOKATSU', 'KONKYU', 'DENIED', null],
      ['kaigo-1', 'KAIGO-HOKATSU', 'KODOMO', 'DENIED', null],
      ['kaigo-1', 'KAIGO-HOKATSU', 'SHOGAI', 'DENIED', null],
      ['kaigo-1', 'KAIGO-HOKATSU', 'KAIGO', 'GRANTED', 'OWN_SECTOR'],
    ]);
    for (const r of log) {
      expect(r).toMatchObject({ restricted: false, restriction: null });
      expect(r.purpose).not.toMatch(/福祉 太郎|0000000201/);
    }
    expect((await accessLog(PERSON.adult, 2)).map((r) => r.id)).toEqual(log.slice(0, 2).map((r) => r.id));
    expect(refusal(await run(officer, ACCESS_LOG, { personId: PERSON.adult, limit: 1001 }))).toEqual({ code: 'BAD_USER_INPUT', field: 'limit' });
  });

  it('shows the decisions of a read once it is made, and nothing about a person no one read', async () => {
    expect(await accessLog(PERSON.child)).toEqual([]);
    await readAccess(VIEWER.shogai, PERSON.child);
    expect((await accessLog(PERSON.child)).map((r) => [r.staffId, r.sector, r.status])).toEqual([
      ['shogai-1', 'KONKYU', 'DENIED'],
      ['shogai-1', 'KODOMO', 'DENIED'],
      ['shogai-1', 'SHOGAI', 'GRANTED'],
      ['shogai-1', 'KAIGO', 'DENIED'],
    ]);
  });
});

describe('identityLog and protectedReads', () => {
  it("lists the reads of a person's identity, and every read of a resident under a 支援措置", async () => {
    const identity = dataOf(await run<{ identityLog: Record<string, unknown>[] }>(officer, IDENTITY_LOG, { personId: PERSON.adult })).identityLog;
    expect(identity).toEqual([expect.objectContaining({ staffId: 'kaigo-1', personId: PERSON.adult, action: 'READ', protected: false })]);
    const reads = dataOf(await run<{ protectedReads: Record<string, unknown>[] }>(officer, PROTECTED_READS)).protectedReads;
    expect(reads).toEqual([expect.objectContaining({ staffId: 'kaigo-1', personId: PERSON.other, action: 'SEARCH', protected: true })]);
  });
});

describe('disclosure and 不開示', () => {
  it('shows the person every entry about them and their consents; a restricted entry stays in the log and is counted as withheld', async () => {
    const consent = dataOf(
      await run<{ recordConsent: { id: string } }>(VIEWER.konkyu, 'mutation ($input: ConsentInput!) { recordConsent(input: $input) { id } }', {
        input: {
          personId: PERSON.adult,
          sectors: ['KONKYU'],
          recipientOrgs: ['KAIGO-HOKATSU'],
          purpose: '支援のため',
          validFrom: new Date().toISOString().slice(0, 10),
          validUntil: new Date(Date.now() + 86_400_000).toISOString().slice(0, 10),
          method: 'WRITTEN',
        },
      }),
    ).recordConsent;
    const before = await disclosure(PERSON.adult);
    expect(before).toMatchObject({ personId: PERSON.adult, withheld: 0 });
    expect(before.entries).toHaveLength(8);
    expect(before.identityEntries.map((e) => e.action)).toEqual(['READ']);
    expect(before.consents).toEqual([{ id: consent.id, recordedBy: 'konkyu-1', recordedOrg: 'KONKYU-SHAKYO', status: 'ACTIVE' }]);

    const granted = (await accessLog(PERSON.adult)).find((r) => r.status === 'GRANTED')!;
    const restricted = dataOf(
      await run<{ restrictAccessRecord: AccessRecord }>(officer, RESTRICT, { id: granted.id, reason: ' 捜査中 ' }),
    ).restrictAccessRecord;
    expect(restricted).toMatchObject({ id: granted.id, restricted: true, restriction: { staffId: 'po-1', orgId: 'FUKUSHI-SOMU', reason: '捜査中' } });

    const after = await disclosure(PERSON.adult);
    expect(after.withheld).toBe(1);
    expect(after.entries.map((e) => e.id)).toEqual(before.entries.map((e) => e.id).filter((id) => id !== granted.id));
    expect((await accessLog(PERSON.adult)).find((r) => r.id === granted.id)).toMatchObject({ restricted: true });

    // Restricting it again changes nothing.
    dataOf(await run(officer, RESTRICT, { id: granted.id, reason: '再度' }));
    expect((await disclosure(PERSON.adult)).withheld).toBe(1);
    expect((await accessLog(PERSON.adult)).find((r) => r.id === granted.id)!.restriction).toMatchObject({ reason: '捜査中' });
  });

  it('refuses a restriction without a reason, or of an entry that is not an access decision', async () => {
    const [any] = await accessLog(PERSON.adult);
    expect(refusal(await run(officer, RESTRICT, { id: any!.id, reason: '  ' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect(refusal(await run(officer, RESTRICT, { id: '999999', reason: '調査中' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'id' });
    expect(refusal(await run(officer, RESTRICT_IDENTITY, { id: any!.id, reason: '調査中' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'id' });
  });
});

describe('auditIntegrity and auditHead', () => {
  it('verifies the chain, restrictions included; a head only once the keeper has signed one, and the chain against it', async () => {
    expect(await integrity()).toMatchObject({ ok: true, entries: await entriesInLog(), firstBadEntry: null, checkpoints: 0, problem: null });
    expect(dataOf(await run<{ auditHead: unknown }>(officer, HEAD)).auditHead).toBeNull();

    await fixture.keeper().checkpoint();
    const head = dataOf(await run<{ auditHead: { entries: number; exported: string } }>(officer, HEAD)).auditHead;
    expect(head.entries).toBe(await entriesInLog());
    await readAccess(VIEWER.kaigo, PERSON.other);
    expect(await integrity(head.exported)).toMatchObject({ ok: true, entries: await entriesInLog(), checkpoints: 1, problem: null });
    expect(refusal(await run(officer, INTEGRITY, { against: 'whub-head.not-a-head' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'against' });
  });

  it('names the entry changed behind the log', async () => {
    const [changed] = await accessLog(PERSON.child, 1);
    await fixture.db().query(`ALTER TABLE audit.entry DISABLE RULE entry_no_update`);
    await fixture.db().query(`UPDATE audit.entry SET staff_id = 'someone-else' WHERE id = $1`, [changed!.id]);
    expect(await integrity()).toMatchObject({ ok: false, firstBadEntry: changed!.id, problem: 'ENTRY_CHANGED' });
  });
});
