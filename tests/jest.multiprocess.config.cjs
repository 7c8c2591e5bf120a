// The end-to-end tests again, against `node launcher/dist/main.js` over a PostgreSQL database: one process per part,
// as a city runs the hub. Tests that are not about a running hub stay in the embedded project only.
module.exports = {
  ...require('../jest.preset.cjs'),
  displayName: 'e2e multi-process',
  setupFiles: ['<rootDir>/test/support/topology-multiprocess.cjs'],
  testMatch: ['<rootDir>/test/**/*.e2e.test.ts', '<rootDir>/test/**/*.property.test.ts'],
};
