import { graphql, startHubUnderTest, token, type HubUnderTest } from './support/hub-under-test.js';

describe('the audit log through the gateway', () => {
  let t: HubUnderTest;
  let personId: string;
  beforeAll(async () => {
    t = await startHubUnderTest(null, { HUB_AUDIT_CHECKPOINT_SECONDS: '1' });
    [{ atena_no: personId }] = await t.db.query(`SELECT atena_no FROM juki.person WHERE resident_status = 1 ORDER BY atena_no LIMIT 1`);
  }, 120_000);
  afterAll(() => t.stop());

  const LOG = `query ($p: ID!) { accessLog(personId: $p) { at staffId orgId sector status basis reference } }`;

  it('tells a privacy officer who saw what about a person, each decision granted or denied', async () => {
    await graphql(
      t.url,
      `
        query ($p: ID!) {
          person(id: $p) {
            name
            kaigo {
              careLevel
            }
            konkyu {
              consultations {
                id
              }
            }
          }
        }
      `,
      {
        token: await token({ sub: 'kaigo-01', org: 'KAIGO-HOKATSU' }),
        variables: { p: personId },
      },
    );
    const officer = await token({ sub: 'privacy-01', org: 'HUB-ADMIN', roles: ['privacy_officer'] });
    const log = await graphql<{ accessLog: { staffId: string; sector: string; status: string; basis: string | null }[] }>(t.url, LOG, {
      token: officer,
      variables: { p: personId },
    });
    expect(log.errors).toBeUndefined();
    const mine = log.data!.accessLog.filter((r) => r.staffId === 'kaigo-01');
    expect(mine).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sector: 'KAIGO', status: 'GRANTED', basis: 'OWN_SECTOR' }),
        expect.objectContaining({ sector: 'KONKYU', status: 'DENIED', basis: null }),
      ]),
    );
    const integrity = await graphql<{ auditIntegrity: { ok: boolean; entries: number; firstBadEntry: string | null } }>(
      t.url,
      '{ auditIntegrity { ok entries firstBadEntry checkedAt } }',
      { token: officer },
    );
    expect(integrity.data!.auditIntegrity).toMatchObject({ ok: true, firstBadEntry: null });
    expect(integrity.data!.auditIntegrity.entries).toBeGreaterThanOrEqual(2);
  });

  it("signs checkpoints over the chain with the hub's Ed25519 key, and checks them", async () => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const integrity = await graphql<{ auditIntegrity: { ok: boolean; checkpoints: number; lastCheckpointAt: string | null } }>(
      t.url,
      '{ auditIntegrity { ok checkpoints lastCheckpointAt } }',
      { token: await token({ sub: 'privacy-01', org: 'HUB-ADMIN', roles: ['privacy_officer'] }) },
    );
    expect(integrity.data!.auditIntegrity.ok).toBe(true);
    expect(integrity.data!.auditIntegrity.checkpoints).toBeGreaterThanOrEqual(1);
    expect(Date.parse(integrity.data!.auditIntegrity.lastCheckpointAt!)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('is for privacy officers only', async () => {
    const answer = await graphql(t.url, LOG, {
      token: await token({ sub: 'admin-01', org: 'HUB-ADMIN', roles: ['admin'] }),
      variables: { p: personId },
    });
    expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('names the first entry an intruder changed', async () => {
    await t.db.query(`ALTER TABLE audit.entry DISABLE RULE entry_no_update`);
    await t.db.query(`UPDATE audit.entry SET staff_id = 'nobody-saw-it' WHERE id = 1`);
    const integrity = await graphql<{ auditIntegrity: { ok: boolean; firstBadEntry: string | null } }>(
      t.url,
      '{ auditIntegrity { ok firstBadEntry } }',
      {
        token: await token({ sub: 'privacy-01', org: 'HUB-ADMIN', roles: ['privacy_officer'] }),
      },
    );
    expect(integrity.data!.auditIntegrity).toEqual({ ok: false, firstBadEntry: '1' });
  });

  it('returns no sector data when the audit log cannot be written', async () => {
    await t.db.query(`ALTER TABLE audit.head RENAME TO head_gone`);
    try {
      const answer = await graphql<{ person: { name: string; kaigo: unknown } | null }>(
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
        {
          token: await token({ sub: 'kaigo-01', org: 'KAIGO-HOKATSU' }),
          variables: { p: personId },
        },
      );
      expect(answer.data?.person?.kaigo ?? null).toBeNull();
      expect(answer.errors?.length).toBeGreaterThan(0);
      expect(JSON.stringify(answer.errors)).not.toMatch(/audit|head_gone|relation/);
    } finally {
      await t.db.query(`ALTER TABLE audit.head_gone RENAME TO head`);
    }
  });
});
