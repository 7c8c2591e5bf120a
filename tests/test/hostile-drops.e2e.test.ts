// Issue 14 through the public graph: a bad drop never wipes, freezes or hides a sector. A 手帳 export in the wrong
// encoding is held (the certificates stay), health and /metrics say so while the hub stays ready, an admin accepts it
// through acceptHeldRead; a directory named like a 異動 file is reported and never makes the hub not ready.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeCp932, encodeCp932 } from '@welfare-hub/codec';
import { graphql, startHubUnderTest, token, type HubUnderTest } from './support/hub-under-test.js';

const until = async <T>(what: string, probe: () => Promise<T | null | undefined | false>, ms = 20_000): Promise<T> => {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
};

interface Read {
  name: string;
  state: string;
  problem: string | null;
  acceptedBy: string | null;
}

describe('a hostile drop against the running hub (issue 14)', () => {
  let t: HubUnderTest;
  let admin: string;
  let shogai: string;
  let personId: string;
  let ready: string;
  const reads = async (source: string): Promise<Read[]> => {
    const answer = await graphql<{ sourceReads: Read[] }>(
      t.url,
      `
        query ($s: SourceName) {
          sourceReads(source: $s, limit: 20) {
            name
            state
            problem
            acceptedBy
          }
        }
      `,
      {
        token: admin,
        variables: { s: source },
      },
    );
    return answer.data!.sourceReads;
  };
  const certificates = async (): Promise<unknown[]> => {
    const answer = await graphql<{ person: { shogai: { certificates: unknown[] } } }>(
      t.url,
      `
        query ($p: ID!) {
          person(id: $p) {
            shogai {
              certificates {
                type
                grade
              }
            }
          }
        }
      `,
      {
        token: shogai,
        variables: { p: personId },
      },
    );
    return answer.data!.person.shogai.certificates;
  };
  const health = async (): Promise<{ status: number; body: { ready: boolean; sources: Record<string, { state: string; problems?: string[] }> } }> => {
    const response = await fetch(ready);
    return {
      status: response.status,
      body: (await response.json()) as { ready: boolean; sources: Record<string, { state: string; problems?: string[] }> },
    };
  };

  beforeAll(async () => {
    t = await startHubUnderTest(null);
    ready = t.url.replace('/graphql', '/health/ready');
    admin = await token({ sub: 'admin-01', org: 'HUB-ADMIN', roles: ['admin'] });
    shogai = await token({ sub: 'shogai-01', org: 'SHOGAI-SODAN' });
    [{ atena_no: personId }] = await t.db.query(
      `SELECT l.atena_no FROM shogai.techo c JOIN linkage.link l ON l.source = 'shogai-techo' AND l.source_key = c.source_key AND l.state = 'linked' ORDER BY l.atena_no LIMIT 1`,
    );
  }, 180_000);
  afterAll(() => t.stop());

  it('holds a 手帳 export in the wrong encoding, keeps the certificates, says so, and applies it when an admin accepts it', async () => {
    const before = await certificates();
    expect(before.length).toBeGreaterThan(0);
    const dir = join(t.dataDir, 'demo-city', 'shogai');
    const current = readdirSync(dir).find((n) => n.startsWith('SHOGAI_TECHO_'))!;
    const text = decodeCp932(readFileSync(join(dir, current))).text;
    const cut = text.indexOf('\r\n') + 2;
    const name = 'SHOGAI_TECHO_20991231.csv';
    writeFileSync(join(dir, name), Buffer.concat([encodeCp932(text.slice(0, cut)), Buffer.from(text.slice(cut), 'utf8')]));

    const held = await until('the held read', async () => (await reads('SHOGAI')).find((r) => r.name === name && r.state === 'held'));
    expect(held.problem).toMatch(
      /^held: (\d+) of \1 records rejected, more than 20% \(HUB_SNAPSHOT_MAX_REJECTED_SHARE\); most were rejected for “bytes that are not CP932/,
    );
    expect(await certificates()).toEqual(before);
    const { status, body } = await health();
    expect(status).toBe(200);
    expect(body.sources['shogai']!.state).toBe('degraded');
    expect(body.sources['shogai']!.problems!.join('\n')).toContain(`${name}: held:`);
    const metrics = await (await fetch(t.url.replace('/graphql', '/metrics'))).text();
    expect(metrics).toMatch(/hub_source_degraded\{source="shogai"\} 1/);
    expect(metrics).toMatch(/hub_source_held_reads\{source="shogai"\} 1/);
    expect(metrics).toMatch(/hub_source_reads_total\{source="shogai",state="held"\} 1/);
    expect(metrics).toMatch(/hub_source_degraded\{source="kaigo"\} 0/);

    const accept = `mutation ($n: String!) { acceptHeldRead(source: SHOGAI, name: $n) { name state acceptedBy } }`;
    const refused = await graphql(t.url, accept, { token: shogai, variables: { n: name } });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const unknown = await graphql(t.url, accept, { token: admin, variables: { n: 'SHOGAI_TECHO_20991230.csv' } });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    const accepted = await graphql<{ acceptHeldRead: Read }>(t.url, accept, { token: admin, variables: { n: name } });
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data!.acceptHeldRead).toMatchObject({ name, acceptedBy: 'admin-01' });

    await until('the accepted read applied', async () => (await reads('SHOGAI')).find((r) => r.name === name && r.state === 'applied'));
    expect(await certificates()).toEqual([]);
    await until('shogai ok', async () => (await health()).body.sources['shogai']!.state === 'ok');
  }, 60_000);

  it('reports a directory named like a 異動 file once, and stays ready while it is there', async () => {
    const dir = join(t.dataDir, 'demo-city', 'juki');
    expect((await health()).body.sources['juki']!.state).toBe('ok');
    const name = 'JUKI_IDO_20991231.DAT';
    mkdirSync(join(dir, name));
    await until('the rejected drop', async () => (await reads('JUKI')).find((r) => r.name === name && r.state === 'rejected'));
    // The watcher may be mid-read when the rejection lands ('reading'); what is promised is 'degraded' once it settles, and ready throughout.
    await until('juki degraded', async () => (await health()).body.sources['juki']!.state === 'degraded');
    const { status } = await health();
    expect(status).toBe(200);
    expect((await reads('JUKI')).filter((r) => r.name === name)).toEqual([
      { name, state: 'rejected', problem: 'a directory, not a regular file: not read', acceptedBy: null },
    ]);
    rmSync(join(dir, name), { recursive: true });
    await until('juki ok once it is gone', async () => (await health()).body.sources['juki']!.state === 'ok');
  }, 60_000);
});
