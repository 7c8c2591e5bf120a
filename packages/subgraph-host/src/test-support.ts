import { randomUUID } from 'node:crypto';
import { execute, parse, validate, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { HubContext, Role } from '@welfare-hub/context';
import type { SubgraphDefinition } from './subgraph.js';

/**
 * Test-only entry (`@welfare-hub/subgraph-host/test-support`): runs operations on a subgraph in process, on the same
 * schema serveSubgraph builds and through the definition's own context(), but without HTTP and without the gateway's
 * signature: the test states who is asking. Never imported by the hub itself.
 */

/** Who asks, as the gateway would vouch for it. Sectors are not here: they come from the register (hub.organisation). */
export interface TestViewer {
  staffId: string;
  orgId: string;
  roles?: Role[];
  /** The 支援会議 named by x-hub-meeting. */
  meetingId?: string | null;
  caseId?: string | null;
  /** A fresh one per operation unless given: the policy shares its facts per request id. */
  requestId?: string;
}

export interface InProcessSubgraph {
  readonly schema: GraphQLSchema;
  /** Validates and executes one operation; validation errors are returned as errors, as the server would. */
  run<T = Record<string, unknown>>(viewer: TestViewer, query: string, variables?: Record<string, unknown>): Promise<ExecutionResult<T>>;
  /** `_entities` for the given representations, each answered with `selection` (e.g. `... on Person { shogai { services } }`). */
  entities(viewer: TestViewer, representations: Record<string, unknown>[], selection: string): Promise<ExecutionResult<{ _entities: unknown[] }>>;
}

export function hubContext(viewer: TestViewer): HubContext {
  return {
    viewer: { staffId: viewer.staffId, orgId: viewer.orgId, roles: viewer.roles ?? [] },
    meetingId: viewer.meetingId ?? null,
    requestId: viewer.requestId ?? randomUUID(),
    caseId: viewer.caseId ?? null,
  };
}

export function inProcessSubgraph<C extends object>(definition: SubgraphDefinition<C>): InProcessSubgraph {
  // The same call as serve.ts: what the gateway's query plan reaches is this schema.
  const schema = buildSubgraphSchema([{ typeDefs: definition.typeDefs, resolvers: definition.resolvers }]);
  const run = async <T>(viewer: TestViewer, query: string, variables?: Record<string, unknown>): Promise<ExecutionResult<T>> => {
    const document = parse(query);
    const errors = validate(schema, document);
    if (errors.length > 0) return { errors };
    const contextValue = await definition.context(hubContext(viewer));
    return (await execute({ schema, document, variableValues: variables ?? null, contextValue })) as ExecutionResult<T>;
  };
  return {
    schema,
    run,
    entities: (viewer, representations, selection) =>
      run(viewer, `query ($r: [_Any!]!) { _entities(representations: $r) { ${selection} } }`, { r: representations }),
  };
}
