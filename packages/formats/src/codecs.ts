import { fromNeutralArguments, toNeutralArguments } from './arguments';
import { FormatParseError } from './formats.errors';
import { parseToml, stringifyToml, TomlError } from './toml';
import type { BlueprintDocument, ConversionChange, FormatTarget, ReadNote, SourceSpelling } from './formats.types';
import { keyLine, parseFrontmatterYaml, splitFrontmatter, yamlEntry } from './frontmatter';
import {
  neutralServersBody,
  parseMcpFile,
  parseNeutralServers,
  SERVER_OPTIONS_KEY,
  writeMcpFile,
  type McpServersDialect,
} from './mcp';
import { parseSettings, serializeSettings, type SettingsDialect, type WrittenSettings } from './settings';
import { droppedFields, readMetadata, writeMetadata, type WriteContext } from './metadata';
import {
  entryTexts,
  gapAfterFrontmatter,
  restoreSurroundings,
  sameValue,
  surroundings,
  tomlEntryTexts,
  topLevelKey,
} from './spelling';
import { isPlainObject, normaliseNewlines, withFinalNewline } from './text';

/** A target as the library sees it: the public description plus what only the codecs need. */
export interface TargetDefinition extends FormatTarget {
  /** Path patterns (on a `/`-separated path) that identify this target's files. */
  detect: readonly RegExp[];
  mcpDialect?: McpServersDialect;
  /** For settings targets: whose settings file it is (the hooks and permissions it holds). */
  settingsDialect?: SettingsDialect;
}

export interface Serialized {
  content: string;
  /** What the target could not carry as the source meant it (metadata and argument syntax). */
  changes: ConversionChange[];
}

/** Reads a file of the target; tolerances the reading needed (lenient frontmatter) are pushed onto `notes`. */
export function parseTarget(content: string, target: TargetDefinition, notes: ReadNote[] = []): BlueprintDocument {
  const text = normaliseNewlines(content);
  const document = target.mcpStructure
    ? parseMcp(text, target)
    : target.settingsDialect
      ? parseSettings(text, target.id, target.settingsDialect)
      : target.frontmatter?.container === 'toml'
        ? parseTomlCommand(text, target)
        : parseMarkdown(text, target, notes);
  if (document.spelling) Object.assign(document.spelling, surroundings(content));
  return document;
}

export function serializeTarget(
  document: BlueprintDocument,
  target: TargetDefinition,
  context: WriteContext,
): Serialized {
  const serialized = target.mcpStructure
    ? serializeMcp(document, target, context)
    : target.settingsDialect
      ? settingsChanges(serializeSettings(document, target.id, target.settingsDialect, context), context)
      : target.frontmatter?.container === 'toml'
        ? serializeTomlCommand(document, target, context)
        : serializeMarkdown(document, target, context);
  if (context.spelling) serialized.content = restoreSurroundings(serialized.content, context.spelling);
  return serialized;
}

/** The settings codec names what it could not carry (dropped) and what it renamed (translated). */
function settingsChanges(written: WrittenSettings, context: WriteContext): Serialized {
  return {
    content: written.content,
    changes: [
      ...written.translated.map((entry) => ({
        field: entry.field,
        change: 'translated' as const,
        message: `${context.sourceTool}'s \`${entry.from}\` is \`${entry.to}\` in ${context.targetLabel}.`,
        from: entry.from,
        to: entry.to,
      })),
      ...written.dropped.map((field) => ({
        field,
        change: 'dropped' as const,
        message: `${context.targetLabel} has no equivalent of the ${context.sourceTool} setting \`${field}\`.`,
      })),
    ],
  };
}

/** The body for the target: as the source wrote it when that is the same format and the text is unchanged. */
function targetBody(document: BlueprintDocument, target: TargetDefinition, context: WriteContext): string {
  const written = context.spelling?.body;
  if (written !== undefined && toNeutralArguments(written, target.argumentSyntax) === document.body) return written;
  return fromNeutralArguments(document.body, target.argumentSyntax);
}

