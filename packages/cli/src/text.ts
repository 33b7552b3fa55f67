/**
 * Text from an instance or a file, safe to print on a terminal: control and format characters (escape sequences,
 * bidi overrides) become visible `\u{…}` escapes, so a hostile server or file cannot rewrite the screen.
 */
export function printable(value: string): string {
  return value.replace(/[\p{Cc}\p{Cf}]/gu, (character) =>
    character === '\n' || character === '\t' ? ' ' : `\\u{${character.codePointAt(0)!.toString(16)}}`,
  );
}

/** Bytes as text when they are UTF-8 text (an attached script or reference), else undefined (an image, an archive). */
export function textOf(bytes: Buffer): string | undefined {
  if (bytes.includes(0)) return undefined;
  const text = bytes.toString('utf8');
  return Buffer.from(text, 'utf8').equals(bytes) ? text : undefined;
}
