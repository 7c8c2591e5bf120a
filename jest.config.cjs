// `npm test` runs every package's tests in one jest run (one summary, one worker at a time on a 2-core machine).
module.exports = {
  projects: ['<rootDir>/packages/*', '<rootDir>/adapters/*', '<rootDir>/subgraphs/*', '<rootDir>/schema', '<rootDir>/gateway', '<rootDir>/launcher', '<rootDir>/tools/citygen', '<rootDir>/console', '<rootDir>/tests'],
  reporters: ['default', '<rootDir>/jest.summary.cjs'],
  maxWorkers: 1,
};
