import { randomUUID } from 'node:crypto';
import { CONTEXT_HEADER, operationHash, type ContextSigner } from '@welfare-hub/context';
import type { SubgraphEndpoint } from '@welfare-hub/schema';
import type { MetricsSnapshot } from '@welfare-hub/metrics';
import { sectors } from '@welfare-hub/sectors';

/** Every source the hub reads: the registry's, then each registered sector's (@welfare-hub/sectors). */
export const sourceNames = (): string[] => ['juki', ...sectors().map((s) => s.source)];

interface SourceState {
  state: string;
  lastReadAt: string | null;
  lastSuccessfulReadAt?: string | null;
  recordsRead: number;
  recordsRejected: number;
  awaitingLink: number;
  settled?: boolean;
  generation?: number | null;
}

interface IndexState {
  builtAt: string | null;
  sources: Record<string, { generation: number }>;
}

export interface Readiness {
  ready: boolean;
  subgraphs: Record<string, boolean>;
  sources: Record<string, SourceState>;
  /** The analysts' index, as the subgraph that builds it reports it. */
  index: IndexState | null;
  /** Each subgraph process's metrics once (subgraphs sharing a process report the same ones). */
  metrics: Map<number, MetricsSnapshot>;
}

const NOT_SERVED: SourceState = { state: 'unavailable', lastReadAt: null, recordsRead: 0, recordsRejected: 0, awaitingLink: 0 };
const HEALTH_TIMEOUT_MS = 2_000;

/**
 * Ready once every subgraph answers and every source it serves has settled (read once, its records linked against a
 * registry that had been read: packages/ingest), and the analysts' index was built from those reads. In every
 * topology the same: the facts come from each subgraph's signed health answer. A source no subgraph serves yet is
 * reported 'unavailable' and does not hold readiness back.
 */
export async function readiness(endpoints: readonly SubgraphEndpoint[], signer: ContextSigner): Promise<Readiness> {
  const subgraphs: Record<string, boolean> = {};
  const sources: Record<string, SourceState> = Object.fromEntries(sourceNames().map((s) => [s, NOT_SERVED]));
  const served = new Set<string>();
  const metrics = new Map<number, MetricsSnapshot>();
  let index: IndexState | null = null;
  await Promise.all(
    endpoints.map(async (endpoint) => {
      try {
        const report = await probe(endpoint, signer);
        subgraphs[endpoint.name] = true;
        if (typeof report.pid === 'number' && report.metrics) metrics.set(report.pid, report.metrics);
        if (report.index) index = report.index;
        for (const [name, state] of Object.entries(report.sources ?? {})) {
          sources[name] = state;
          served.add(name);
        }
      } catch {
        subgraphs[endpoint.name] = false;
      }
    }),
  );
  const allUp = Object.values(subgraphs).every(Boolean);
  const settled = [...served].every((name) => {
    const { state, settled: done } = sources[name]!;
    return state !== 'not_read' && state !== 'failed' && done !== false;
  });
  // The index counts for readiness once it holds every source at least as it was when that source settled.
  const built = index as IndexState | null;
  const indexed =
    built === null ||
    (built.builtAt !== null && [...served].every((name) => (built.sources[name]?.generation ?? -1) >= (sources[name]!.generation ?? 0)));
  return { ready: allUp && settled && indexed, subgraphs, sources, index, metrics };
}

interface HealthReport {
  sources?: Record<string, SourceState>;
  index?: IndexState;
  pid?: number;
  metrics?: MetricsSnapshot;
}

async function probe(endpoint: SubgraphEndpoint, signer: ContextSigner): Promise<HealthReport> {
  const token = await signer.sign(
    endpoint.name,
    { viewer: { staffId: 'hub-gateway', orgId: 'hub-gateway', roles: [] }, meetingId: null, requestId: randomUUID() },
    operationHash('health', {}),
  );
  const response = await fetch(endpoint.url.replace(/\/graphql$/, '/health'), {
    headers: { [CONTEXT_HEADER]: token },
    signal: AbortSignal.timeout(HEALTH_TIMEOUT_MS),
  });
  if (!response.ok) throw new Error(`health ${response.status}`);
  return (await response.json()) as HealthReport;
}
