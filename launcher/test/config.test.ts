import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_JWT_SECRET, queryHash } from '@welfare-hub/gateway';
import { DEFAULT_THRESHOLDS } from '@welfare-hub/situations';
import { ConfigError, loadConfig, type Scope } from '../src/config/index.js';

const problems = (env: NodeJS.ProcessEnv, scope: Scope = 'embedded'): string[] => {
  try {
    loadConfig(env, scope);
    return [];
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return [...error.problems];
  }
};
const ed25519 = (): { privatePem: string; publicPem: string } => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }) as string,
  };
};
const PRODUCTION_SOURCES = {
  HUB_MODE: 'production',
  HUB_JWKS_URL: 'https://idp.example/jwks',
  HUB_JWT_ISSUER: 'https://idp.example/',
  HUB_JWT_AUDIENCE: 'welfare-hub',
  HUB_JUKI_DIR: '/drop/juki',
  HUB_KAIGO_DB_URL: 'mysql://hub@kaigo/kaigo',
  HUB_SHOGAI_DIR: '/drop/shogai',
  HUB_KODOMO_URL: 'https://kodomo.example',
  HUB_KODOMO_API_KEY: 'k',
  HUB_KONKYU_DIR: '/drop/konkyu',
  HUB_AUDIT_SIGNING_KEY: ed25519().privatePem,
  HUB_ANALYTICS_KEY: 'x'.repeat(32),
  HUB_AUDIT_WITNESS_PATH: '/witness/audit-witness.jsonl',
};

