import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '@welfare-hub/store';
import { allMigrations } from '@welfare-hub/launcher';
import { createTestDatabase, type TestDatabase } from '@welfare-hub/store';
import { graphql, TEST_SECRET, token, TOPOLOGY } from './support/hub-under-test.js';
import { portBlock } from './support/ports.js';

const MAIN = fileURLToPath(new URL('../../launcher/dist/main.js', import.meta.url));

/**
 * The hub as a user runs it (`node launcher/dist/main.js`), in its own process group so that kill -9 takes all of
 * it at once, as a power cut would: nothing gets to flush, close or say goodbye. Embedded (one process, PGlite) or,
 * in the multi-process project, one process per part over a PostgreSQL database.
 */
class HubProcess {
  private child: ChildProcess | null = null;
  constructor(
    readonly env: NodeJS.ProcessEnv,
    readonly port: number,
  ) {}
  get url(): string {
    return `http://127.0.0.1:${this.port}/graphql`;
  }
  start(): void {
    this.child = spawn(process.execPath, [MAIN], { env: { ...process.env, ...this.env }, detached: true, stdio: 'ignore' });
  }
  async ready(timeoutMs = 180_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      const ok = await fetch(`http://127.0.0.1:${this.port}/health/ready`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) return;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error('the hub did not become ready');
  }
  kill9(): Promise<void> {
    const child = this.child!;
    return new Promise((resolve) => {
      child.once('exit', () => resolve());
      process.kill(-child.pid!, 'SIGKILL');
    });
  }
  stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      child.once('exit', () => resolve());
      process.kill(-child.pid!, 'SIGTERM');
    });
  }
}

/**
 * A hub in a data folder (and, multi-process, a database) of its own for one describe block. Only the ingest test needs
 * a city large enough to be caught mid-read; the write tests restart a small one (each start reads every source again).
 */
function hubFor(residents: number): { hub: () => HubProcess; dataDir: () => string; databaseUrl: () => string | undefined } {
  let dataDir: string;
  let database: TestDatabase;
  let hub: HubProcess;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'hub-kill-'));
    database = TOPOLOGY === 'multiprocess' ? await createTestDatabase() : { url: undefined, drop: async () => {} };
    const port = portBlock();
    hub = new HubProcess(
      {
        HUB_JWT_SECRET: TEST_SECRET,
        HUB_PORT: String(port),
        HUB_HOST: '127.0.0.1',
        HUB_SUBGRAPH_PORT_FROM: String(port + 1),
        HUB_DATA_DIR: dataDir,
        HUB_DEMO_RESIDENTS: String(residents),
        HUB_LOG: 'silent',
        HUB_AUDIT_CHECKPOINT_SECONDS: '1',
        ...(database.url ? { HUB_DATABASE_URL: database.url } : {}),
      },
      port,
    );
  }, 60_000);
  afterAll(async () => {
    await hub.stop();
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);
  return { hub: () => hub, dataDir: () => dataDir, databaseUrl: () => database.url };
}

