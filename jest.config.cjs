// `npm test` runs every package's tests in one jest run (one summary, one worker at a time on a 2-core machine). The
// end-to-end tests run twice: against the embedded hub, and, with a PostgreSQL server (TEST_DATABASE_URL, as CI has),
// against the multi-process hub.
const multiProcess = process.env['TEST_DATABASE_URL'] ? ['<rootDir>/tests/jest.multiprocess.config.cjs'] : [];
if (multiProcess.length === 0) console.warn('TEST_DATABASE_URL is not set: the multi-process end-to-end tests are not run');

module.exports = {
  projects: [
    '<rootDir>/packages/*', '<rootDir>/adapters/*', '<rootDir>/subgraphs/*', '<rootDir>/schema', '<rootDir>/gateway', '<rootDir>/launcher',
    '<rootDir>/tools/citygen', '<rootDir>/tools/checks', '<rootDir>/deploy', '<rootDir>/console', '<rootDir>/tests', ...multiProcess,
  ],
  reporters: ['default', '<rootDir>/jest.summary.cjs'],
  maxWorkers: 1,
};