/** The spelling a parsed file keeps: its values in order, and its body when placeholders were made neutral. */
function spellingOf(
  target: TargetDefinition,
  values: Record<string, unknown>,
  writtenBody: string,
  neutralBody: string,
): SourceSpelling {
  const spelling: SourceSpelling = { format: target.id, values };
  if (writtenBody !== neutralBody) spelling.body = writtenBody;
  return spelling;
}

// Markdown, with or without YAML frontmatter -------------------------------------------------------------------

function parseMarkdown(text: string, target: TargetDefinition, notes: ReadNote[]): BlueprintDocument {
  const mapping = target.frontmatter;
  const document: BlueprintDocument = { kind: primaryKind(target), body: '', sourceTool: target.tool };
  if (!mapping) {
    document.body = text.replace(/^\n+/, '');
    // The tool reads a rules file without metadata every time.
    if (document.kind === 'rules') document.alwaysApply = true;
    document.spelling = { format: target.id, values: {} };
    return document;
  }
  const split = splitFrontmatter(text, target.id);
  document.body = toNeutralArguments(split.body, target.argumentSyntax);
  if (split.yaml === undefined) {
    // No frontmatter at all still means something for tools whose "no key" is a mode (Claude rules: always).
    Object.assign(document, readMetadata({}, mapping, target.id, () => undefined).fields);
    document.spelling = spellingOf(target, {}, split.body, document.body);
    return document;
  }
  const rawKeys = mapping.fields.filter((field) => field.encoding === 'comma-list-raw').map((field) => field.key);
  const yaml = split.yaml;
  const values = parseFrontmatterYaml(yaml, split.yamlStartLine, target.id, rawKeys, notes);
  const { fields, extra } = readMetadata(values, mapping, target.id, (key) => keyLine(yaml, key, split.yamlStartLine));
  Object.assign(document, fields);
  if (Object.keys(extra).length) document.extra = extra;
  // The key order as written: raw keys were read before YAML saw them, so the parsed object lists them last.
  const ordered = orderedAsWritten(values, yaml);
  const spelling = spellingOf(target, ordered, split.body, document.body);
  const { texts, preamble } = entryTexts(yaml, Object.keys(ordered));
  spelling.texts = texts;
  if (preamble) spelling.preamble = preamble;
  spelling.gap = gapAfterFrontmatter(text);
  document.spelling = spelling;
  return document;
}

function orderedAsWritten(values: Record<string, unknown>, yaml: string): Record<string, unknown> {
  // One pass over the lines: the first line each key opens (plain or quoted).
  const firstLine = new Map<string, number>();
  yaml.split('\n').forEach((line, index) => {
    const name = topLevelKey(line);
    if (name !== undefined && !firstLine.has(name)) firstLine.set(name, index);
  });
  const position = (key: string) => firstLine.get(key) ?? Number.MAX_SAFE_INTEGER;
  return Object.fromEntries(
    Object.keys(values)
      .sort((a, b) => position(a) - position(b))
      .map((key) => [key, values[key]]),
  );
}

function serializeMarkdown(document: BlueprintDocument, target: TargetDefinition, context: WriteContext): Serialized {
  const mapping = target.frontmatter;
  const body = targetBody(document, target, context);
  const { entries, changes } = writeMetadata(document, mapping, context);
  if (!mapping) return { content: withFinalNewline(body), changes };

  const spelling = context.spelling;
  const header = entries
    .map((entry) =>
      entry.text !== undefined
        ? entry.text
        : entry.raw
          ? `${entry.key}: ${String(entry.value)}\n`
          : yamlEntry(entry.key, entry.value),
    )
    .join('');
  // A body that itself opens with --- would be read back as frontmatter: fence it with an empty block. A file read
  // as this target with an empty frontmatter block keeps it.
  const hadFence = spelling?.gap !== undefined;
  const needsFence = header !== '' || hadFence || /^---[ \t]*(\n|$)/.test(body);
  const separator = spelling?.gap ?? (target.syntax === 'mdc' ? '' : '\n');
  const preamble = spelling?.preamble ?? '';
  const content = needsFence ? `---\n${preamble}${header}---\n${separator}${body}` : body;
  return { content: withFinalNewline(content), changes };
}