describe('durability: kill -9 during an ingest', () => {
  const running = hubFor(10_000);
  let hub: HubProcess;
  let dataDir: string;
  let database: { url: string | undefined };
  beforeAll(() => {
    hub = running.hub();
    dataDir = running.dataDir();
    database = { url: running.databaseUrl() };
  });

  it('resumes an ingest cut by kill -9 without a record duplicated or lost', async () => {
    hub.start();
    if (database.url) {
      // On a server the reading can be watched from outside: the kill comes once the registry's first rows are in.
      const watcher = await openStore({ databaseUrl: database.url, migrate: false });
      for (;;) {
        const [row] = await watcher.dataSource.query(`SELECT count(*)::int AS n FROM juki.person`).catch(() => [{ n: 0 }]);
        if (row.n > 0) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      await watcher.close();
    } else {
      // Embedded, nothing outside the process can look in: long enough for the demo city to be written and read.
      await new Promise((r) => setTimeout(r, 4_000));
    }
    await hub.kill9();
    hub.start();
    await hub.ready();
    const health = (await (await fetch(hub.url.replace('/graphql', '/health/ready'))).json()) as { sources: { juki: { recordsRejected: number } } };
    await hub.stop();
    const truth = join(dataDir, 'demo-city', 'truth');
    const persons = readFileSync(join(truth, 'juki.jsonl'), 'utf8').split('\n').filter(Boolean).length;
    const planted = (JSON.parse(readFileSync(join(truth, 'juki-invalid.json'), 'utf8')) as { invalid: unknown[] }).invalid.length;
    const store = await openStore({ databaseUrl: database.url ?? undefined, dataDir: join(dataDir, 'pglite'), migrations: allMigrations });
    const [{ n }] = await store.dataSource.query(`SELECT count(*)::int AS n FROM juki.person`);
    await store.close();
    expect(n).toBe(persons);
    expect(health.sources.juki.recordsRejected).toBe(planted);
  }, 360_000);
});

describe('durability: kill -9 while writing', () => {
  const running = hubFor(300);
  let hub: HubProcess;
  beforeAll(() => {
    hub = running.hub();
  });

  it('keeps every acknowledged consent and revocation through kill -9, and the audit log still verifies', async () => {
    hub.start();
    await hub.ready();
    const staff = await token({ sub: 'kaigo-01', org: 'KAIGO-HOKATSU' });
    const person = (
      await graphql<{ searchPersons: { id: string }[] }>(
        hub.url,
        `
          {
            searchPersons(nameKana: "ア", limit: 1) {
              id
            }
          }
        `,
        { token: staff },
      )
    ).data!.searchPersons[0]!.id;
    const acknowledged: { id: string; revoked: boolean }[] = [];
    let killed = false;
    const stream = async (): Promise<void> => {
      while (!killed) {
        const recorded = await graphql<{ recordConsent: { id: string } }>(
          hub.url,
          `
            mutation ($i: ConsentInput!) {
              recordConsent(input: $i) {
                id
              }
            }
          `,
          {
            token: staff,
            variables: {
              i: {
                personId: person,
                sectors: ['KONKYU'],
                recipientOrgs: ['KAIGO-HOKATSU'],
                purpose: '見守り',
                validFrom: '2026-01-01',
                validUntil: '2027-12-31',
                method: 'WRITTEN',
              },
            },
          },
        ).catch(() => null);
        const id = recorded?.data?.recordConsent?.id;
        if (!id) continue;
        const entry = { id, revoked: false };
        acknowledged.push(entry);
        const revoked = await graphql<{ revokeConsent: { status: string } }>(
          hub.url,
          `
            mutation ($id: ID!) {
              revokeConsent(id: $id, reason: "撤回") {
                status
              }
            }
          `,
          { token: staff, variables: { id } },
        ).catch(() => null);
        if (revoked?.data?.revokeConsent?.status === 'REVOKED') entry.revoked = true;
      }
    };
    const writers = [stream(), stream(), stream()];
    await new Promise((r) => setTimeout(r, 3_000));
    await hub.kill9();
    killed = true;
    await Promise.all(writers);
    expect(acknowledged.length).toBeGreaterThan(5);

    hub.start();
    await hub.ready();
    const consents = (
      await graphql<{ consents: { id: string; status: string }[] }>(
        hub.url,
        `
          query ($p: ID!) {
            consents(personId: $p) {
              id
              status
            }
          }
        `,
        { token: staff, variables: { p: person } },
      )
    ).data!.consents;
    const stored = new Map(consents.map((c) => [c.id, c.status]));
    for (const a of acknowledged) {
      expect(stored.has(a.id)).toBe(true);
      if (a.revoked) expect(stored.get(a.id)).toBe('REVOKED');
    }
    const integrity = await graphql<{ auditIntegrity: { ok: boolean; entries: number } }>(
      hub.url,
      `
        {
          auditIntegrity {
            ok
            entries
          }
        }
      `,
      {
        token: await token({ sub: 'privacy-01', org: 'HUB-ADMIN', roles: ['privacy_officer'] }),
      },
    );
    expect(integrity.data!.auditIntegrity.ok).toBe(true);
    await hub.stop();
  }, 240_000);

  it('keeps every acknowledged case decision and contact through kill -9', async () => {
    hub.start();
    await hub.ready();
    const coordinator = await token({ sub: 'coord-01', org: 'JUSOU-SUISHIN', roles: ['coordinator'] });
    const ask = <T>(query: string, variables: Record<string, unknown>) => graphql<T>(hub.url, query, { token: coordinator, variables });
    const person = (await ask<{ searchPersons: { id: string }[] }>(`{ searchPersons(nameKana: "イ", limit: 1) { id } }`, {})).data!.searchPersons[0]!
      .id;
    const hour = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
    const meeting = (
      await ask<{ openSupportMeeting: { id: string } }>(`mutation ($i: MeetingInput!) { openSupportMeeting(input: $i) { id } }`, {
        i: { kind: 'SHIEN_KAIGI', title: '支援会議', subjectPersonIds: [person], memberStaffIds: ['coord-01'], opensAt: hour(-1), closesAt: hour(6) },
      })
    ).data!.openSupportMeeting.id;
    const caseId = (
      await ask<{ openCase: { id: string } }>(`mutation ($i: OpenCaseInput!) { openCase(input: $i) { id } }`, {
        i: { route: 'OUTREACH', subjectPersonIds: [person], withoutConsent: true, summary: 'アウトリーチ' },
      })
    ).data!.openCase.id;
    const decide = `mutation ($m: ID!, $i: DecisionInput!) { recordDecision(meetingId: $m, input: $i) { id } }`;
    expect((await ask(decide, { m: meeting, i: { caseId, kind: 'OUTREACH_PLANNED', note: '初回' } })).errors).toBeUndefined();
    const decisions: string[] = [];
    const contacts: string[] = [];
    let killed = false;
    const stream = async (): Promise<void> => {
      while (!killed) {
        const d = await ask<{ recordDecision: { id: string } }>(decide, {
          m: meeting,
          i: { caseId, kind: 'OUTREACH_PLANNED', note: '見直し' },
        }).catch(() => null);
        if (d?.data?.recordDecision?.id) decisions.push(d.data.recordDecision.id);
        const c = await ask<{ recordContact: { id: string } }>(
          `mutation ($c: ID!, $i: ContactInput!) { recordContact(caseId: $c, input: $i) { id } }`,
          {
            c: caseId,
            i: { at: new Date(Date.now() - 1_000).toISOString(), kind: 'LETTER', note: '手紙' },
          },
        ).catch(() => null);
        if (c?.data?.recordContact?.id) contacts.push(c.data.recordContact.id);
      }
    };
    const writers = [stream(), stream(), stream()];
    await new Promise((r) => setTimeout(r, 3_000));
    await hub.kill9();
    killed = true;
    await Promise.all(writers);
    expect(decisions.length).toBeGreaterThan(3);
    expect(contacts.length).toBeGreaterThan(3);

    hub.start();
    await hub.ready();
    const stored = (
      await ask<{ case: { decisions: { id: string }[]; contacts: { id: string }[] } }>(
        `query ($id: ID!) { case(id: $id) { decisions { id } contacts { id } } }`,
        { id: caseId },
      )
    ).data!.case;
    const storedDecisions = new Set(stored.decisions.map((d) => d.id));
    const storedContacts = new Set(stored.contacts.map((c) => c.id));
    for (const id of decisions) expect(storedDecisions.has(id)).toBe(true);
    for (const id of contacts) expect(storedContacts.has(id)).toBe(true);
    await hub.stop();
  }, 240_000);
});
