import { isMap, parseDocument, stringify } from 'yaml';
import { FormatParseError, type ParseErrorDetails } from './formats.errors';
import { isPlainObject } from './text';
import { assertYamlWithinLimits, positionAt, repeatedKeyOffset, USER_YAML_OPTIONS, yamlToJs } from './yaml-limits';

export interface SplitFrontmatter {
  /** The YAML between the fences, or undefined when the file has no frontmatter. */
  yaml?: string;
  /** 1-based line of the first YAML line in the file. */
  yamlStartLine: number;
  body: string;
}

/** Splits `---\n<yaml>\n---\n<body>`; the body loses its leading blank lines so that re-export is stable. */
export function splitFrontmatter(content: string, formatId: string): SplitFrontmatter {
  if (!/^---[ \t]*(\n|$)/.test(content)) return { yamlStartLine: 1, body: content.replace(/^\n+/, '') };
  const lines = content.split('\n');
  for (let index = 1; index < lines.length; index += 1) {
    if (/^(---|\.\.\.)[ \t]*$/.test(lines[index] ?? '')) {
      return {
        yaml: lines.slice(1, index).join('\n'),
        yamlStartLine: 2,
        body: lines
          .slice(index + 1)
          .join('\n')
          .replace(/^\n+/, ''),
      };
    }
  }
  throw new FormatParseError('The frontmatter opened with --- is never closed.', {
    format: formatId,
    part: 'frontmatter',
    line: 1,
    column: 1,
  });
}

/**
 * Parses frontmatter YAML into a plain mapping. Keys listed in `rawKeys` are read from their line as written,
 * before YAML sees them: Cursor writes `globs: **\/*.ts`, which YAML would read as an alias and reject.
 */
export function parseFrontmatterYaml(
  yaml: string,
  startLine: number,
  formatId: string,
  rawKeys: readonly string[] = [],
): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  const lines = yaml.split('\n');
  for (const key of rawKeys) {
    const pattern = new RegExp(`^${key}:[ \\t]*(.*)$`);
    const index = lines.findIndex((line) => pattern.test(line));
    if (index === -1) continue;
    const value = (pattern.exec(lines[index] ?? '')?.[1] ?? '').trim();
    const next = lines[index + 1];
    // An empty value followed by an indented block is a real YAML list: leave it to YAML.
    if (value === '' && next !== undefined && /^\s+-/.test(next)) continue;
    raw[key] = readRawScalar(value, { format: formatId, part: 'frontmatter', line: index + startLine, key });
    lines[index] = '';
  }

  const text = lines.join('\n');
  assertYamlWithinLimits(text, { format: formatId, part: 'frontmatter', line: startLine, column: 1 });
  const document = parseDocument(text, USER_YAML_OPTIONS);
  const repeated = repeatedKeyOffset(document);
  const error =
    document.errors[0] ??
    (repeated === undefined
      ? undefined
      : { message: 'Map keys must be unique', linePos: [positionAt(text, repeated)] });
  if (error) {
    const position = error.linePos?.[0];
    throw new FormatParseError(`Invalid YAML frontmatter: ${firstLine(error.message)}`, {
      format: formatId,
      part: 'frontmatter',
      line: position ? position.line + startLine - 1 : startLine,
      column: position?.col,
    });
  }
  if (document.contents !== null && !isMap(document.contents)) {
    throw new FormatParseError('The frontmatter must be a mapping of keys to values.', {
      format: formatId,
      part: 'frontmatter',
      line: startLine,
      column: 1,
    });
  }
  const parsed = yamlToJs(document, { format: formatId, part: 'frontmatter', line: startLine, column: 1 });
  return { ...(isPlainObject(parsed) ? parsed : {}), ...raw };
}

function readRawScalar(value: string, details: ParseErrorDetails): unknown {
  if (value === '') return null;
  if (value.startsWith('[') || value.startsWith('"') || value.startsWith("'")) {
    assertYamlWithinLimits(value, details);
    const document = parseDocument(value, USER_YAML_OPTIONS);
    if (document.errors.length === 0 && repeatedKeyOffset(document) === undefined) return yamlToJs(document, details);
  }
  return value;
}

/** 1-based line of a top-level key in the frontmatter, for error details. */
export function keyLine(yaml: string, key: string, startLine: number): number | undefined {
  const index = yaml.split('\n').findIndex((line) => line.startsWith(`${key}:`));
  return index === -1 ? undefined : index + startLine;
}

/** One `key: value` block; long strings are never folded, because some tools read frontmatter line by line. */
export function yamlEntry(key: string, value: unknown): string {
  return stringify({ [key]: value }, { lineWidth: 0, minContentWidth: 0 });
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
