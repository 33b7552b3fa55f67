'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- plain CommonJS, loaded by Node itself in the worker thread */
// Worker entry when the API runs from its TypeScript sources (the Jest suites): the thread compiles the .ts files it
// requires with swc, as Jest does in the main thread. A build runs dist/worker-pool/worker-tasks.js instead.
const { readFileSync } = require('node:fs');
const { transformSync } = require('@swc/core');

require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), {
    filename,
    jsc: { parser: { syntax: 'typescript' }, target: 'es2023' },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  });
  module._compile(code, filename);
};

module.exports = require('./worker-tasks.ts');
