// Unit tests beside the code (*.spec.ts), compiled by swc; the shared packages are read from their sources. The
// end-to-end tests, which spawn the built CLI against a real instance, live with the API's (apps/api/test/e2e/cli-*).
const esmOnlyPackages = ['@secretlint'];
const swc = (syntax) => ['@swc/jest', { jsc: { parser: { syntax }, target: 'es2023' }, module: { type: 'commonjs' } }];

/** @type {import('jest').Config} */
module.exports = {
  rootDir: '.',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  transform: {
    '^.+\\.ts$': swc('typescript'),
    [`/node_modules/(${esmOnlyPackages.join('|')})/.+\\.js$`]: swc('ecmascript'),
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnlyPackages.join('|')})/)`],
  moduleNameMapper: { '^@lynxprompt/(formats|scanning)$': '<rootDir>/../$1/src' },
  testTimeout: 30000,
};
