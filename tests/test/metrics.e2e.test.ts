import { countStatements } from '@welfare-hub/store';
import { graphql, startHubUnderTest, token, TOPOLOGY, type HubUnderTest } from './support/hub-under-test.js';

describe('Prometheus metrics on the gateway', () => {
  let t: HubUnderTest;
  let personId: string;
  beforeAll(async () => {
    t = await startHubUnderTest(null);
    [{ atena_no: personId }] = await t.db.query(`SELECT atena_no FROM juki.person WHERE resident_status = 1 ORDER BY atena_no LIMIT 1`);
  }, 120_000);
  afterAll(() => t.stop());

  it("counts requests, subgraph calls, decisions by basis and the sources' state, and names nobody", async () => {
    const kaigo = await token({ sub: 'kaigo-01', org: 'KAIGO-HOKATSU' });
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
      { token: kaigo, variables: { p: personId } },
    );
    const response = await fetch(t.url.replace('/graphql', '/metrics'));
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
    const [{ name }] = await t.db.query(`SELECT name FROM juki.person WHERE atena_no = $1`, [personId]);
    expect(text).not.toContain(name.split('\u3000')[0]);
  });

  const VIEW = `query ($h: ID!) { household(id: $h) { members { name access { sector status } kaigo { careLevel } shogai { services } kodomo { cases { id } } konkyu { consultations { id } } } situations { kind } } }`;
  const households = async (): Promise<{ one: string; five: string }> => {
    const sizes: { setai_no: string; n: number }[] = await t.db.query(
      `SELECT setai_no, count(*)::int AS n FROM juki.person WHERE resident_status = 1 GROUP BY setai_no HAVING count(*) IN (1, 5) ORDER BY count(*), setai_no`,
    );
    return { one: sizes.find((s) => s.n === 1)!.setai_no, five: sizes.find((s) => s.n === 5)!.setai_no };
  };
  const subgraphCalls = async (): Promise<number> => {
    const text = await (await fetch(t.url.replace('/graphql', '/metrics'))).text();
    return [...text.matchAll(/^hub_subgraph_calls_total\{[^}]*\} (\d+)/gm)].reduce((n, m) => n + Number(m[1]), 0);
  };

  it('makes as many subgraph calls for a household of five as for one: nothing per member', async () => {
    const { one, five } = await households();
    const kaigo = await token({ sub: 'kaigo-01', org: 'KAIGO-HOKATSU' });
    const callsFor = async (setaiNo: string): Promise<number> => {
      const before = await subgraphCalls();
      const answer = await graphql(t.url, VIEW, { token: kaigo, variables: { h: setaiNo } });
      expect(answer.errors).toBeUndefined();
      return (await subgraphCalls()) - before;
    };
    const small = await callsFor(one);
    expect(await callsFor(five)).toBe(small);
    expect(small).toBeLessThanOrEqual(8);
  });

  // The statements are counted in the driver of this process, so only where the hub runs in it; the code path is the
  // same in both topologies (one composition root).
  if (TOPOLOGY === 'embedded') {
    it('sends about as many SQL statements for a household of five as for one', async () => {
      const { one, five } = await households();
      const kaigo = await token({ sub: 'kaigo-01', org: 'KAIGO-HOKATSU' });
      const statements = countStatements();
      try {
        const statementsFor = async (setaiNo: string): Promise<number> => {
          const before = statements.count();
          const answer = await graphql(t.url, VIEW, { token: kaigo, variables: { h: setaiNo } });
          expect(answer.errors).toBeUndefined();
          return statements.count() - before;
        };
        const small = await statementsFor(one);
        expect(small).toBeGreaterThan(0);
        // A statement per extra member in any one sector would add four; the slack is for the audit keeper's timer.
        expect(await statementsFor(five)).toBeLessThanOrEqual(small + 3);
      } finally {
        statements.stop();
      }
    });
  }
});