// Gemini CLI commands: TOML with the prompt in one key ---------------------------------------------------------

function parseTomlCommand(text: string, target: TargetDefinition): BlueprintDocument {
  const mapping = target.frontmatter!;
  const bodyKey = mapping.bodyKey ?? 'prompt';
  let values: Record<string, unknown>;
  try {
    values = parseToml(text) as Record<string, unknown>;
  } catch (error) {
    if (!(error instanceof TomlError)) throw error;
    throw new FormatParseError(`Invalid TOML: ${error.message.split('\n')[0]}`, {
      format: target.id,
      part: 'toml',
      line: error.line,
      column: error.column,
    });
  }
  const { [bodyKey]: prompt, ...metadata } = values;
  if (typeof prompt !== 'string') {
    throw new FormatParseError(`The command needs a '${bodyKey}' string.`, {
      format: target.id,
      part: 'toml',
      key: bodyKey,
    });
  }
  const { fields, extra } = readMetadata(metadata, mapping, target.id, () => undefined);
  const written = prompt.replace(/^\n+/, '');
  const document: BlueprintDocument = {
    kind: primaryKind(target),
    ...fields,
    body: toNeutralArguments(written, target.argumentSyntax),
    sourceTool: target.tool,
  };
  if (Object.keys(extra).length) document.extra = extra;
  document.spelling = spellingOf(target, values, written, document.body);
  const { texts, preamble } = tomlEntryTexts(text);
  document.spelling.texts = texts;
  if (preamble) document.spelling.preamble = preamble;
  return document;
}

function serializeTomlCommand(
  document: BlueprintDocument,
  target: TargetDefinition,
  context: WriteContext,
): Serialized {
  const mapping = target.frontmatter!;
  const bodyKey = mapping.bodyKey ?? 'prompt';
  const written = writeMetadata(document, mapping, context);
  const entries = written.entries.filter((entry) => entry.key !== bodyKey);
  const metadata = Object.fromEntries(entries.map((entry) => [entry.key, entry.value]));
  // The prompt as written when it is unchanged (its trailing spaces too); otherwise ending in one newline.
  const asWritten = context.spelling?.values[bodyKey];
  const body =
    typeof asWritten === 'string' &&
    toNeutralArguments(asWritten.replace(/^\n+/, ''), target.argumentSyntax) === document.body
      ? asWritten.replace(/^\n+/, '')
      : withFinalNewline(targetBody(document, target, context));
  // A multi-line literal string keeps the prompt readable and needs no escaping, unless the text contains
  // the closing delimiter or a control character TOML forbids there.
  const literal = !body.includes("'''") && ![...body].some(isForbiddenInTomlLiteral);
  const prompt = literal ? `${bodyKey} = '''\n${body}'''\n` : stringifyToml({ [bodyKey]: body });
  const simple = Object.fromEntries(Object.entries(metadata).filter(([, value]) => !isPlainObject(value)));
  const tables = Object.fromEntries(Object.entries(metadata).filter(([, value]) => isPlainObject(value)));
  const head = Object.keys(simple).length ? `${stringifyToml(simple).trim()}\n` : '';
  const tail = Object.keys(tables).length ? `\n${stringifyToml(tables).trim()}\n` : '';
  const spelling = context.spelling;
  if (spelling?.texts && !Object.keys(tables).length) {
    // A file read as this target: every key in its place, unchanged ones (and an unchanged prompt) as written.
    const promptText = body === asWritten?.toString().replace(/^\n+/, '') ? spelling.texts[bodyKey] : undefined;
    const pieces = [...entries, { key: bodyKey, value: body, text: promptText ?? prompt }];
    const order = new Map(Object.keys(spelling.values).map((key, index) => [key, index]));
    const position = (key: string) => order.get(key) ?? order.size;
    pieces.sort((a, b) => position(a.key) - position(b.key));
    const text = pieces.map((piece) => piece.text ?? stringifyToml({ [piece.key]: piece.value })).join('');
    return { content: `${spelling.preamble ?? ''}${text}`, changes: written.changes };
  }
  const content = `${head}${prompt}${tail}`;
  return { content, changes: written.changes };
}

