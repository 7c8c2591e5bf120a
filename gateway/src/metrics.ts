import { exposition, snapshot, type MetricsSnapshot } from '@welfare-hub/metrics';
import type { Readiness } from './health.js';

const gauge = (name: string, help: string, values: { labels: Record<string, string>; value: number }[]): object => ({
  name,
  help,
  type: 'gauge',
  values,
  aggregator: 'max',
});

/** What a source's health adds to the contract's fields (packages/ingest SourceHealthReport); absent from older hubs. */
interface SourceProblems {
  state: string;
  problems?: string[];
  heldReads?: number;
  rejectedDrops?: number;
}

/**
 * Every process's metrics summed (the gateway's own, and each subgraph process's once, as its health call carried
 * them), with the sources' state as gauges: rejected records, records awaiting a link, last successful read, and
 * whether the source is degraded and by what (held reads, rejected drops, open problems), so an alert can fire on it.
 */
export async function metricsText(state: Readiness): Promise<string> {
  const processes = [...state.metrics.entries()].filter(([pid]) => pid !== process.pid).map(([, m]) => m);
  const sources = Object.entries(state.sources);
  const readAt = (s: { lastSuccessfulReadAt?: string | null }) => (s.lastSuccessfulReadAt ? Date.parse(s.lastSuccessfulReadAt) / 1000 : 0);
  const sourceGauges: MetricsSnapshot = [
    gauge(
      'hub_source_records_rejected',
      'Records a source sent that are kept as rejected',
      sources.map(([source, s]) => ({ labels: { source }, value: s.recordsRejected })),
    ),
    gauge(
      'hub_source_awaiting_link',
      'Records waiting in the linkage queue',
      sources.map(([source, s]) => ({ labels: { source }, value: s.awaitingLink })),
    ),
    gauge(
      'hub_source_last_success_timestamp_seconds',
      'Last successful read of each source (0: never)',
      sources.map(([source, s]) => ({ labels: { source }, value: readAt(s) })),
    ),
    gauge(
      'hub_source_degraded',
      'Whether a source is degraded: a held read, a rejected drop, a file cut short, a failed or stuck read (1) or not (0)',
      sources.map(([source, s]) => ({ labels: { source }, value: s.state === 'degraded' || s.state === 'failed' ? 1 : 0 })),
    ),
    gauge(
      'hub_source_held_reads',
      'Reads held instead of applied, waiting for a corrected file or acceptHeldRead',
      sources.map(([source, s]) => ({ labels: { source }, value: (s as SourceProblems).heldReads ?? 0 })),
    ),
    gauge(
      'hub_source_rejected_drops',
      "Drops not read (not a regular file, a name not the spec's, past a bound) still in place",
      sources.map(([source, s]) => ({ labels: { source }, value: (s as SourceProblems).rejectedDrops ?? 0 })),
    ),
    gauge(
      'hub_source_open_problems',
      'What keeps each source degraded, counted',
      sources.map(([source, s]) => ({ labels: { source }, value: (s as SourceProblems).problems?.length ?? 0 })),
    ),
    gauge(
      'hub_subgraph_up',
      'Whether each subgraph answered its health call',
      Object.entries(state.subgraphs).map(([subgraph, up]) => ({ labels: { subgraph }, value: up ? 1 : 0 })),
    ),
  ];
  return exposition([await snapshot(), ...processes, sourceGauges]);
}
