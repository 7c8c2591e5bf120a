import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { startTracing, type Tracing } from '@welfare-hub/telemetry';
import { graphql, startHubUnderTest, token, type HubUnderTest } from './support/hub-under-test.js';

describe('traces across the gateway and the subgraphs', () => {
  const exporter = new InMemorySpanExporter();
  let tracing: Tracing;
  let t: HubUnderTest;
  let personId: string;
  beforeAll(async () => {
    tracing = startTracing('welfare-hub-test', { exporter })!;
    t = await startHubUnderTest(null);
    [{ atena_no: personId }] = await t.hub.store.dataSource.query(`SELECT atena_no FROM juki.person WHERE resident_status = 1 ORDER BY atena_no LIMIT 1`);
  }, 120_000);
  afterAll(async () => {
    await t.stop();
    await tracing.shutdown();
  });

  it('follows one request from the gateway into every subgraph it calls, in one trace, naming nobody', async () => {
    exporter.reset();
    const answer = await graphql(t.hub.url, `query ($p: ID!) { person(id: $p) { name kaigo { careLevel } shogai { services } } }`, {
      token: await token({ sub: 'kaigo-01', org: 'KAIGO-HOKATSU' }), variables: { p: personId },
    });
    expect(answer.errors).toBeUndefined();
    const spans: ReadableSpan[] = exporter.getFinishedSpans();
    const root = spans.find((s) => s.name === 'gateway /graphql')!;
    expect(root).toBeDefined();
    const trace = spans.filter((s) => s.spanContext().traceId === root.spanContext().traceId);
    const subgraphs = trace.filter((s) => s.name.startsWith('subgraph ')).map((s) => s.name).sort();
    expect(subgraphs).toEqual(expect.arrayContaining(['subgraph juki', 'subgraph kaigo', 'subgraph shogai']));
    // Every subgraph span hangs, through Apollo's fetch spans, from the gateway's.
    const byId = new Map(trace.map((s) => [s.spanContext().spanId, s]));
    for (const span of trace.filter((s) => s.name.startsWith('subgraph '))) {
      let parent = span.parentSpanId ? byId.get(span.parentSpanId) : undefined;
      while (parent && parent !== root) parent = parent.parentSpanId ? byId.get(parent.parentSpanId) : undefined;
      expect(parent).toBe(root);
    }
    expect(JSON.stringify(trace.map((s) => s.attributes))).not.toContain(personId);
  });
});
