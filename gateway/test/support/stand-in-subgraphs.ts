import { createServer, type Server } from 'node:http';
import {
  buildASTSchema,
  getNamedType,
  getNullableType,
  isAbstractType,
  isEnumType,
  isListType,
  isObjectType,
  Kind,
  parse,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { SUBGRAPH_NAMES, supergraphSdl, type SubgraphEndpoint } from '@welfare-hub/schema';

/**
 * Every subgraph of the hub, stood in for by one real HTTP server that answers any query the gateway plans
 * with placeholder data of the right shape (from the supergraph's types), and counts the calls it receives.
 * It is the witness that a refused request never left the gateway.
 */
export interface StandInSubgraphs {
  endpoints: SubgraphEndpoint[];
  /** Calls received so far, all subgraphs together and per subgraph. */
  calls(): number;
  callsTo(name: string): number;
  /** From now on this subgraph answers 503, or answers normally again. */
  setFailing(name: string, failing: boolean): void;
  /** From now on this subgraph takes calls in and never answers them, or answers normally again. */
  setSilent(name: string, silent: boolean): void;
  /** From now on this subgraph's answers carry this many bytes of trailing whitespace (0: none): a huge but valid answer. */
  setPadding(name: string, bytes: number): void;
  close(): Promise<void>;
}

const SCALARS: Record<string, unknown> = {
  ID: '0000000001',
  String: 'x',
  Int: 1,
  Float: 1,
  Boolean: false,
  Date: '2020-01-01',
  DateTime: '2020-01-01T00:00:00Z',
};

export async function startStandInSubgraphs(): Promise<StandInSubgraphs> {
  const schema = buildASTSchema(parse(supergraphSdl()), { assumeValidSDL: true });
  const counts = new Map<string, number>();
  const failing = new Set<string>();
  const silent = new Set<string>();
  const padding = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const name = (req.url ?? '').split('/')[1] ?? '';
    counts.set(name, (counts.get(name) ?? 0) + 1);
    if (failing.has(name)) {
      res.writeHead(503).end();
      return;
    }
    if (silent.has(name)) return;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const { query, variables } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { query: string; variables?: Record<string, unknown> };
      const body = JSON.stringify({ data: answer(schema, query, variables ?? {}) }) + ' '.repeat(padding.get(name) ?? 0);
      res.writeHead(200, { 'content-type': 'application/json' }).end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    endpoints: SUBGRAPH_NAMES.map((name) => ({ name, host: '127.0.0.1', port, url: `http://127.0.0.1:${port}/${name}/graphql` })),
    calls: () => [...counts.values()].reduce((a, b) => a + b, 0),
    callsTo: (name) => counts.get(name) ?? 0,
    setFailing: (name, on) => void (on ? failing.add(name) : failing.delete(name)),
    setSilent: (name, on) => void (on ? silent.add(name) : silent.delete(name)),
    setPadding: (name, bytes) => void padding.set(name, bytes),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function answer(schema: GraphQLSchema, query: string, variables: Record<string, unknown>): Record<string, unknown> {
  const document = parse(query);
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const root = operation.operation === 'mutation' ? schema.getMutationType()! : schema.getQueryType()!;

  const fill = (type: GraphQLObjectType, selections: SelectionSetNode): Record<string, unknown> => {
    const result: Record<string, unknown> = {};
    for (const selection of selections.selections) {
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        const name = selection.name.value;
        if (name === '__typename') result[key] = type.name;
        else if (name === '_entities' && type === root) {
          const representations = (variables['representations'] ?? Object.values(variables)[0]) as { __typename: string }[];
          result[key] = representations.map((r) => ({ ...fill(schema.getType(r.__typename) as GraphQLObjectType, selection.selectionSet!) }));
        } else {
          const field = type.getFields()[name];
          result[key] = field ? value(field.type, selection.selectionSet) : null;
        }
      } else {
        const set = selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments.get(selection.name.value)!;
        const condition = set.typeCondition?.name.value;
        if (!condition || condition === type.name) Object.assign(result, fill(type, set.selectionSet));
      }
    }
    return result;
  };
  const value = (type: GraphQLOutputType, selections: SelectionSetNode | undefined): unknown => {
    const nullable = getNullableType(type);
    if (isListType(nullable)) return [value(nullable.ofType, selections)];
    const named = getNamedType(nullable);
    if (isEnumType(named)) return named.getValues()[0]!.value;
    if (isObjectType(named)) return fill(named, selections!);
    if (isAbstractType(named)) return fill(schema.getPossibleTypes(named)[0]!, selections!);
    return SCALARS[named.name] ?? 'x';
  };
  return fill(root, operation.selectionSet);
}
