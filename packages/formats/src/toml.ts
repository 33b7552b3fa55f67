import type * as SmolToml from 'smol-toml' with { 'resolution-mode': 'import' };

/*
 * smol-toml ships a CommonJS build, but its type declarations are marked ESM, which a node16 CommonJS project may
 * not import: require the CommonJS build and type it from the declarations. A plain require, so the CLI's bundler
 * sees it too.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const smolToml = require('smol-toml') as typeof SmolToml;

export const parseToml = smolToml.parse;
export const stringifyToml = smolToml.stringify;
export const TomlError = smolToml.TomlError;
