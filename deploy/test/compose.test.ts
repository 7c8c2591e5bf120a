import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { DCLinter } from 'dclint';
import { parse } from 'yaml';
import { SUBGRAPH_NAMES } from '@welfare-hub/schema';
import { ROLES, readRepoFile, repoPath, subgraphPort, yamlFile } from './support/files.js';
import { startProblems } from './support/config.js';
import type { Role } from '@welfare-hub/launcher';
import { startLiveParts } from './support/live-paths.js';
import { configureLog } from '@welfare-hub/telemetry';

configureLog('silent');

const FILE = 'docker/compose.yaml';
interface Service {
  image?: string;
  build?: unknown;
  command?: string[];
  entrypoint?: string[];
  environment?: Record<string, string>;
  secrets?: (string | { source: string; target?: string })[];
  configs?: (string | { source: string; target?: string })[];
  volumes?: string[];
  networks?: string[];
  ports?: string[];
  expose?: string[];
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
  restart?: string;
  read_only?: boolean;
  cap_drop?: string[];
}
interface Compose {
  services: Record<string, Service>;
  secrets: Record<string, { file: string }>;
  configs: Record<string, { file: string }>;
  networks: Record<string, { internal?: boolean }>;
  volumes: Record<string, unknown>;
}
const compose = yamlFile(FILE) as unknown as Compose;
const roleOf = (s: Service): string | undefined => (s.command?.[0] === '--role' ? s.command[1] : undefined);
const byRole = (role: string): [string, Service] => {
  const found = Object.entries(compose.services).filter(([, s]) => roleOf(s) === role);
  expect(found).toHaveLength(1);
  return found[0]!;
};
const mountName = (m: string | { source: string }): string => (typeof m === 'string' ? m : m.source);

/** The compose specification's schema (the one dclint ships) over the file with its anchors merged. */
function schemaErrors(text: string): string[] {
  const schema = JSON.parse(readFileSync(repoPath('node_modules/dclint/schemas/compose.schema.json'), 'utf8')) as Record<string, unknown>;
  const validate = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true, validateSchema: false }).compile(schema);
  return validate(parse(text, { merge: true }))
    ? []
    : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
}

