// spdx-expression-parse ships no types; it returns the parsed expression or throws on anything that is not SPDX.
declare module 'spdx-expression-parse' {
  function parse(expression: string): unknown;
  export = parse;
}
