import { countStatements } from '@welfare-hub/store';
import { graphql, startHubUnderTest, token, type HubUnderTest } from './support/hub-under-test.js';

describe('Prometheus metrics on the gateway', () => {
  let t: HubUnderTest;
  let personId: string;
  beforeAll(async () => {
    t = await startHubUnderTest(null);
    [{ atena_no: personId }] = await t.hub.store.dataSource.query(`SELECT atena_no FROM juki.person WHERE resident_status = 1 ORDER BY atena_no LIMIT 1`);
  }, 120_000);
  afterAll(() => t.stop());

  it('counts requests, subgraph calls, decisions by basis and the sources\' state, and names nobody', async () => {
    const kaigo = await token({ sub: 'kaigo-01', org: 'KAIGO-HOKATSU' });
    await graphql(t.hub.url, `query ($p: ID!) { person(id: $p) { name kaigo { careLevel } konkyu { consultations { id } } } }`, { token: kaigo, variables: { p: personId } });
    const response = await fetch(t.hub.url.replace('/graphql', '/metrics'));
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toMatch(/hub_http_requests_total\{status="200"\} [1-9]/);
    expect(text).toMatch(/hub_subgraph_calls_total\{subgraph="kaigo",outcome="ok"\} [1-9]/);
    expect(text).toMatch(/hub_policy_decisions_total\{sector="KAIGO",status="GRANTED",basis="OWN_SECTOR"\} [1-9]/);
    expect(text).toMatch(/hub_policy_decisions_total\{sector="KONKYU",status="DENIED",basis="NONE"\} [1-9]/);
    expect(text).toMatch(/hub_source_records_rejected\{source="juki"\} \d+/);
    expect(text).toMatch(/hub_source_last_success_timestamp_seconds\{source="kodomo"\} [1-9]/);
    expect(text).toMatch(/hub_http_request_duration_seconds_bucket/);
    // Nothing about a resident: not the id asked for, not a name.
    expect(text).not.toContain(personId);
    const [{ name }] = await t.hub.store.dataSource.query(`SELECT name FROM juki.person WHERE atena_no = $1`, [personId]);
    expect(text).not.toContain(name.split('\u3000')[0]);
  });

  it('makes as many subgraph calls and about as many SQL statements for a household of five as for one: nothing per member', async () => {
    const calls = async (): Promise<number> => {
      const text = await (await fetch(t.hub.url.replace('/graphql', '/metrics'))).text();
      return [...text.matchAll(/^hub_subgraph_calls_total\{[^}]*\} (\d+)/gm)].reduce((n, m) => n + Number(m[1]), 0);
    };
    const statements = countStatements();
    try {
      const sizes: { setai_no: string; n: number }[] = await t.hub.store.dataSource.query(
        `SELECT setai_no, count(*)::int AS n FROM juki.person WHERE resident_status = 1 GROUP BY setai_no HAVING count(*) IN (1, 5) ORDER BY count(*), setai_no`);
      const small = sizes.find((s) => s.n === 1)!;
      const large = sizes.find((s) => s.n === 5)!;
      const kaigo = await token({ sub: 'kaigo-01', org: 'KAIGO-HOKATSU' });
      const view = `query ($h: ID!) { household(id: $h) { members { name access { sector status } kaigo { careLevel } shogai { services } kodomo { cases { id } } konkyu { consultations { id } } } situations { kind } } }`;
      const perQuery = async (setaiNo: string): Promise<{ calls: number; statements: number }> => {
        const before = { calls: await calls(), statements: statements.count() };
        const answer = await graphql(t.hub.url, view, { token: kaigo, variables: { h: setaiNo } });
        expect(answer.errors).toBeUndefined();
        return { calls: (await calls()) - before.calls, statements: statements.count() - before.statements };
      };
      const one = await perQuery(small.setai_no);
      const five = await perQuery(large.setai_no);
      expect(five.calls).toBe(one.calls);
      expect(five.calls).toBeLessThanOrEqual(8);
      expect(one.statements).toBeGreaterThan(0);
      // A statement per extra member in any one sector would add four; the slack is for the audit keeper's timer.
      expect(five.statements).toBeLessThanOrEqual(one.statements + 3);
    } finally {
      statements.stop();
    }
  });
});
