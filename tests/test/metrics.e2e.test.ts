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
});
