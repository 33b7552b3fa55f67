import { isMap, parseDocument, stringify } from 'yaml';
import { FormatParseError, type ParseErrorDetails } from './formats.errors';
import type { ReadNote } from './formats.types';
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
 *
 * When strict YAML fails, the frontmatter is read as Claude Code and Copilot read it (see {@link readLeniently}),
 * and each value read that way is reported in `notes`. Limits and repeated keys are refused either way.
 */
export function parseFrontmatterYaml(
  yaml: string,
  startLine: number,
  formatId: string,
  rawKeys: readonly string[] = [],
  notes?: ReadNote[],
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
  const details = { format: formatId, part: 'frontmatter', line: startLine, column: 1 } as const;
  assertYamlWithinLimits(text, details);
  if (text.length > MAX_FRONTMATTER_LENGTH) {
    throw new FormatParseError(
      `Frontmatter longer than ${MAX_FRONTMATTER_LENGTH / 1024} KB; keep long text in the body.`,
      details,
    );
  }
  // A plain value holding ": " is never YAML, and the parser takes a second over 200 KB of them: go lenient at once.
  const document = lines.some(isPlainValueWithColon) ? undefined : parseDocument(text, USER_YAML_OPTIONS);
  const error = document?.errors[0];
  if (!document || error) {
    const lenient = readLeniently(text, startLine, formatId);
    if (lenient) {
      notes?.push(...lenient.notes);
      return { ...lenient.values, ...raw };
    }
    const position = error?.linePos?.[0];
    const reason = error ? firstLine(error.message) : 'a ": " inside a plain value';
    throw new FormatParseError(`Invalid YAML frontmatter: ${reason}`, {
      format: formatId,
      part: 'frontmatter',
      line: position ? position.line + startLine - 1 : startLine,
      column: position?.col,
    });
  }
  const repeated = repeatedKeyOffset(document);
  if (repeated !== undefined) {
    const position = positionAt(text, repeated);
    throw new FormatParseError('Invalid YAML frontmatter: Map keys must be unique', {
      format: formatId,
      part: 'frontmatter',
      line: position.line + startLine - 1,
      column: position.col,
    });
  }
  if (document.contents !== null && !isMap(document.contents)) {
    throw new FormatParseError('The frontmatter must be a mapping of keys to values.', details);
  }
  let parsed: unknown;
  try {
    parsed = yamlToJs(document, details);
  } catch (failure) {
    // An alias to no anchor (`model: *`) is not an error to the tools, which read the value as text.
    const lenient = isUnresolvedAlias(failure) ? readLeniently(text, startLine, formatId) : undefined;
    if (!lenient) throw failure;
    notes?.push(...lenient.notes);
    return { ...lenient.values, ...raw };
  }
  return { ...(isPlainObject(parsed) ? parsed : {}), ...raw };
}

/**
 * A top-level `key:` line: the key, and the rest of the line (its value). Keys hold no `:` unless quoted, and a line
 * opening with a space, `#`, `-` or a flow indicator is no key. Read by hand, not by a regex, to stay linear on a long
 * line.
 */
function topLevelKey(line: string): { key: string; rest: string } | undefined {
  const first = line.charAt(0);
  if (first === '' || ' \t#:-?[]{}'.includes(first)) return undefined;
  let colon: number;
  let key: string;
  if (first === '"' || first === "'") {
    const close = line.indexOf(first, 1);
    if (close === -1) return undefined;
    key = line.slice(1, close);
    colon = close + 1;
    while (line.charAt(colon) === ' ' || line.charAt(colon) === '\t') colon += 1;
    if (line.charAt(colon) !== ':') return undefined;
  } else {
    colon = line.indexOf(':');
    if (colon === -1) return undefined;
    key = line.slice(0, colon).trimEnd();
  }
  const after = line.charAt(colon + 1);
  if (after !== '' && after !== ' ' && after !== '\t') return undefined;
  return { key, rest: line.slice(colon + 1).trim() };
}

/** Real frontmatter stays under 2.5 KB (607 files of the repository corpus); the YAML parser is slow on hostile text. */
export const MAX_FRONTMATTER_LENGTH = 16 * 1024;

