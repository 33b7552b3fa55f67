/**
 * Text from an instance or a file, safe to print on a terminal: control and format characters (escape sequences,
 * bidi overrides) become visible `\u{…}` escapes, so a hostile server or file cannot rewrite the screen.
 */
export function printable(value: string): string {
  return value.replace(/[\p{Cc}\p{Cf}]/gu, (character) =>
    character === '\n' || character === '\t' ? ' ' : `\\u{${character.codePointAt(0)!.toString(16)}}`,
  );
}
