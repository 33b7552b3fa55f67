// packages/formats/src/toml.ts requires smol-toml's CommonJS build (a node16 CommonJS package may not import its
// ESM-typed declarations); the browser has no require, so the web build resolves that module here instead: the same
// library, through its ES module build.
export { parse as parseToml, stringify as stringifyToml, TomlError } from 'smol-toml';
