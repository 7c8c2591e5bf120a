import { composeHub, ConfigError, loadConfig } from '../src/index.js';

// HUB_SUBGRAPH_URL_<NAME> is taken by its form (a sector given at start has a subgraph the configuration cannot list),
// so the name is checked once the sectors are registered: before anything is opened or started.
describe('a subgraph URL that names no part of the hub', () => {
  it('stops the start, naming the variable and the parts there are', async () => {
    const config = loadConfig({ HUB_SUBGRAPH_URL_KYOUIKU: 'http://kyoiku.internal:4200/graphql', HUB_LOG: 'silent' }, 'embedded');
    const refused = await composeHub(config, ['gateway']).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(ConfigError);
    expect((refused as ConfigError).problems).toEqual([
      'HUB_SUBGRAPH_URL_KYOUIKU: names no part of this hub (juki, hub, shogai, konkyu, kodomo, kaigo, cases)',
    ]);
  });
});
