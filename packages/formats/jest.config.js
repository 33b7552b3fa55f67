// Unit tests beside the code (*.spec.ts), compiled by swc. Some read the repository corpus the API's fixtures hold
// (apps/api/test/fixtures/corpus), and skip with a note where it is not assembled.
/** @type {import('jest').Config} */
module.exports = {
  rootDir: '.',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript' }, target: 'es2023' }, module: { type: 'commonjs' } },
    ],
  },
  testTimeout: 60000,
};
