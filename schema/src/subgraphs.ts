import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import { sectorBySubgraph, sectors } from '@welfare-hub/sectors';
import { withProfileFields } from './sector-profile.js';

/**
 * Every subgraph of the hub, in port order: subgraph i listens on HUB_SUBGRAPH_PORT_FROM + i.
 * New subgraphs are appended so that existing ports never move; a sector registered beyond the four gets the next
 * port after these (subgraphNames).
 */
export const SUBGRAPH_NAMES = ['juki', 'hub', 'shogai', 'konkyu', 'kodomo', 'kaigo', 'cases'] as const;
/** One of SUBGRAPH_NAMES, or a registered sector's subgraph. */
export type SubgraphName = string;

/** SUBGRAPH_NAMES, then each registered sector's subgraph that is not among them, in the order registered. */
export function subgraphNames(): string[] {
  return [
    ...SUBGRAPH_NAMES,
    ...sectors()
      .map((s) => s.subgraph)
      .filter((n) => !(SUBGRAPH_NAMES as readonly string[]).includes(n)),
  ];
}

export const isSectorSubgraph = (name: string): boolean => sectorBySubgraph(name) !== undefined;

const here = new URL('..', import.meta.url);

/** The value types every sector subgraph shares (Consultation, CaseStatus, the facts types, LeadOrganisation, Date). */
export function sectorValueTypesSdl(): string {
  return readFileSync(new URL('subgraphs/sector-values.graphql', here), 'utf8');
}

/**
 * A sector subgraph's SDL: its own, with the fields every profile has (sector-profile.ts), then each shared value type
 * it uses, and what those use, as written in sector-values.graphql (so that the composed supergraph is what it was when
 * every sector file had its copy).
 */
export function sectorSubgraphSdl(own: string, field: string): string {
  const shared = parse(sectorValueTypesSdl());
  const defs = new Map(
    shared.definitions.flatMap((d) =>
      'name' in d && d.name && d.loc ? [[d.name.value, d.loc.source.body.slice(d.loc.start, d.loc.end)] as const] : [],
    ),
  );
  const uses = (text: string, name: string): boolean => new RegExp(`\\b${name}\\b`).test(text);
  const taken = new Set<string>();
  let text = withProfileFields(own, field);
  for (let grew = true; grew;) {
    grew = false;
    for (const [name, def] of defs) {
      if (!taken.has(name) && uses(text, name)) {
        taken.add(name);
        text += `\n${def}\n`;
        grew = true;
      }
    }
  }
  return text;
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
  urls: Partial<Record<string, string>>;
}

/**
 * Where each subgraph listens: subgraph i on portFrom + i. On several hosts the gateway reaches a subgraph at its
 * configured URL (HUB_SUBGRAPH_URL_<NAME>, e.g. HUB_SUBGRAPH_URL_JUKI) when one is set.
 */
export function subgraphEndpoints(addressing: SubgraphAddressing): SubgraphEndpoint[] {
  const urlHost = addressing.host.includes(':') ? `[${addressing.host}]` : addressing.host;
  return subgraphNames().map((name, i) => {
    const port = addressing.portFrom + i;
    return { name, host: addressing.host, port, url: addressing.urls[name] ?? `http://${urlHost}:${port}/graphql` };
  });
}
