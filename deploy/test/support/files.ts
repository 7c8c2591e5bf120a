import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse, parseAllDocuments } from 'yaml';
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

/**
 * The roles the process entry knows (`node launcher/dist/main.js --role <role>`): the gateway and every subgraph.
 * When the launcher exports its own list, take it from there.
 */
export const ROLES: readonly string[] = ['gateway', ...SUBGRAPH_NAMES];

/** Where a subgraph listens: HUB_SUBGRAPH_PORT_FROM (4101 in every deployment here) plus its place in the list. */
export const subgraphPort = (name: string): number => 4101 + SUBGRAPH_NAMES.indexOf(name as (typeof SUBGRAPH_NAMES)[number]);

/** What each role cannot start without, beside its database (subgraphs) and keys; a `_FILE` variant counts the same. */
export const ROLE_NEEDS: Record<string, string[]> = {
  gateway: ['HUB_MODE', 'HUB_CONTEXT_PRIVATE_KEY', 'HUB_JWKS_URL', 'HUB_JWT_ISSUER', 'HUB_JWT_AUDIENCE', ...SUBGRAPH_NAMES.map((n) => `HUB_SUBGRAPH_URL_${n.toUpperCase()}`)],
  juki: ['HUB_JUKI_DIR'],
  hub: ['HUB_AUDIT_SIGNING_KEY', 'HUB_ANALYTICS_KEY'],
  shogai: ['HUB_SHOGAI_DIR'],
  konkyu: ['HUB_KONKYU_DIR'],
  kodomo: ['HUB_KODOMO_URL', 'HUB_KODOMO_API_KEY'],
  kaigo: ['HUB_KAIGO_DB_URL'],
};
export const SUBGRAPH_NEEDS = ['HUB_MODE', 'HUB_DATABASE_URL', 'HUB_CONTEXT_PUBLIC_KEY', 'HUB_SUBGRAPH_HOST', 'HUB_SUBGRAPH_PORT_FROM'];