// MCP configuration --------------------------------------------------------------------------------------------

function parseMcp(text: string, target: TargetDefinition): BlueprintDocument {
  const file = parseMcpFile(text, target.mcpStructure!, target.id);
  const extra: Record<string, unknown> = { ...file.topLevel };
  if (Object.keys(file.serverOptions).length) extra[SERVER_OPTIONS_KEY] = file.serverOptions;
  const document: BlueprintDocument = {
    kind: 'mcp-config',
    body: neutralServersBody(file.servers),
    sourceTool: target.tool,
  };
  if (file.name) document.name = file.name;
  if (Object.keys(extra).length) document.extra = extra;
  // Strict JSON is kept as parsed, so that the same format gives back its structure (a Claude plugin's .mcp.json
  // lists servers at the top level) and its indentation.
  document.spelling = { format: target.id, values: {} };
  if (target.syntax === 'json') {
    try {
      const parsed: unknown = JSON.parse(text);
      if (isPlainObject(parsed)) {
        document.spelling = { format: target.id, values: parsed, indent: /^\{\n([ \t]+)\S/.exec(text)?.[1] ?? '  ' };
      }
    } catch {
      // JSON with comments or trailing commas is re-serialised.
    }
  }
  return document;
}

function serializeMcp(document: BlueprintDocument, target: TargetDefinition, context: WriteContext): Serialized {
  const servers = parseNeutralServers(document.body);
  const spelling = context.spelling;
  if (spelling?.indent !== undefined) {
    const asRead = parseMcp(JSON.stringify(spelling.values), target);
    if (
      asRead.body === document.body &&
      asRead.name === document.name &&
      sameValue(asRead.extra ?? {}, document.extra ?? {})
    ) {
      return { content: `${JSON.stringify(spelling.values, null, spelling.indent)}\n`, changes: [] };
    }
  }
  const { [SERVER_OPTIONS_KEY]: serverOptions, ...topLevel } = context.sameTool ? (document.extra ?? {}) : {};
  const content = writeMcpFile(
    {
      servers,
      topLevel,
      serverOptions: isPlainObject(serverOptions) ? (serverOptions as Record<string, Record<string, unknown>>) : {},
      name: document.name ?? context.identifier,
    },
    target.mcpStructure!,
    target.mcpDialect,
  );
  const holdsName = target.mcpStructure === 'continue-block';
  const changes: ConversionChange[] = droppedFields(document, null, context)
    .filter((field) => !(holdsName && field === 'name'))
    .map((field) => ({ field, change: 'dropped', message: `${context.targetLabel} has nowhere to put ${field}.` }));
  if (!context.sameTool) {
    for (const key of Object.keys(document.extra ?? {})) {
      changes.push({
        field: key,
        change: 'dropped',
        message:
          key === SERVER_OPTIONS_KEY
            ? `${context.sourceTool} per-server options (such as auto-approval) are not carried to ${context.targetTool}.`
            : `${context.targetLabel} does not read the ${context.sourceTool} key \`${key}\`.`,
      });
    }
  }
  return { content, changes };
}

function primaryKind(target: TargetDefinition): BlueprintDocument['kind'] {
  const kind = target.kinds[0];
  if (!kind) throw new Error(`Target ${target.id} declares no kind`);
  return kind;
}

/** Control characters other than tab and newline may not appear in a TOML multi-line literal string. */
function isForbiddenInTomlLiteral(char: string): boolean {
  const code = char.charCodeAt(0);
  return (code < 0x20 && char !== '\t' && char !== '\n') || code === 0x7f;
}
