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

/** Where the subgraphs listen (HUB_SUBGRAPH_HOST, HUB_SUBGRAPH_PORT_FROM) and where the gateway reaches any on another host. */
export interface SubgraphAddressing {
  host: string;
  portFrom: number;
  urls: Partial<Record<SubgraphName, string>>;
}

/**
 * Where each subgraph listens: subgraph i on portFrom + i. On several hosts the gateway reaches a subgraph at its
 * configured URL (HUB_SUBGRAPH_URL_<NAME>, e.g. HUB_SUBGRAPH_URL_JUKI) when one is set.
 */
export function subgraphEndpoints(addressing: SubgraphAddressing): SubgraphEndpoint[] {
  const urlHost = addressing.host.includes(':') ? `[${addressing.host}]` : addressing.host;
  return SUBGRAPH_NAMES.map((name, i) => {
    const port = addressing.portFrom + i;
    return { name, host: addressing.host, port, url: addressing.urls[name] ?? `http://${urlHost}:${port}/graphql` };
  });
}
