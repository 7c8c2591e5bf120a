import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse, parseAllDocuments } from 'yaml';
import { ALL_ROLES } from '@welfare-hub/launcher';
import { SUBGRAPH_NAMES } from '@welfare-hub/schema';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const repoPath = (relative: string): string => `${ROOT}${relative}`;
export const readRepoFile = (relative: string): string => readFileSync(repoPath(relative), 'utf8');

/** One YAML file's documents, with `<<` merge keys resolved (compose anchors). */
export function yamlDocuments(relative: string): Record<string, unknown>[] {
  return parseAllDocuments(readRepoFile(relative), { merge: true }).map((d) => {
    if (d.errors.length > 0) throw new Error(`${relative}: ${d.errors[0]!.message}`);
    return d.toJS() as Record<string, unknown>;
  });
}

export function yamlFile(relative: string): Record<string, unknown> {
  return parse(readRepoFile(relative), { merge: true }) as Record<string, unknown>;
}

/** The roles the process entry knows (`node launcher/dist/main.js --role <role>`): the gateway and every subgraph. */
export const ROLES: readonly string[] = ALL_ROLES;

/** Where a subgraph listens: HUB_SUBGRAPH_PORT_FROM (4101 in every deployment here) plus its place in the list. */
export const subgraphPort = (name: string): number => 4101 + SUBGRAPH_NAMES.indexOf(name as (typeof SUBGRAPH_NAMES)[number]);
