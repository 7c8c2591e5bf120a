import { authConfig, ConfigError, DEMO_JWT_SECRET } from '../src/config.js';

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
