import type { DocumentNode } from 'graphql';
import type { GraphQLResolverMap } from '@apollo/subgraph';
import type { HubContext } from '@welfare-hub/context';

/** What a source reports about itself for /health/ready. */
export interface SourceHealth {
  state: 'not_read' | 'reading' | 'ok' | 'degraded' | 'failed' | 'unavailable';
  lastReadAt: string | null;
  lastSuccessfulReadAt?: string | null;
  recordsRead: number;
  recordsRejected: number;
  awaitingLink: number;
  /** The first read is done and linked against a registry that had been read (see packages/ingest). */
  settled?: boolean;
  /** The source's generation when it settled. */
  generation?: number | null;
}

/** What the analysts' index was built from (the hub subgraph): readiness waits for an index of the settled reads. */
export interface IndexHealth {
  builtAt: string | null;
  sources: Record<string, { generation: number }>;
}

/** One subgraph as a unit that can be mounted alone or beside the others in one process. */
export interface SubgraphDefinition<C extends object> {
  name: string;
  typeDefs: DocumentNode;
  resolvers: GraphQLResolverMap<C>;
  /** Builds the per-request context from what the gateway vouched for. */
  context(hub: HubContext): C | Promise<C>;
  /** The sources this subgraph reads, keyed by source name. */
  sources?(): Promise<Record<string, SourceHealth>>;
  /** The analysts' index, for the subgraph that builds it. */
  index?(): Promise<IndexHealth>;
}
