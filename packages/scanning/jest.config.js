// Unit tests beside the code (*.spec.ts), compiled by swc. secretlint's preset ships only as ES modules, which
// Jest's CommonJS registry cannot load: those packages are compiled to CommonJS for the tests.
const esmOnlyPackages = ['@secretlint'];

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
    [`/node_modules/(${esmOnlyPackages.join('|')})/.+\\.js$`]: [
      '@swc/jest',
      { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2023' }, module: { type: 'commonjs' } },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnlyPackages.join('|')})/)`],
  testTimeout: 60000,
};
