import { graphql, startHubUnderTest, token, type HubUnderTest } from './support/hub-under-test.js';

// Issue 13, finding 1: a resident's identity only for staff of registered organisations inside welfare, every read of
// it in the audit log before it is returned, and listed for the privacy officer (identityLog).

interface IdentityRecord {
  id: string;
  staffId: string;
  orgId: string;
  personId: string;
  action: string;
  purpose: string;
  protected: boolean;
  restricted: boolean;
}

const IDENTITY_LOG = `query ($p: ID!) { identityLog(personId: $p) { id staffId orgId personId action purpose protected restricted } }`;
const VIEW = `query ($h: ID!) { household(id: $h) { id address members { id name kaigo { careLevel } } situations { kind } } }`;

describe('identity reads through the gateway', () => {
  let t: HubUnderTest;
  let setaiNo: string;
  let members: string[];
  let kanaPrefix: string;
  let officer: string;
  let kaigo: string;
  beforeAll(async () => {
    t = await startHubUnderTest(null, { HUB_AUDIT_CHECKPOINT_SECONDS: '1' });
    const [h] = await t.db.query(
      `SELECT setai_no FROM juki.person WHERE resident_status = 1 GROUP BY setai_no HAVING count(*) >= 3 ORDER BY setai_no LIMIT 1`,
    );
    setaiNo = h.setai_no;
    members = (await t.db.query(`SELECT atena_no FROM juki.person WHERE setai_no = $1 AND resident_status = 1 ORDER BY atena_no`, [setaiNo])).map(
      (r: { atena_no: string }) => r.atena_no,
    );
    const [p] = await t.db.query(`SELECT name_kana FROM juki.person WHERE atena_no = $1`, [members[0]]);
    kanaPrefix = (p.name_kana as string).split('\u3000')[0]!;
    officer = await token({ sub: 'privacy-01', org: 'HUB-ADMIN', roles: ['privacy_officer'] });
    kaigo = await token({ sub: 'kaigo-01', org: 'KAIGO-HOKATSU' });
  }, 120_000);
  afterAll(() => t.stop());

  const identityLog = async (personId: string): Promise<IdentityRecord[]> => {
    const answer = await graphql<{ identityLog: IdentityRecord[] }>(t.url, IDENTITY_LOG, { token: officer, variables: { p: personId } });
    expect(answer.errors).toBeUndefined();
    return answer.data!.identityLog;
  };
  const identityRows = async (): Promise<number> =>
    (await t.db.query(`SELECT count(*)::int AS n FROM audit.entry WHERE action IN ('READ', 'SEARCH')`))[0].n;

  it('shows no resident to staff outside welfare, to an unregistered staff id or to an analyst, and records nothing for them', async () => {
    const before = await identityRows();
    const viewers = [
      await token({ sub: 'minsei-01', org: 'MINSEI-IIN' }),
      await token({ sub: 'ghost-01', org: 'KAIGO-HOKATSU' }),
      await token({ sub: 'analyst-01', org: 'KIKAKU', roles: ['analyst'] }),
    ];
    for (const viewer of viewers) {
      const answer = await graphql(
        t.url,
        `
          query ($p: ID!, $h: ID!, $k: String!) {
            person(id: $p) {
              name
            }
            household(id: $h) {
              address
              members {
                name
              }
            }
            searchPersons(nameKana: $k) {
              name
            }
          }
        `,
        {
          token: viewer,
          variables: { p: members[0], h: setaiNo, k: kanaPrefix },
        },
      );
      expect(answer.errors).toBeUndefined();
      expect(answer.data).toEqual({ person: null, household: null, searchPersons: [] });
    }
    expect(await identityRows()).toBe(before);
  });

  it('records every member a household view shows, once per request, with a purpose the person can read', async () => {
    const answer = await graphql<{ household: { members: { id: string }[] } }>(t.url, VIEW, { token: kaigo, variables: { h: setaiNo } });
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.household.members.map((m) => m.id).sort()).toEqual(members);
    for (const personId of members) {
      const log = await identityLog(personId);
      expect(log).toEqual([
        expect.objectContaining({
          staffId: 'kaigo-01',
          orgId: 'KAIGO-HOKATSU',
          personId,
          action: 'READ',
          protected: false,
          restricted: false,
          purpose: '住民記録 (氏名・生年月日・続柄・住所・世帯) の閲覧: 福祉の業務として',
        }),
      ]);
    }
  });

  it('records a search result as SEARCH and a person read as READ, and lists them only for a privacy officer', async () => {
    const found = await graphql<{ searchPersons: { id: string }[] }>(
      t.url,
      `
        query ($k: String!) {
          searchPersons(nameKana: $k, limit: 5) {
            id
          }
        }
      `,
      { token: kaigo, variables: { k: kanaPrefix } },
    );
    expect(found.errors).toBeUndefined();
    const first = found.data!.searchPersons[0]!.id;
    expect((await identityLog(first)).map((r) => r.action)).toContain('SEARCH');
    await graphql(
      t.url,
      `
        query ($p: ID!) {
          person(id: $p) {
            name
          }
        }
      `,
      { token: await token({ sub: 'shogai-01', org: 'SHOGAI-SODAN' }), variables: { p: first } },
    );
    expect((await identityLog(first))[0]).toMatchObject({ staffId: 'shogai-01', action: 'READ' });
    const notOfficer = await graphql(t.url, IDENTITY_LOG, {
      token: await token({ sub: 'admin-01', org: 'HUB-ADMIN', roles: ['admin'] }),
      variables: { p: first },
    });
    expect(notOfficer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const reads = await graphql<{ protectedReads: unknown[] }>(
      t.url,
      `
        {
          protectedReads {
            id
          }
        }
      `,
      { token: officer },
    );
    expect(reads.errors).toBeUndefined();
  });

  it('discloses to the person what is not restricted, counts what is, and the chain still verifies', async () => {
    const personId = members[1]!;
    await graphql(
      t.url,
      `
        query ($p: ID!) {
          person(id: $p) {
            name
            kaigo {
              careLevel
            }
          }
        }
      `,
      { token: kaigo, variables: { p: personId } },
    );
    const log = await graphql<{ accessLog: { id: string; purpose: string; restricted: boolean }[] }>(
      t.url,
      `
        query ($p: ID!) {
          accessLog(personId: $p) {
            id
            purpose
            restricted
          }
        }
      `,
      {
        token: officer,
        variables: { p: personId },
      },
    );
    const decision = log.data!.accessLog[0]!;
    expect(decision).toMatchObject({ purpose: '介護の記録の閲覧: 介護を担当する機関の業務として', restricted: false });
    const read = (await identityLog(personId))[0]!;

    const RESTRICT = `mutation ($id: ID!, $r: String!) { restrictAccessRecord(id: $id, reason: $r) { id restricted restriction { staffId reason } } }`;
    const byCaseWorker = await graphql(t.url, RESTRICT, { token: kaigo, variables: { id: decision.id, r: '照会' } });
    expect(byCaseWorker.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const wrongKind = await graphql(t.url, RESTRICT, { token: officer, variables: { id: read.id, r: '照会' } });
    expect(wrongKind.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    const noReason = await graphql(t.url, RESTRICT, { token: officer, variables: { id: decision.id, r: '  ' } });
    expect(noReason.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    const restricted = await graphql(t.url, RESTRICT, { token: officer, variables: { id: decision.id, r: '配偶者暴力の事案に関わるため' } });
    expect(restricted.data).toEqual({
      restrictAccessRecord: { id: decision.id, restricted: true, restriction: { staffId: 'privacy-01', reason: '配偶者暴力の事案に関わるため' } },
    });
    const readRestricted = await graphql(
      t.url,
      `
        mutation ($id: ID!) {
          restrictIdentityRecord(id: $id, reason: "同上") {
            id
            restricted
          }
        }
      `,
      { token: officer, variables: { id: read.id } },
    );
    expect(readRestricted.data).toEqual({ restrictIdentityRecord: { id: read.id, restricted: true } });

    const disclosure = await graphql<{
      disclosure: { personId: string; entries: { id: string }[]; identityEntries: { id: string }[]; withheld: number };
    }>(
      t.url,
      `
        query ($p: ID!) {
          disclosure(personId: $p) {
            personId
            entries {
              id
            }
            identityEntries {
              id
            }
            withheld
          }
        }
      `,
      { token: officer, variables: { p: personId } },
    );
    expect(disclosure.errors).toBeUndefined();
    expect(disclosure.data!.disclosure.withheld).toBe(2);
    expect(disclosure.data!.disclosure.entries.map((e) => e.id)).not.toContain(decision.id);
    expect(disclosure.data!.disclosure.identityEntries.map((e) => e.id)).not.toContain(read.id);
    const integrity = await graphql<{ auditIntegrity: { ok: boolean } }>(
      t.url,
      `
        {
          auditIntegrity {
            ok
            problem
          }
        }
      `,
      { token: officer },
    );
    expect(integrity.data!.auditIntegrity).toEqual({ ok: true, problem: null });
  });

  it('exports a signed head, and checks the log against it', async () => {
    const signedHead = async () =>
      (
        await graphql<{ auditHead: { entries: number; exported: string } | null }>(
          t.url,
          `
            {
              auditHead {
                entries
                exported
              }
            }
          `,
          { token: officer },
        )
      ).data!.auditHead;
    let head = await signedHead();
    for (let i = 0; i < 20 && !head; i++) head = await new Promise((r) => setTimeout(r, 250)).then(signedHead);
    expect(head).not.toBeNull();
    expect(head!.entries).toBeGreaterThan(0);
    const checked = await graphql<{ auditIntegrity: { ok: boolean; witnessedEntries: number } }>(
      t.url,
      `
        query ($h: String) {
          auditIntegrity(against: $h) {
            ok
            witnessedEntries
          }
        }
      `,
      {
        token: officer,
        variables: { h: head!.exported },
      },
    );
    expect(checked.data!.auditIntegrity.ok).toBe(true);
    expect(checked.data!.auditIntegrity.witnessedEntries).toBeGreaterThanOrEqual(head!.entries);
    const garbage = await graphql(
      t.url,
      `
        {
          auditIntegrity(against: "whub-head.e30") {
            ok
          }
        }
      `,
      { token: officer },
    );
    expect(garbage.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'against' });
  });

  it('returns no identity when its read cannot be written to the audit log', async () => {
    await t.db.query(`ALTER TABLE audit.head RENAME TO head_gone`);
    try {
      const answer = await graphql<{ household: unknown; person: unknown }>(
        t.url,
        `
          query ($p: ID!, $h: ID!) {
            person(id: $p) {
              name
            }
            household(id: $h) {
              address
            }
          }
        `,
        {
          token: kaigo,
          variables: { p: members[0], h: setaiNo },
        },
      );
      expect(answer.data?.person ?? null).toBeNull();
      expect(answer.data?.household ?? null).toBeNull();
      expect(answer.errors?.length).toBeGreaterThan(0);
      const [{ name, address }] = await t.db.query(`SELECT name, address FROM juki.person WHERE atena_no = $1`, [members[0]]);
      expect(JSON.stringify(answer)).not.toContain(name);
      expect(JSON.stringify(answer)).not.toContain(address);
      expect(JSON.stringify(answer.errors)).not.toMatch(/audit|head_gone|relation/);
    } finally {
      await t.db.query(`ALTER TABLE audit.head_gone RENAME TO head`);
    }
  });
});
