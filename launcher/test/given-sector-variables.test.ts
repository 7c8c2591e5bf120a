import { composeHub, ConfigError, loadConfig } from '../src/index.js';

// HUB_SUBGRAPH_URL_<NAME> and HUB_SECTOR_<CODE>_<NAME> are taken by their form (a sector given at start has a subgraph and
// settings the configuration cannot list), so the names are checked once the sectors are registered: before anything is
// opened or started.
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

describe('a sector setting the hub has no reader for', () => {
  it('stops the start: a sector that is not there, or a setting its sector does not read', async () => {
    const config = loadConfig({ HUB_SECTOR_KYOIKU_DIR: '/drop/kyoiku', HUB_SECTOR_KONKYU_DIR: '/drop/konkyu', HUB_LOG: 'silent' }, 'embedded');
    const refused = await composeHub(config, ['gateway']).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(ConfigError);
    expect((refused as ConfigError).problems).toEqual([
      'HUB_SECTOR_KYOIKU_DIR: names no sector of this hub',
      'HUB_SECTOR_KONKYU_DIR: not a setting the KONKYU sector reads (none)',
    ]);
  });
});
