import type { Document } from 'yaml';
import { FormatParseError, type ParseErrorDetails } from './formats.errors';

/** Deeper than any real frontmatter or MCP file; past a few thousand levels the YAML parser itself runs out of stack. */
export const MAX_YAML_NESTING = 64;
/** Alias expansions allowed when a document becomes plain values (yaml's default, stated so it cannot drift). */
export const MAX_YAML_ALIASES = 100;

/**
 * Refuses flow collections nested deeper than {@link MAX_YAML_NESTING} before the parser sees them: a 200 KB run of
 * `[` costs the parser a second or more and has taken the whole process out of memory. Brackets inside quoted strings
 * count too, which only ever makes the check stricter on input no one writes.
 */
export function assertYamlNesting(text: string, details: ParseErrorDetails): void {
  let depth = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 0x5b || code === 0x7b) {
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
