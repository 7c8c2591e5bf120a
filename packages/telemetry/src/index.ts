import { context, propagation, trace, SpanKind, SpanStatusCode, type Attributes } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { envDetectorSync, Resource } from '@opentelemetry/resources';
import { BatchSpanProcessor, SimpleSpanProcessor, type SpanExporter } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

const tracer = () => trace.getTracer('welfare-hub');

export interface Tracing {
  shutdown(): Promise<void>;
}

/**
 * Traces across the gateway and the subgraphs (W3C traceparent on every subgraph call), exported over OTLP/HTTP when
 * OTEL_EXPORTER_OTLP_ENDPOINT (or ..._TRACES_ENDPOINT) is set, or to the exporter given; otherwise nothing is
 * started and every span below costs nothing. Spans carry codes, names of the hub's parts and request ids only.
 * OpenTelemetry's standard variables hold as its SDK reads them: OTEL_SDK_DISABLED, OTEL_SERVICE_NAME and
 * OTEL_RESOURCE_ATTRIBUTES (over the part's own name), OTEL_TRACES_SAMPLER(_ARG), OTEL_BSP_*, OTEL_EXPORTER_OTLP_*.
 */
export function startTracing(service: string, options: { exporter?: SpanExporter; env?: NodeJS.ProcessEnv } = {}): Tracing | null {
  const env = options.env ?? process.env;
  if (env['OTEL_SDK_DISABLED']?.trim().toLowerCase() === 'true') return null;
  const endpoint = env['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'] || env['OTEL_EXPORTER_OTLP_ENDPOINT'];
  if (!options.exporter && !endpoint) return null;
  const processor = options.exporter ? new SimpleSpanProcessor(options.exporter) : new BatchSpanProcessor(new OTLPTraceExporter());
  // The part's own name unless the operator names the service; the environment's attributes win.
  const resource = new Resource({ 'service.name': service }).merge(envDetectorSync.detect());
  const provider = new NodeTracerProvider({ resource, spanProcessors: [processor] });
  provider.register();
  return {
    async shutdown() {
      await provider.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
}

/** Runs the handling of one incoming request in a server span that continues the caller's trace, if it sent one. */
export function inServerSpan<T>(
  name: string,
  headers: Record<string, string | string[] | undefined>,
  attributes: Attributes,
  work: () => Promise<T>,
): Promise<T> {
  const parent = propagation.extract(context.active(), headers);
  return tracer().startActiveSpan(name, { kind: SpanKind.SERVER, attributes }, parent, async (span) => {
    try {
      return await work();
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw error;
    } finally {
      span.end();
    }
  });
}

/** Adds the current trace's traceparent (and tracestate) to an outgoing call's headers. */
export function injectTraceContext(set: (name: string, value: string) => void): void {
  propagation.inject(context.active(), {}, { set: (_carrier, name, value) => set(name, value) });
}

export { configureLog, logEvent } from './log.js';
