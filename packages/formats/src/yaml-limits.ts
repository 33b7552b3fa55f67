import { isMap, isScalar, visit, type Document } from 'yaml';
import { FormatParseError, type ParseErrorDetails } from './formats.errors';

/** Deeper than any real frontmatter or MCP file; past a few thousand levels the YAML parser itself runs out of stack. */
export const MAX_YAML_NESTING = 64;
/**
 * Lines one YAML document from a user may have: real frontmatter is a few dozen, an MCP file a few hundred. The
 * YAML parser is not cheap per line, and it runs on the event loop: this bounds its work on any input.
 */
export const MAX_YAML_LINES = 1_000;
/** The parser takes about a second on 250 KB of hostile text (`: : :`); configuration YAML is a few KB. */
export const MAX_YAML_LENGTH = 64 * 1024;
/** Alias expansions allowed when a document becomes plain values (yaml's default, stated so it cannot drift). */
export const MAX_YAML_ALIASES = 100;

/**
 * One linear pass before the parser sees the text: refuses more than {@link MAX_YAML_LINES} lines, and flow
 * collections nested deeper than {@link MAX_YAML_NESTING} (a 200 KB run of `[` costs the parser a second or more and
 * has taken the whole process out of memory). Brackets inside quoted strings count too, which only ever makes the
 * check stricter on input no one writes.
 */
export function assertYamlWithinLimits(text: string, details: ParseErrorDetails): void {
  if (text.length > MAX_YAML_LENGTH) {
    throw new FormatParseError(`YAML longer than ${MAX_YAML_LENGTH / 1024} KB.`, details);
  }
  let depth = 0;
  let lines = 1;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 0x0a) {
      lines += 1;
      if (lines > MAX_YAML_LINES) {
        throw new FormatParseError(`YAML longer than ${MAX_YAML_LINES} lines.`, details);
      }
    } else if (code === 0x5b || code === 0x7b) {
      depth += 1;
      if (depth > MAX_YAML_NESTING) {
        throw new FormatParseError(`YAML nests deeper than ${MAX_YAML_NESTING} levels.`, details);
      }
    } else if ((code === 0x5d || code === 0x7d) && depth > 0) {
      depth -= 1;
    }
  }
}

/**
 * The document as plain values, with alias expansion bounded: a "billion laughs" document (each anchor holding
 * many aliases of the one before) is refused with a parse error instead of growing the heap.
 */
export function yamlToJs(document: Document, details: ParseErrorDetails): unknown {
  try {
    return document.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (error) {
    // yaml signals alias problems (too many expansions, an anchor that is never set) with a ReferenceError.
    if (!(error instanceof ReferenceError)) throw error;
    const message = error.message.startsWith('Excessive alias count')
      ? `YAML aliases expand to more than ${MAX_YAML_ALIASES} copies; write the values out instead.`
      : `Invalid YAML: ${error.message}`;
    throw new FormatParseError(message, details);
  }
}

/** Parser options for YAML from users: see {@link assertUniqueKeys} for why yaml's own key check is off. */
export const USER_YAML_OPTIONS = { uniqueKeys: false, prettyErrors: true } as const;

/**
 * Refuses a mapping that repeats a key, as yaml's `uniqueKeys` would, in one pass with a set per mapping: yaml's own
 * check compares each new key with every earlier one, which took seconds on a few thousand keys. Answers the offset
 * of the repeated key, or undefined.
 */
export function repeatedKeyOffset(document: Document): number | undefined {
  let offset: number | undefined;
  visit(document, {
    Map(_, map) {
      if (!isMap(map)) return undefined;
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        const key: unknown = isScalar(pair.key) ? pair.key.value : pair.key;
        if (seen.has(key)) {
          offset = (isScalar(pair.key) ? pair.key.range?.[0] : undefined) ?? map.range?.[0] ?? 0;
          return visit.BREAK;
        }
        seen.add(key);
      }
      return undefined;
    },
  });
  return offset;
}

/** 1-based line and column of an offset in `text`. */
export function positionAt(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  let line = 1;
  for (let index = 0; index < before.length; index += 1) if (before.charCodeAt(index) === 0x0a) line += 1;
  return { line, col: offset - lineStart + 1 };
}
