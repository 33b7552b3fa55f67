import type { SourceSpelling } from './formats.types';

/**
 * Splits frontmatter YAML into its top-level entries as written, by the keys the parser found: each entry runs from
 * its key's line to the next key's line, so comments and blank lines inside it stay with it. Lines before the first
 * key are the preamble. Keys written in a way this cannot find (a flow mapping, a complex key) get no text and are
 * re-serialised instead.
 */
export function entryTexts(yaml: string, keys: readonly string[]): { texts: Record<string, string>; preamble: string } {
  const lines = yaml === '' ? [] : yaml.split('\n');
  const wanted = new Set(keys);
  const starts: Array<{ key: string; line: number }> = [];
  const seen = new Set<string>();
  lines.forEach((line, index) => {
    const key = topLevelKey(line);
    if (key !== undefined && wanted.has(key) && !seen.has(key)) {
      seen.add(key);
      starts.push({ key, line: index });
    }
  });
  const texts: Record<string, string> = {};
  starts.forEach((start, index) => {
    const end = starts[index + 1]?.line ?? lines.length;
    texts[start.key] = `${lines.slice(start.line, end).join('\n')}\n`;
  });
  const first = starts[0]?.line ?? lines.length;
  const preamble = lines.slice(0, first).join('\n');
  return { texts, preamble: first === 0 ? '' : `${preamble}\n` };
}

/**
 * The key a top-level `key: value` line opens, plain or quoted; undefined for indented, comment and other lines. Read
 * by hand, in one pass: a regex with a lazy key and optional spaces before the colon backtracks quadratically on a
 * long line without one.
 */
export function topLevelKey(line: string): string | undefined {
  const first = line[0];
  if (first === undefined || /[\s#[{?:]/.test(first)) return undefined;
  if (first === '"' || first === "'") {
    const close = line.indexOf(first, 1);
    if (close === -1) return undefined;
    let after = close + 1;
    while (line[after] === ' ' || line[after] === '\t') after += 1;
    return line[after] === ':' && isValueStart(line, after + 1) ? line.slice(1, close) : undefined;
  }
  if (first === '-' && (line[1] === undefined || /[\s:]/.test(line[1]))) return undefined;
  for (let colon = line.indexOf(':'); colon !== -1; colon = line.indexOf(':', colon + 1)) {
    if (isValueStart(line, colon + 1)) {
      const key = line.slice(0, colon).replace(/[ \t]+$/, '');
      return key === '' ? undefined : key;
    }
  }
  return undefined;
}

function isValueStart(line: string, index: number): boolean {
  return index >= line.length || line[index] === ' ' || line[index] === '\t';
}

/** The text around a file's content that carries no meaning but that the same format should give back. */
export function surroundings(original: string): Pick<SourceSpelling, 'crlf' | 'bom' | 'ending'> {
  const normalised = original.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const spelling: Pick<SourceSpelling, 'crlf' | 'bom' | 'ending'> = {
    ending: normalised.slice(normalised.trimEnd().length),
  };
  if (original.startsWith('\uFEFF')) spelling.bom = true;
  if (/\r\n/.test(original) && !/(^|[^\r])\n/.test(original)) spelling.crlf = true;
  return spelling;
}

/** Gives a same-format export the ending, line ends and byte-order mark the source file had. */
export function restoreSurroundings(content: string, spelling: SourceSpelling): string {
  let text = content;
  if (spelling.ending !== undefined && text !== '') text = text.trimEnd() + spelling.ending;
  if (spelling.crlf) text = text.replace(/\n/g, '\r\n');
  if (spelling.bom) text = `\uFEFF${text}`;
  return text;
}

/** The blank lines between the closing `---` and the body, as written. */
export function gapAfterFrontmatter(text: string): string | undefined {
  const lines = text.split('\n');
  for (let index = 1; index < lines.length; index += 1) {
    if (/^(---|\.\.\.)[ \t]*$/.test(lines[index] ?? '')) {
      const rest = lines.slice(index + 1).join('\n');
      return /^\n*/.exec(rest)?.[0] ?? '';
    }
  }
  return undefined;
}

/** Structural equality of parsed YAML/TOML/JSON values. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (
    typeof a === 'object' &&
    typeof b === 'object' &&
    a !== null &&
    b !== null &&
    !Array.isArray(a) &&
    !Array.isArray(b)
  ) {
    const keysA = Object.keys(a);
    const keysB = Object.keys(b);
    return (
      keysA.length === keysB.length &&
      keysA.every((key) => sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
    );
  }
  return false;
}

/**
 * Splits a TOML file into its top-level `key = value` entries as written (a multi-line string belongs to its key), up
 * to the first table header; keys after it get no text. Lines before the first key are the preamble.
 */
export function tomlEntryTexts(toml: string): { texts: Record<string, string>; preamble: string } {
  const lines = toml.split('\n');
  const starts: Array<{ key: string; line: number }> = [];
  let open: string | undefined;
  let end = lines.length;
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    if (open === undefined) {
      if (/^\s*\[/.test(line)) {
        end = index;
        break;
      }
      const match = /^\s*([A-Za-z0-9_-]+|"[^"\n]*"|'[^'\n]*')\s*=(.*)$/.exec(line);
      if (!match) continue;
      starts.push({ key: match[1]!.replace(/^(["'])(.*)\1$/, '$2'), line: index });
      open = opensMultiline(match[2] ?? '');
    } else if (line.split(open).length % 2 === 0) {
      open = undefined;
    }
  }
  const texts: Record<string, string> = {};
  starts.forEach((start, index) => {
    const stop = starts[index + 1]?.line ?? end;
    texts[start.key] = `${lines.slice(start.line, stop).join('\n')}\n`;
  });
  const first = starts[0]?.line ?? 0;
  return { texts, preamble: first === 0 ? '' : `${lines.slice(0, first).join('\n')}\n` };
}

/** The delimiter of a multi-line string a value opens and does not close on its line. */
function opensMultiline(value: string): string | undefined {
  for (const delimiter of ['"""', "'''"]) {
    const trimmed = value.trimStart();
    if (trimmed.startsWith(delimiter) && trimmed.split(delimiter).length === 2) return delimiter;
  }
  return undefined;
}