describe('docker/compose.yaml', () => {
  it('is valid against the compose specification (dclint, and the schema with anchors merged)', () => {
    const [result] = new DCLinter({ rules: {}, quiet: true, debug: false, exclude: [] }).lintFiles([repoPath(FILE)], false);
    expect(result!.messages.filter((m: { type: string }) => m.type === 'error')).toEqual([]);
    expect(schemaErrors(readRepoFile(FILE))).toEqual([]);
  });

  it('catches a misspelt key, in a service or in an anchor it merges (the check can fail)', () => {
    const text = readRepoFile(FILE);
    expect(schemaErrors(text.replace('    command: ["--role", "gateway"]', '    comand: ["--role", "gateway"]')).join()).toMatch(/additional/);
    expect(schemaErrors(text.replace('  read_only: true', '  read_onyl: true')).join()).toMatch(/additional/);
    const dir = mkdtempSync(join(tmpdir(), 'compose-'));
    try {
      writeFileSync(join(dir, 'compose.yaml'), text.replace('    command: ["--role", "gateway"]', '    comand: ["--role", "gateway"]'));
      const [result] = new DCLinter({ rules: {}, quiet: true, debug: false, exclude: [] }).lintFiles([join(dir, 'compose.yaml')], false);
      expect(result!.errorCount).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('runs each role the launcher knows once, after the migration, in production mode', () => {
    const roles = Object.values(compose.services)
      .map(roleOf)
      .filter((r): r is string => r !== undefined);
    expect([...roles].sort()).toEqual([...ROLES].sort());
    const migrate = compose.services['migrate']!;
    expect(migrate.entrypoint).toEqual(['node', 'launcher/dist/migrate.js']);
    expect(migrate.restart).toBe('no');
    expect(migrate.depends_on).toEqual({ 'hub-db': { condition: 'service_healthy' } });
    for (const name of SUBGRAPH_NAMES) expect(byRole(name)[1].depends_on).toEqual({ migrate: { condition: 'service_completed_successfully' } });
    for (const [name, s] of Object.entries(compose.services)) {
      if (name === 'hub-db') continue;
      expect(s.environment?.['HUB_MODE']).toBe('production');
      expect(s).toMatchObject({ read_only: true, cap_drop: ['ALL'] });
    }
  });

  it('keeps PostgreSQL on a volume, reachable only on internal networks by the subgraphs and the migration', () => {
    const db = compose.services['hub-db']!;
    expect(db.volumes!.some((v) => v.startsWith('hub-db:/var/lib/postgresql/data'))).toBe(true);
    expect(Object.keys(compose.volumes)).toContain('hub-db');
    for (const network of db.networks!) expect(compose.networks[network]!.internal).toBe(true);
    const reach = Object.entries(compose.services)
      .filter(([name, s]) => name !== 'hub-db' && s.networks!.some((n) => db.networks!.includes(n)))
      .map(([name]) => name);
    expect(reach.sort()).toEqual(['migrate', ...SUBGRAPH_NAMES].sort());
    // Only the gateway publishes a port, and only on the host's loopback (a TLS proxy faces the clients).
    expect(
      Object.entries(compose.services)
        .filter(([, s]) => s.ports)
        .map(([n, s]) => [n, s.ports]),
    ).toEqual([['gateway', ['127.0.0.1:4000:4000']]]);
  });

  it('hands every secret over as a compose secret (or a config) that exists, never as a value', () => {
    for (const [name, s] of Object.entries(compose.services)) {
      const secrets = (s.secrets ?? []).map(mountName);
      const configs = (s.configs ?? []).map((c) => (typeof c === 'string' ? { source: c, target: `/${c}` } : c));
      for (const secret of secrets) expect(Object.keys(compose.secrets)).toContain(secret);
      for (const config of configs) expect(Object.keys(compose.configs)).toContain(config.source);
      for (const [key, value] of Object.entries(s.environment ?? {})) {
        if (key.endsWith('_FILE')) {
          const mounted = value.startsWith('/run/secrets/')
            ? secrets.includes(value.slice('/run/secrets/'.length))
            : configs.some((c) => c.target === value);
          expect(`${name} ${key} ${mounted ? 'mounted' : 'not mounted'}`).toBe(`${name} ${key} mounted`);
        } else if (/KEY|SECRET|PASSWORD|DATABASE_URL|DB_URL/.test(key)) {
          throw new Error(`${name} carries ${key} as a value`);
        }
      }
    }
    for (const entry of [...Object.values(compose.secrets), ...Object.values(compose.configs)]) expect(entry.file).toMatch(/^\.\/secrets\//);
    expect(readRepoFile('.gitignore')).toContain('docker/secrets/');
    expect(readRepoFile('.dockerignore')).toContain('docker/secrets');
    // The README says how to make each of them.
    const readme = readRepoFile('docker/README.md');
    for (const entry of [...Object.values(compose.secrets), ...Object.values(compose.configs)])
      expect(readme).toContain(entry.file.replace('./', 'docker/'));
  });

  it('gives every role an environment its own configuration accepts in production (secrets read from their files)', () => {
    // Compose interpolation as an operator's docker/.env gives it: ${X:-default} takes its default, ${X:?} a value.
    const operator: Record<string, string> = {
      HUB_JWKS_URL: 'https://idp.example/jwks',
      HUB_JWT_ISSUER: 'https://idp.example/',
      HUB_JWT_AUDIENCE: 'welfare-hub',
      HUB_KODOMO_URL: 'https://kodomo.city.example',
    };
    const interpolate = (value: string): string =>
      value.replace(/\$\{(\w+)(?::-([^}]*)|:\?[^}]*)?\}/g, (_, name: string, fallback: string | undefined) => operator[name] ?? fallback ?? '');
    for (const role of ROLES) {
      const environment = Object.entries(byRole(role)[1].environment ?? {}).map(([k, v]) => [k, interpolate(String(v))] as const);
      const env = Object.fromEntries(environment.filter(([k]) => !k.endsWith('_FILE')));
      const files = environment.filter(([k]) => k.endsWith('_FILE')).map(([k]) => k);
      expect([role, startProblems(role as Role, env, files)]).toEqual([role, []]);
    }
  });

  it("lets the gateway reach each subgraph service on that subgraph's port", () => {
    const [, gateway] = byRole('gateway');
    for (const name of SUBGRAPH_NAMES) {
      const url = new URL(gateway.environment![`HUB_SUBGRAPH_URL_${name.toUpperCase()}`]!);
      const [service, s] = byRole(name);
      expect(url.hostname).toBe(service);
      expect(Number(url.port)).toBe(subgraphPort(name));
      expect(s.expose).toEqual([String(subgraphPort(name))]);
      expect(s.networks!.some((n) => gateway.networks!.includes(n))).toBe(true);
    }
  });

  it('checks health on paths that answer as the healthchecks expect', async () => {
    const live = await startLiveParts();
    try {
      for (const [name, s] of Object.entries(compose.services)) {
        if (name === 'migrate') continue;
        expect(s.healthcheck).toBeDefined();
        if (name === 'hub-db') continue;
        const script = s.healthcheck!.test.join(' ');
        const [, port, path] = /fetch\('http:\/\/127\.0\.0\.1:(\d+)(\/[^']*)'\)/.exec(script)!;
        const expected = Number(/r\.status === (\d{3})/.exec(script)![1]);
        if (roleOf(s) === 'gateway') {
          expect([port, path, expected]).toEqual(['4000', '/health/ready', 200]);
          expect(await live.gateway(path!)).toBe(503);
          expect(await live.gateway('/health/live')).toBe(200);
        } else {
          // A subgraph refuses an unsigned caller: that refusal, on its own port, is its liveness.
          expect([Number(port), path, expected]).toEqual([subgraphPort(roleOf(s)!), '/health', 401]);
          expect(await live.subgraph(path!)).toBe(expected);
        }
      }
    } finally {
      await live.close();
    }
  });
});
