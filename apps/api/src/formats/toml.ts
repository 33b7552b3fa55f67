import { createRequire } from 'node:module';
import type * as SmolToml from 'smol-toml' with { 'resolution-mode': 'import' };

/*
 * smol-toml ships a CommonJS build, but its type declarations are marked ESM, which a node16 CommonJS project may
 * not import: load the CommonJS build directly and type it from the declarations.
 */
const smolToml = createRequire(__filename)('smol-toml') as typeof SmolToml;

export const parseToml = smolToml.parse;
export const stringifyToml = smolToml.stringify;
export const TomlError = smolToml.TomlError;
