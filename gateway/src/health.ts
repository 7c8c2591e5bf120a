import { randomUUID } from 'node:crypto';
import { CONTEXT_HEADER, operationHash, type ContextSigner } from '@welfare-hub/context';
import type { SubgraphEndpoint } from '@welfare-hub/schema';
import type { MetricsSnapshot } from '@welfare-hub/metrics';

export const SOURCES = ['juki', 'kaigo', 'shogai', 'kodomo', 'konkyu'] as const;

interface SourceState {
  state: string;
  lastReadAt: string | null;
  lastSuccessfulReadAt?: string | null;
  recordsRead: number;
  recordsRejected: number;
  awaitingLink: number;
}

export interface Readiness {
  ready: boolean;
  subgraphs: Record<string, boolean>;
  sources: Record<string, SourceState>;
  /** Each subgraph process's metrics once (subgraphs sharing a process report the same ones). */
  metrics: Map<number, MetricsSnapshot>;
}

const NOT_SERVED: SourceState = { state: 'unavailable', lastReadAt: null, recordsRead: 0, recordsRejected: 0, awaitingLink: 0 };
const HEALTH_TIMEOUT_MS = 2_000;

/**
 * Ready once every subgraph answers and every source it serves has been read once. A source no subgraph
 * serves yet is reported 'unavailable' and does not hold readiness back.
 */
export async function readiness(endpoints: readonly SubgraphEndpoint[], signer: ContextSigner): Promise<Readiness> {
  const subgraphs: Record<string, boolean> = {};
  const sources: Record<string, SourceState> = Object.fromEntries(SOURCES.map((s) => [s, NOT_SERVED]));
  const served = new Set<string>();
  const metrics = new Map<number, MetricsSnapshot>();
  await Promise.all(
    endpoints.map(async (endpoint) => {
      try {
        const report = await probe(endpoint, signer);
        subgraphs[endpoint.name] = true;
        if (typeof report.pid === 'number' && report.metrics) metrics.set(report.pid, report.metrics);
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
  const allRead = [...served].every((name) => {
    const state = sources[name]!.state;
    return state !== 'not_read' && state !== 'failed';
  });
  return { ready: allUp && allRead, subgraphs, sources, metrics };
}

async function probe(endpoint: SubgraphEndpoint, signer: ContextSigner): Promise<{ sources?: Record<string, SourceState>; pid?: number; metrics?: MetricsSnapshot }> {
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
  return (await response.json()) as { sources?: Record<string, SourceState>; pid?: number; metrics?: MetricsSnapshot };
}
