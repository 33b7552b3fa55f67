/**
 * Folders `lynxp scan` and `lynxp import` never walk into: dependencies, version-control data, build output. They
 * hold no instruction files of the repository's own.
 */
export const IGNORED_DIRECTORIES = new Set([
  'node_modules',
  '.git',
  '.hg',
  '.svn',
  '.venv',
  'venv',
  '__pycache__',
  'dist',
  'build',
  'coverage',
  '.next',
  '.nuxt',
  '.turbo',
  '.cache',
  'vendor',
  'target',
]);
