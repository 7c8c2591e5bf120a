import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { startTracing, type Tracing } from '@welfare-hub/telemetry';
import { startOtlpReceiver, type ReceivedSpan } from './support/otlp-receiver.js';
import { graphql, startHubUnderTest, token, TOPOLOGY, type HubUnderTest } from './support/hub-under-test.js';

/**
 * Embedded, the test's own tracer provider records the hub's spans in memory; multi-process, every part exports over
 * OTLP/HTTP to a collector of the test's, configured only by OpenTelemetry's standard variables.
 */
describe('traces across the gateway and the subgraphs', () => {
  const exporter = new InMemorySpanExporter();
  let tracing: Tracing | null = null;
  let receiver: Awaited<ReturnType<typeof startOtlpReceiver>> | null = null;
  let t: HubUnderTest;
  let personId: string;
  beforeAll(async () => {
    if (TOPOLOGY === 'embedded') {
      tracing = startTracing('welfare-hub-test', { exporter });
      t = await startHubUnderTest(null);
    } else {
      receiver = await startOtlpReceiver();
      t = await startHubUnderTest(null, {
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
        OTEL_BSP_SCHEDULE_DELAY: '100',
        OTEL_RESOURCE_ATTRIBUTES: 'deployment.environment=e2e',
      });
    }
    [{ atena_no: personId }] = await t.db.query(`SELECT atena_no FROM juki.person WHERE resident_status = 1 ORDER BY atena_no LIMIT 1`);
  }, 180_000);
  afterAll(async () => {
    await t.stop();
    await tracing?.shutdown();
    await receiver?.close();
  });

  const spans = async (): Promise<ReceivedSpan[]> => {
    if (receiver) {
      // Each process exports in batches: wait for the subgraphs' spans to arrive.
      for (let i = 0; i < 50 && !receiver.spans.some((s) => s.name === 'subgraph shogai'); i++) await new Promise((r) => setTimeout(r, 100));
      await new Promise((r) => setTimeout(r, 300));
      return receiver.spans;
    }
    return exporter.getFinishedSpans().map((s) => ({
      service: String(s.resource.attributes['service.name']),
      resource: {},
      name: s.name,
      traceId: s.spanContext().traceId,
      spanId: s.spanContext().spanId,
      parentSpanId: s.parentSpanId ?? null,
      attributes: s.attributes,
    }));
  };

  it('follows one request from the gateway into every subgraph it calls, in one trace, naming nobody', async () => {
    exporter.reset();
    receiver?.spans.splice(0);
    const answer = await graphql(
      t.url,
      `
        query ($p: ID!) {
          person(id: $p) {
            name
            kaigo {
              careLevel
            }
            shogai {
              services
            }
          }
        }
      `,
      {
        token: await token({ sub: 'kaigo-01', org: 'KAIGO-HOKATSU' }),
        variables: { p: personId },
      },
    );
    expect(answer.errors).toBeUndefined();
    const all = await spans();
    const root = all.find((s) => s.name === 'gateway /graphql')!;
    expect(root).toBeDefined();
    const trace = all.filter((s) => s.traceId === root.traceId);
    const subgraphs = trace
      .filter((s) => s.name.startsWith('subgraph '))
      .map((s) => s.name)
      .sort();
    expect(subgraphs).toEqual(expect.arrayContaining(['subgraph juki', 'subgraph kaigo', 'subgraph shogai']));
    // Every subgraph span hangs, through Apollo's fetch spans, from the gateway's.
    const byId = new Map(trace.map((s) => [s.spanId, s]));
    for (const span of trace.filter((s) => s.name.startsWith('subgraph '))) {
      let parent = span.parentSpanId ? byId.get(span.parentSpanId) : undefined;
      while (parent && parent !== root) parent = parent.parentSpanId ? byId.get(parent.parentSpanId) : undefined;
      expect(parent).toBe(root);
    }
    if (receiver) {
      // Each part names itself, and the operator's resource attributes hold in every process.
      expect(root.service).toBe('welfare-hub-gateway');
      expect(trace.find((s) => s.name === 'subgraph kaigo')!.service).toBe('welfare-hub-kaigo');
      expect(new Set(trace.map((s) => s.resource['deployment.environment']))).toEqual(new Set(['e2e']));
    }
    expect(JSON.stringify(trace.map((s) => s.attributes))).not.toContain(personId);
  });
});
