// `npm test` runs every package's tests in one jest run (one summary). Two files at a time: most of an end-to-end file's
// time is a hub starting and answering in other processes (or waiting on them), so a second worker uses the idle core.
// Hubs started by tests take their ports per worker (tests/test/support/ports.ts). The
// end-to-end tests run twice: against the embedded hub, and, with a PostgreSQL server (TEST_DATABASE_URL, as CI has),
// against the multi-process hub.
const multiProcess = process.env['TEST_DATABASE_URL'] ? ['<rootDir>/tests/jest.multiprocess.config.cjs'] : [];
if (multiProcess.length === 0) console.warn('TEST_DATABASE_URL is not set: the multi-process end-to-end tests are not run');

module.exports = {
  projects: [
    '<rootDir>/packages/*',
    '<rootDir>/adapters/*',
    '<rootDir>/subgraphs/*',
    '<rootDir>/schema',
    '<rootDir>/gateway',
    '<rootDir>/launcher',
    '<rootDir>/tools/citygen',
    '<rootDir>/tools/checks',
    '<rootDir>/deploy',
    '<rootDir>/console',
    '<rootDir>/tests',
    ...multiProcess,
  ],
  reporters: ['default', '<rootDir>/jest.summary.cjs'],
  maxWorkers: 2,
};
