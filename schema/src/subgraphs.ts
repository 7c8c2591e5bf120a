import { readFileSync } from 'node:fs';

/**
 * Every subgraph of the hub, in port order: subgraph i listens on HUB_SUBGRAPH_PORT_FROM + i.
 * New subgraphs are appended so that existing ports never move.
 */
export const SUBGRAPH_NAMES = ['juki', 'hub', 'shogai', 'konkyu', 'kodomo', 'kaigo', 'cases'] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

const here = new URL('..', import.meta.url);

export function subgraphSdl(name: SubgraphName): string {
  return readFileSync(new URL(`subgraphs/${name}.graphql`, here), 'utf8');
}

export function supergraphSdl(): string {
  return readFileSync(supergraphPath(), 'utf8');
}

export function supergraphPath(): URL {
  return new URL('supergraph.graphql', here);
}

export interface SubgraphEndpoint {
  name: SubgraphName;
  host: string;
  port: number;
  url: string;
}

/**
 * Where each subgraph listens, from HUB_SUBGRAPH_HOST and HUB_SUBGRAPH_PORT_FROM. On several hosts the
 * gateway reaches a subgraph at HUB_SUBGRAPH_URL_<NAME> (e.g. HUB_SUBGRAPH_URL_JUKI) when that is set.
 */
export function subgraphEndpoints(env: NodeJS.ProcessEnv = process.env): SubgraphEndpoint[] {
  const host = env['HUB_SUBGRAPH_HOST'] || '127.0.0.1';
  const from = Number(env['HUB_SUBGRAPH_PORT_FROM'] || 4101);
  if (!Number.isInteger(from) || from < 1 || from + SUBGRAPH_NAMES.length > 65535) {
    throw new Error('HUB_SUBGRAPH_PORT_FROM must be a port number');
  }
  return SUBGRAPH_NAMES.map((name, i) => {
    const port = from + i;
    const urlHost = host.includes(':') ? `[${host}]` : host;
    const url = env[`HUB_SUBGRAPH_URL_${name.toUpperCase()}`] || `http://${urlHost}:${port}/graphql`;
    return { name, host, port, url };
  });
}
