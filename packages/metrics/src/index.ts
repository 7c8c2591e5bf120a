import { AggregatorRegistry, collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/**
 * The hub's Prometheus metrics. Counts, durations, codes and source names only: never an id, a name or anything
 * else about a resident, so a label can never carry personal data. Each process keeps its own registry; the
 * gateway serves them all on /metrics (a subgraph's reach it through the signed health call).
 */
export const registry = new Registry();

export const httpRequests = new Counter({
  name: 'hub_http_requests_total',
  help: 'Requests to the gateway by HTTP status',
  labelNames: ['status'] as const,
  registers: [registry],
});
export const httpDuration = new Histogram({
  name: 'hub_http_request_duration_seconds',
  help: 'Time to answer a request at the gateway',
  labelNames: ['status'] as const,
  buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
});
export const subgraphCalls = new Counter({
  name: 'hub_subgraph_calls_total',
  help: 'Calls from the gateway to each subgraph by outcome (ok, error, circuit_open)',
  labelNames: ['subgraph', 'outcome'] as const,
  registers: [registry],
});
export const policyDecisions = new Counter({
  name: 'hub_policy_decisions_total',
  help: 'Access decisions by sector, status and basis',
  labelNames: ['sector', 'status', 'basis'] as const,
  registers: [registry],
});

export const internalErrors = new Counter({
  name: 'hub_internal_errors_total',
  help: 'Errors answered as INTERNAL, by where they arose (gateway or a subgraph)',
  labelNames: ['where'] as const,
  registers: [registry],
});

let collecting = false;

/**
 * The process's own metrics (CPU, memory, event-loop lag, GC, handles), labelled with the part it runs so that the
 * gateway's sum over processes keeps them apart. Once per process.
 */
export function collectProcessMetrics(part: string): void {
  if (collecting) return;
  collecting = true;
  collectDefaultMetrics({ register: registry, labels: { part } });
}

export const sourceReads = new Counter({
  name: 'hub_source_reads_total',
  help: 'Reads of each source by what became of them (applied, held, rejected, truncated, failed, timed_out)',
  labelNames: ['source', 'state'] as const,
  registers: [registry],
});

/** A process's metrics as JSON (prom-client's getMetricsAsJSON): what AggregatorRegistry sums. */
export type MetricsSnapshot = object[];

/** This process's metrics, as the health call carries them. */
export function snapshot(): Promise<MetricsSnapshot> {
  return registry.getMetricsAsJSON();
}

/** Sums the snapshots of several processes (counters add up) into one exposition text. */
export async function exposition(snapshots: MetricsSnapshot[]): Promise<string> {
  return AggregatorRegistry.aggregate(snapshots).metrics();
}