describe('the configuration', () => {
  it('has defaults for a demo on a laptop', () => {
    const config = loadConfig({}, 'embedded');
    expect(config).toMatchObject({ mode: 'demo', port: 4000, databaseUrl: null, consentOwnAge: 15, log: 'json' });
    expect(config.auth.secret).toBe(DEMO_JWT_SECRET);
    expect(config.gateway.limits).toEqual({
      maxDepth: 8,
      maxAliases: 30,
      maxCost: 5000,
      maxTokens: 2000,
      maxDirectives: 10,
      maxBatch: 1,
      persistedQueries: null,
      persistedOnly: false,
    });
    expect(config.sources.jukiDir).toBeNull();
  });

  it('reports every problem at once, each naming its variable', () => {
    const found = problems({ HUB_PORT: 'eighty', HUB_MODE: 'PRODUCTION', HUB_QUERY_MAX_DEPTH: '0', HUB_JUKKI_DIR: '/x', HUB_LOG: 'verbose' });
    expect(found.map((p) => p.split(':')[0]).sort()).toEqual(['HUB_JUKKI_DIR', 'HUB_LOG', 'HUB_MODE', 'HUB_PORT', 'HUB_QUERY_MAX_DEPTH']);
  });

  it('refuses a value it does not know rather than falling back: HUB_MODE=PRODUCTION is not a demo', () => {
    for (const mode of ['PRODUCTION', 'prod', 'Production', ' demo1'])
      expect(problems({ HUB_MODE: mode })).toEqual([expect.stringMatching(/^HUB_MODE: /)]);
  });

  it.each(['0', '-1', '1.5', 'ten', '1e3', '0x10'])('refuses %s as a query limit', (value) => {
    expect(problems({ HUB_QUERY_MAX_DEPTH: value })).toEqual([expect.stringMatching(/^HUB_QUERY_MAX_DEPTH: /)]);
  });

  it('reads each limit from its variable, blanks and spaces as an env file has them', () => {
    const config = loadConfig({ HUB_QUERY_MAX_DEPTH: '12', HUB_QUERY_MAX_TOKENS: ' 300 ', HUB_QUERY_MAX_BATCH: '4', HUB_PORT: '' }, 'embedded');
    expect(config.gateway.limits).toMatchObject({ maxDepth: 12, maxTokens: 300, maxBatch: 4 });
    expect(config.port).toBe(4000);
  });

  it("takes a subgraph URL for a sector given at start (HUB_SECTOR_MODULES) by the variable's form, checked like the built-ins'", () => {
    const config = loadConfig(
      { HUB_SUBGRAPH_URL_KYOIKU: 'http://kyoiku.internal:4200/graphql', HUB_SUBGRAPH_URL_KAIGO: 'https://kaigo/graphql' },
      'embedded',
    );
    expect(config.subgraphs.urls).toEqual({ kyoiku: 'http://kyoiku.internal:4200/graphql', kaigo: 'https://kaigo/graphql' });
    expect(loadConfig({ HUB_SUBGRAPH_URL_KYOIKU: '  ' }, 'embedded').subgraphs.urls).toEqual({});
    expect(problems({ HUB_SUBGRAPH_URL_KYOIKU: 'ftp://kyoiku/graphql' })).toEqual([expect.stringMatching(/^HUB_SUBGRAPH_URL_KYOIKU: /)]);
    expect(problems({ HUB_SUBGRAPH_URL_: 'http://x/graphql' })).toEqual([expect.stringMatching(/^HUB_SUBGRAPH_URL_: not a variable/)]);
  });

  it('takes the settings of a sector given at start (HUB_SECTOR_<CODE>_<NAME>) by their form, blanks as unset', () => {
    const config = loadConfig(
      { HUB_SECTOR_KYOIKU_DIR: '/drop/kyoiku', HUB_SECTOR_KYOIKU_POLL_SECONDS: '60', HUB_SECTOR_KYOIKU_URL: ' ' },
      'embedded',
    );
    expect(config.sectorSettings).toEqual({ KYOIKU: { DIR: '/drop/kyoiku', POLL_SECONDS: '60' } });
    expect(problems({ HUB_SECTOR_KYOIKU_DIR: '/drop/\u0000' })).toEqual(['HUB_SECTOR_KYOIKU_DIR: contains a NUL character']);
    expect(problems({ HUB_SECTOR_KYOIKU: '/drop' })).toEqual([expect.stringMatching(/^HUB_SECTOR_KYOIKU: not a variable/)]);
  });

  it('refuses a value with a NUL character', () => {
    expect(problems({ HUB_JWT_ISSUER: 'issuer\u0000x' })).toEqual([expect.stringMatching(/^HUB_JWT_ISSUER: contains a NUL/)]);
  });

  it('takes any subset of the situation thresholds, the young carer bound among them', () => {
    expect(loadConfig({ HUB_SITUATION_THRESHOLDS: '{"minorUnder":25}' }, 'embedded').situations).toEqual({ ...DEFAULT_THRESHOLDS, minorUnder: 25 });
    expect(loadConfig({}, 'embedded').situations).toEqual(DEFAULT_THRESHOLDS);
  });

  it.each([
    ['not JSON', '{minorUnder: 25}'],
    ['a list', '[18]'],
    ['a key the rules do not know', '{"youngCarerUntil":25}'],
    ['an age that is not whole years', '{"minorUnder":17.5}'],
    ['an age given as text', '{"elderFrom":"75"}'],
    ['a range upside down', '{"adultFrom":65,"adultTo":18}'],
    ['no ひきこもり words', '{"hikikomoriWords":[]}'],
    ['a blank ひきこもり word', '{"hikikomoriWords":[" "]}'],
  ])('refuses situation thresholds with %s, naming the variable', (_, raw) => {
    expect(problems({ HUB_SITUATION_THRESHOLDS: raw })).toEqual([expect.stringMatching(/^HUB_SITUATION_THRESHOLDS: /)]);
  });

  it('checks JSON settings for their keys and types', () => {
    expect(problems({ HUB_SITUATION_THRESHOLDS: '{"elderFrom": 70}' })).toEqual([]);
    expect(problems({ HUB_SITUATION_THRESHOLDS: '{"elderFrom": "70"}' })[0]).toMatch(/^HUB_SITUATION_THRESHOLDS: /);
    expect(problems({ HUB_SITUATION_THRESHOLDS: '{"eldrFrom": 70}' })[0]).toMatch(/^HUB_SITUATION_THRESHOLDS: /);
    expect(problems({ HUB_SITUATION_THRESHOLDS: '{"childFrom": 70}' })).toEqual(['HUB_SITUATION_THRESHOLDS: childFrom is above childTo']);
    expect(problems({ HUB_LINKAGE_WEIGHTS: '{"kana": {"m": 0.9, "u": 0.01}}' })).toEqual([]);
    expect(problems({ HUB_LINKAGE_WEIGHTS: '{"kana": {"m": 1.5, "u": 0.01}}' })[0]).toMatch(/^HUB_LINKAGE_WEIGHTS: /);
    expect(problems({ HUB_LINKAGE_WEIGHTS: 'not json' })).toEqual(['HUB_LINKAGE_WEIGHTS: must be JSON']);
  });

  describe('in production', () => {
    it('starts with every source, key and the identity provider configured', () => {
      expect(problems(PRODUCTION_SOURCES)).toEqual([]);
      expect(loadConfig(PRODUCTION_SOURCES, 'embedded').auth).toMatchObject({
        mode: 'production',
        secret: null,
        jwksUrl: 'https://idp.example/jwks',
      });
    });

    it('names each unconfigured source rather than serving a demo city', () => {
      const { HUB_JUKI_DIR: _j, HUB_KODOMO_API_KEY: _k, ...missing } = PRODUCTION_SOURCES;
      expect(problems(missing)).toEqual([
        expect.stringMatching(/^HUB_JUKI_DIR: required in production/),
        expect.stringMatching(/^HUB_KODOMO_API_KEY: required in production/),
      ]);
    });

    it('refuses the demo secret, a short secret, no way to verify tokens, and a JWKS without issuer and audience', () => {
      const base = { ...PRODUCTION_SOURCES, HUB_JWKS_URL: '', HUB_JWT_ISSUER: '', HUB_JWT_AUDIENCE: '' };
      expect(problems({ ...base, HUB_JWT_SECRET: DEMO_JWT_SECRET })).toEqual([
        expect.stringMatching(/^HUB_JWT_SECRET: HUB_MODE=production refuses the demo secret/),
      ]);
      expect(problems({ ...base, HUB_JWT_SECRET: 'short' })).toEqual([expect.stringMatching(/^HUB_JWT_SECRET: must be at least 32 bytes/)]);
      expect(problems(base)).toEqual([expect.stringMatching(/^HUB_JWKS_URL: /)]);
      expect(problems({ ...base, HUB_JWKS_URL: 'https://idp.example/jwks' }).map((p) => p.split(':')[0])).toEqual([
        'HUB_JWT_ISSUER',
        'HUB_JWT_AUDIENCE',
      ]);
    });

    it('needs the audit signing key, the analytics key and the audit witness where the hub subgraph runs', () => {
      const { HUB_AUDIT_SIGNING_KEY: _a, HUB_ANALYTICS_KEY: _b, HUB_AUDIT_WITNESS_PATH: _c, ...withoutKeys } = PRODUCTION_SOURCES;
      expect(problems(withoutKeys).map((p) => p.split(':')[0])).toEqual(['HUB_AUDIT_SIGNING_KEY', 'HUB_ANALYTICS_KEY', 'HUB_AUDIT_WITNESS_PATH']);
      expect(problems({ ...withoutKeys, HUB_DATABASE_URL: 'postgres://db/hub', HUB_CONTEXT_PUBLIC_KEY: ed25519().publicPem }, 'kaigo')).toEqual([]);
    });
  });

  describe('secrets given as files', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'hub-secrets-'));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('reads <NAME>_FILE into <NAME>, less one trailing newline', () => {
      const { privatePem } = ed25519();
      writeFileSync(join(dir, 'context.pem'), privatePem);
      writeFileSync(join(dir, 'secret'), 'x'.repeat(40) + '\n');
      const config = loadConfig({ HUB_CONTEXT_PRIVATE_KEY_FILE: join(dir, 'context.pem'), HUB_JWT_SECRET_FILE: join(dir, 'secret') }, 'gateway');
      expect(config.contextKeys.privatePem).toBe(privatePem.trim());
      expect(config.auth.secret).toBe('x'.repeat(40));
    });

    it('refuses a file that cannot be read, and a secret given both ways', () => {
      expect(problems({ HUB_ANALYTICS_KEY_FILE: join(dir, 'missing') })).toEqual([expect.stringMatching(/^HUB_ANALYTICS_KEY_FILE: cannot read/)]);
      writeFileSync(join(dir, 'key'), 'k'.repeat(32));
      expect(problems({ HUB_ANALYTICS_KEY_FILE: join(dir, 'key'), HUB_ANALYTICS_KEY: 'k'.repeat(32) })).toEqual([
        expect.stringMatching(/^HUB_ANALYTICS_KEY_FILE: HUB_ANALYTICS_KEY is set as well/),
      ]);
    });
  });

  describe('a part run on its own', () => {
    it("needs the store, the gateway's public key and its source", () => {
      expect(problems({}, 'shogai').map((p) => p.split(':')[0])).toEqual(['HUB_SHOGAI_DIR', 'HUB_DATABASE_URL', 'HUB_CONTEXT_PUBLIC_KEY']);
      expect(
        problems({ HUB_SHOGAI_DIR: '/d', HUB_DATABASE_URL: 'postgres://db/hub', HUB_CONTEXT_PUBLIC_KEY: ed25519().publicPem }, 'shogai'),
      ).toEqual([]);
    });

    it('gives the gateway its private key, and refuses a key of the wrong kind', () => {
      expect(problems({}, 'gateway')).toEqual([expect.stringMatching(/^HUB_CONTEXT_PRIVATE_KEY: required/)]);
      expect(problems({ HUB_CONTEXT_PRIVATE_KEY: ed25519().publicPem }, 'gateway')).toEqual([
        expect.stringMatching(/^HUB_CONTEXT_PRIVATE_KEY: not a private key/),
      ]);
      const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
      expect(problems({ HUB_CONTEXT_PRIVATE_KEY: rsa }, 'gateway')).toEqual([expect.stringMatching(/^HUB_CONTEXT_PRIVATE_KEY: must be an Ed25519/)]);
      // An env file's one-line PEM with literal \n.
      expect(problems({ HUB_CONTEXT_PRIVATE_KEY: ed25519().privatePem.replace(/\n/g, '\\n') }, 'gateway')).toEqual([]);
    });
  });

  describe('the persisted-query list', () => {
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

    it('is loaded and checked against its hashes', () => {
      const query = '{ me { staffId } }';
      const path = file('ok.json', JSON.stringify({ [queryHash(query).toUpperCase()]: query }));
      const config = loadConfig({ HUB_PERSISTED_QUERIES: path, HUB_PERSISTED_ONLY: 'true' }, 'embedded');
      expect(config.gateway.limits.persistedOnly).toBe(true);
      expect([...config.gateway.limits.persistedQueries!]).toEqual([[queryHash(query), query]]);
    });

    it('refuses allowlist mode without a list, and a list that is unreadable or does not match its hashes', () => {
      expect(problems({ HUB_PERSISTED_ONLY: 'true' })).toEqual([expect.stringMatching(/^HUB_PERSISTED_ONLY: /)]);
      expect(problems({ HUB_PERSISTED_ONLY: 'yes', HUB_PERSISTED_QUERIES: file('empty.json', '{}') })).toEqual([
        expect.stringMatching(/^HUB_PERSISTED_ONLY: /),
      ]);
      expect(problems({ HUB_PERSISTED_QUERIES: join(dir, 'missing.json') })).toEqual([expect.stringMatching(/^HUB_PERSISTED_QUERIES: /)]);
      expect(problems({ HUB_PERSISTED_QUERIES: file('array.json', '["{ me { staffId } }"]') })).toEqual([
        expect.stringMatching(/^HUB_PERSISTED_QUERIES: /),
      ]);
      const wrong = file('wrong.json', JSON.stringify({ [queryHash('{ me { staffId } }')]: '{ me { registered } }' }));
      expect(problems({ HUB_PERSISTED_QUERIES: wrong })).toEqual([expect.stringMatching(/does not hash to its key/)]);
    });
  });
});
