// The end-to-end tests in the embedded topology (the whole hub in the test's process on PGlite). `npm test` also runs
// them in the multi-process topology over PostgreSQL (jest.multiprocess.config.cjs) when TEST_DATABASE_URL is set.
module.exports = {
  ...require('../jest.preset.cjs'),
  displayName: 'e2e embedded',
  setupFiles: ['<rootDir>/test/support/topology-embedded.cjs'],
};
