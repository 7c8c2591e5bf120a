// Shared jest settings: TypeScript through swc, native ESM (run with --experimental-vm-modules).
module.exports = {
  testEnvironment: 'node',
  // A timeout catches a hang, it does not measure speed (`npm run bench` does): two workers share two cores, and a
  // test that talks to a database or a hub can wait its turn for longer than jest's default five seconds.
  testTimeout: 30_000,
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'es6' } }],
  },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testMatch: ['<rootDir>/src/**/*.test.ts', '<rootDir>/test/**/*.test.ts'],
};