/** A top-level `key: value` line whose one-line plain value holds ": ", which strict YAML always refuses. */
function isPlainValueWithColon(line: string): boolean {
  const entry = topLevelKey(line);
  return entry !== undefined && !/^["'[{|>&!*]/.test(entry.rest) && entry.rest.includes(': ');
}

const OPENING_TAG = /<[A-Za-z][\w-]*>/g;
const CLOSING_TAG = /<\/[A-Za-z][\w-]*>/g;

function countMatches(line: string, pattern: RegExp): number {
  return line.match(pattern)?.length ?? 0;
}

interface LenientEntry {
  key: string;
  /** The rest of the key's line. */
  rest: string;
  line: number;
  lines: string[];
}

/**
 * The tolerant reading Claude Code and Copilot apply when frontmatter is not valid YAML: each top-level `key:` entry
 * is parsed on its own; one that parses keeps its structure (block lists, nested maps), and a one-line value that
 * does not (`description: Use when: ...`, an unbalanced quote, a value opening with `@`, `*` or a backtick) is the
 * plain text after the colon. Answers undefined when that reading does not apply either: text outside any entry, a
 * broken block or flow collection, a broken block scalar.
 */
function readLeniently(
  text: string,
  startLine: number,
  formatId: string,
): { values: Record<string, unknown>; notes: ReadNote[] } | undefined {
  const entries: LenientEntry[] = [];
  const lines = text.split('\n');
  // Claude agent descriptions hold `<example>` blocks with `user: "..."` lines: inside a tag, nothing is a key.
  let openTags = 0;
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    const key = openTags === 0 ? topLevelKey(line) : undefined;
    if (key) {
      entries.push({ key: key.key, rest: key.rest, line: index + startLine, lines: [line] });
    } else if (entries.length) {
      entries[entries.length - 1]!.lines.push(line);
    } else if (line.trim() !== '' && !line.trimStart().startsWith('#')) {
      return undefined;
    }
    openTags = Math.max(0, openTags + countMatches(line, OPENING_TAG) - countMatches(line, CLOSING_TAG));
  }
  const values: Record<string, unknown> = {};
  const notes: ReadNote[] = [];
  for (const entry of entries) {
    if (Object.prototype.hasOwnProperty.call(values, entry.key)) {
      throw new FormatParseError('Invalid YAML frontmatter: Map keys must be unique', {
        format: formatId,
        part: 'frontmatter',
        line: entry.line,
        key: entry.key,
      });
    }
    const strict = parseEntry(entry, formatId);
    if (strict.ok) {
      values[entry.key] = strict.value;
      continue;
    }
    const plain = plainValue(entry);
    if (plain === undefined) return undefined;
    values[entry.key] = plain;
    notes.push({
      code: 'LENIENT_FRONTMATTER',
      message: `'${entry.key}' is not valid YAML (${strict.reason}); read as plain text, as the tools read it.`,
      line: entry.line,
      key: entry.key,
    });
  }
  return { values, notes };
}

function parseEntry(
  entry: LenientEntry,
  formatId: string,
): { ok: true; value: unknown } | { ok: false; reason: string } {
  // A one-line plain value holding ": " is never YAML; telling it here spares the parser, which is slow on such text.
  if (entry.lines.length === 1 && !/^["'[{|>]/.test(entry.rest) && entry.rest.includes(': ')) {
    return { ok: false, reason: 'a ": " inside a plain value' };
  }
  const document = parseDocument(entry.lines.join('\n'), { ...USER_YAML_OPTIONS, prettyErrors: false });
  const error = document.errors[0];
  if (error) return { ok: false, reason: firstLine(error.message).replace(/ at line \d+, column \d+:?$/, '') };
  if (repeatedKeyOffset(document) !== undefined) {
    throw new FormatParseError('Invalid YAML frontmatter: Map keys must be unique', {
      format: formatId,
      part: 'frontmatter',
      line: entry.line,
      key: entry.key,
    });
  }
  try {
    const value = yamlToJs(document, { format: formatId, part: 'frontmatter', line: entry.line, key: entry.key });
    return { ok: true, value: isPlainObject(value) ? value[entry.key] : undefined };
  } catch (failure) {
    if (isUnresolvedAlias(failure)) return { ok: false, reason: 'an alias to no anchor' };
    throw failure;
  }
}

/** The entry's value as text: the rest of its first line, then its other lines as written (blank lines kept). */
function plainValue(entry: LenientEntry): string | undefined {
  const first = entry.rest;
  // A broken collection or block scalar has structure the tools would not read as text either.
  if (first === '' || /^[[{|>]/.test(first)) return undefined;
  const rest = entry.lines.slice(1).map((line) => line.trimEnd());
  return [first, ...rest].join('\n').trimEnd();
}

function isUnresolvedAlias(failure: unknown): boolean {
  return failure instanceof FormatParseError && failure.message.startsWith('Invalid YAML:');
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
