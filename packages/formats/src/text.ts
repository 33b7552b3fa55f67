/** Strips a byte-order mark and turns CRLF/CR line ends into LF, so every parser and position sees one shape. */
export function normaliseNewlines(content: string): string {
  return content.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** Exported files end with exactly one newline; trailing whitespace at the end of the file carries no meaning. */
export function withFinalNewline(text: string): string {
  const trimmed = text.trimEnd();
  return trimmed === '' ? '' : `${trimmed}\n`;
}

/**
 * Splits a comma-separated list, ignoring commas nested in {}, [] or () so that `**\/*.{ts,tsx}` and
 * `Bash(git add:*)` stay whole. Items are trimmed; empty items are dropped.
 */
export function splitCommaList(value: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of value) {
    if (char === '{' || char === '[' || char === '(') depth += 1;
    else if ((char === '}' || char === ']' || char === ')') && depth > 0) depth -= 1;
    if (char === ',' && depth === 0) {
      items.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  items.push(current);
  return items.map((item) => item.trim()).filter((item) => item !== '');
}

/** 1-based line and column of a 0-based offset. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split('\n');
  return { line: lines.length, column: (lines[lines.length - 1] ?? '').length + 1 };
}

/** Rejects anything that could leave the target folder or name a hidden path trick. */
export function isSafeSlug(slug: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/.test(slug) && !slug.includes('..');
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
