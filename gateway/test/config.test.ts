import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { authConfig, ConfigError, DEMO_JWT_SECRET, queryLimitsConfig } from '../src/config.js';
import { queryHash } from '../src/limits/index.js';

describe('authentication configuration', () => {
  it('uses the demo secret in demo mode when none is given', () => {
    expect(authConfig({}).secret).toBe(DEMO_JWT_SECRET);
  });

  it('refuses to start in production with the demo secret', () => {
    expect(() => authConfig({ HUB_MODE: 'production', HUB_JWT_SECRET: DEMO_JWT_SECRET })).toThrow(ConfigError);
  });

  it('refuses to start in production with no way to verify tokens', () => {
    expect(() => authConfig({ HUB_MODE: 'production' })).toThrow(ConfigError);
  });

  it('refuses a short secret in production', () => {
    expect(() => authConfig({ HUB_MODE: 'production', HUB_JWT_SECRET: 'short' })).toThrow(ConfigError);
  });

  it('needs issuer and audience with a JWKS', () => {
    expect(() => authConfig({ HUB_MODE: 'production', HUB_JWKS_URL: 'https://idp.example/jwks' })).toThrow(ConfigError);
    expect(
      authConfig({
        HUB_MODE: 'production',
        HUB_JWKS_URL: 'https://idp.example/jwks',
        HUB_JWT_ISSUER: 'https://idp.example/',
        HUB_JWT_AUDIENCE: 'welfare-hub',
      }),
    ).toMatchObject({ mode: 'production', secret: null, jwksUrl: 'https://idp.example/jwks' });
  });
});

describe('query limits configuration', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'hub-limits-config-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, content: string): string => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };

  it('has defaults that fit the household view with headroom, batching off and no allowlist', () => {
    expect(queryLimitsConfig({})).toEqual({
      maxDepth: 8,
      maxAliases: 30,
      maxCost: 5000,
      maxTokens: 2000,
      maxDirectives: 10,
      maxBatch: 1,
      persistedQueries: null,
      persistedOnly: false,
    });
  });

  it('reads each limit from its variable', () => {
    expect(
      queryLimitsConfig({
        HUB_QUERY_MAX_DEPTH: '12',
        HUB_QUERY_MAX_ALIASES: '5',
        HUB_QUERY_MAX_COST: '900',
        HUB_QUERY_MAX_TOKENS: ' 300 ',
        HUB_QUERY_MAX_DIRECTIVES: '2',
        HUB_QUERY_MAX_BATCH: '4',
      }),
    ).toMatchObject({ maxDepth: 12, maxAliases: 5, maxCost: 900, maxTokens: 300, maxDirectives: 2, maxBatch: 4 });
  });

  it.each(['0', '-1', '1.5', 'ten', '1e3'])('refuses %s as a limit', (value) => {
    expect(() => queryLimitsConfig({ HUB_QUERY_MAX_DEPTH: value })).toThrow(ConfigError);
  });

  it('loads a persisted-query list checked against its hashes', () => {
    const query = '{ me { staffId } }';
    const path = file('ok.json', JSON.stringify({ [queryHash(query).toUpperCase()]: query }));
    const config = queryLimitsConfig({ HUB_PERSISTED_QUERIES: path, HUB_PERSISTED_ONLY: 'true' });
    expect(config.persistedOnly).toBe(true);
    expect([...config.persistedQueries!]).toEqual([[queryHash(query), query]]);
  });

  it('refuses an allowlist mode without a list, and a list that is unreadable or does not match its hashes', () => {
    expect(() => queryLimitsConfig({ HUB_PERSISTED_ONLY: 'true' })).toThrow(ConfigError);
    expect(() => queryLimitsConfig({ HUB_PERSISTED_ONLY: 'yes', HUB_PERSISTED_QUERIES: file('empty.json', '{}') })).toThrow(ConfigError);
    expect(() => queryLimitsConfig({ HUB_PERSISTED_QUERIES: join(dir, 'missing.json') })).toThrow(ConfigError);
    expect(() => queryLimitsConfig({ HUB_PERSISTED_QUERIES: file('array.json', '["{ me { staffId } }"]') })).toThrow(ConfigError);
    const wrong = file('wrong.json', JSON.stringify({ [queryHash('{ me { staffId } }')]: '{ me { registered } }' }));
    expect(() => queryLimitsConfig({ HUB_PERSISTED_QUERIES: wrong })).toThrow(/does not hash to its key/);
  });
});
