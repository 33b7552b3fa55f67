// Unit tests sit beside the code (*.spec.ts); API tests boot the real app against real Postgres and Redis
// (test/**/*.e2e-spec.ts). The global setup resolves the services and migrates one template database.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2023',
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

// openid-client and its dependencies, and otplib's default plugins (@scure/base, @noble/hashes, reached through
// @otplib/*), ship only as ES modules, which Jest's CommonJS module registry cannot load (Node itself does, through
// require(esm)): compile just those packages to CommonJS for the tests.
const esmOnlyPackages = [
  'openid-client',
  'oauth4webapi',
  'jose',
  '@otplib',
  '@scure/base',
  '@noble/hashes',
  '@secretlint',
];
const swcEsm = [
  '@swc/jest',
  { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2023' }, module: { type: 'commonjs' }, sourceMaps: 'inline' },
];

/** @type {import('jest').Config} */
module.exports = {
  rootDir: '.',
  testEnvironment: 'node',
  // Fault specs (test/faults) run private PostgreSQL or Redis servers and break them; `npm run test:faults` runs them
  // alone.
  testMatch: [
    '<rootDir>/src/**/*.spec.ts',
    '<rootDir>/test/**/*.e2e-spec.ts',
    '<rootDir>/test/faults/**/*.fault-spec.ts',
  ],
  transform: {
    '^.+\\.ts$': swc,
    [`/node_modules/(${esmOnlyPackages.join('|')})/.+\\.js$`]: swcEsm,
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnlyPackages.join('|')})/)`],
  // The generated Prisma client imports its siblings as ./x.js; map them back to the .ts sources.
  // The shared packages are read from their sources, so a test never runs against a stale build of them.
  moduleNameMapper: {
    '^(\\.{1,2}/.*)\\.js$': '$1',
    '^@lynxprompt/(formats|scanning)$': '<rootDir>/../../packages/$1/src',
    '^@lynxprompt/scanning/test-samples$': '<rootDir>/../../packages/scanning/src/test-samples',
  },
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 60000,
  maxWorkers: 2,
};
