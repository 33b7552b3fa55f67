import { fromNeutralArguments, toNeutralArguments } from './arguments';
import { FormatParseError } from './formats.errors';
import { parseToml, stringifyToml, TomlError } from './toml';
import type { BlueprintDocument, FormatTarget, ReadNote } from './formats.types';
import { keyLine, parseFrontmatterYaml, splitFrontmatter, yamlEntry } from './frontmatter';
import {
  neutralServersBody,
  parseMcpFile,
  parseNeutralServers,
  SERVER_OPTIONS_KEY,
  writeMcpFile,
  type McpServersDialect,
} from './mcp';
import { parseSettings, serializeSettings, type SettingsDialect } from './settings';
import { droppedFields, readMetadata, writeMetadata, type WriteContext } from './metadata';
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
  dropped: string[];
}

/** Reads a file of the target; tolerances the reading needed (lenient frontmatter) are pushed onto `notes`. */
export function parseTarget(content: string, target: TargetDefinition, notes: ReadNote[] = []): BlueprintDocument {
  const text = normaliseNewlines(content);
  if (target.mcpStructure) return parseMcp(text, target);
  if (target.settingsDialect) return parseSettings(text, target.id, target.settingsDialect);
  if (target.frontmatter?.container === 'toml') return parseTomlCommand(text, target);
  return parseMarkdown(text, target, notes);
}

export function serializeTarget(
  document: BlueprintDocument,
  target: TargetDefinition,
  context: WriteContext,
): Serialized {
  if (target.mcpStructure) return serializeMcp(document, target, context);
  if (target.settingsDialect) return serializeSettings(document, target.id, target.settingsDialect, context);
  if (target.frontmatter?.container === 'toml') return serializeTomlCommand(document, target, context);
  return serializeMarkdown(document, target, context);
}

// Markdown, with or without YAML frontmatter -------------------------------------------------------------------

function parseMarkdown(text: string, target: TargetDefinition, notes: ReadNote[]): BlueprintDocument {
  const mapping = target.frontmatter;
  const document: BlueprintDocument = { kind: primaryKind(target), body: '', sourceTool: target.tool };
  if (!mapping) {
    document.body = text.replace(/^\n+/, '');
    return document;
  }
  const split = splitFrontmatter(text, target.id);
  document.body = toNeutralArguments(split.body, target.argumentSyntax);
  if (split.yaml === undefined) {
    // No frontmatter at all still means something for tools whose "no key" is a mode (Claude rules: always).
    Object.assign(document, readMetadata({}, mapping, target.id, () => undefined).fields);
    return document;
  }
  const rawKeys = mapping.fields.filter((field) => field.encoding === 'comma-list-raw').map((field) => field.key);
  const yaml = split.yaml;
  const values = parseFrontmatterYaml(yaml, split.yamlStartLine, target.id, rawKeys, notes);
  const { fields, extra } = readMetadata(values, mapping, target.id, (key) => keyLine(yaml, key, split.yamlStartLine));
  Object.assign(document, fields);
  if (Object.keys(extra).length) document.extra = extra;
  return document;
}

function serializeMarkdown(document: BlueprintDocument, target: TargetDefinition, context: WriteContext): Serialized {
  const mapping = target.frontmatter;
  const body = fromNeutralArguments(document.body, target.argumentSyntax);
  const dropped = droppedFields(document, mapping, context);
  if (!mapping) return { content: withFinalNewline(body), dropped };

  const entries = writeMetadata(document, mapping, context);
  const header = entries
    .map((entry) => (entry.raw ? `${entry.key}: ${String(entry.value)}\n` : yamlEntry(entry.key, entry.value)))
    .join('');
  // A body that itself opens with --- would be read back as frontmatter: fence it with an empty block.
  const needsFence = header !== '' || /^---[ \t]*(\n|$)/.test(body);
  const separator = target.syntax === 'mdc' ? '' : '\n';
  const content = needsFence ? `---\n${header}---\n${separator}${body}` : body;
  return { content: withFinalNewline(content), dropped };
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
  const document: BlueprintDocument = {
    kind: primaryKind(target),
    ...fields,
    body: toNeutralArguments(prompt.replace(/^\n+/, ''), target.argumentSyntax),
    sourceTool: target.tool,
  };
  if (Object.keys(extra).length) document.extra = extra;
  return document;
}

function serializeTomlCommand(
  document: BlueprintDocument,
  target: TargetDefinition,
  context: WriteContext,
): Serialized {
  const mapping = target.frontmatter!;
  const bodyKey = mapping.bodyKey ?? 'prompt';
  const entries = writeMetadata(document, mapping, context).filter((entry) => entry.key !== bodyKey);
  const metadata = Object.fromEntries(entries.map((entry) => [entry.key, entry.value]));
  const body = withFinalNewline(fromNeutralArguments(document.body, target.argumentSyntax));
  // A multi-line literal string keeps the prompt readable and needs no escaping, unless the text contains
  // the closing delimiter or a control character TOML forbids there.
  const literal = !body.includes("'''") && ![...body].some(isForbiddenInTomlLiteral);
  const prompt = literal ? `${bodyKey} = '''\n${body}'''\n` : stringifyToml({ [bodyKey]: body });
  const simple = Object.fromEntries(Object.entries(metadata).filter(([, value]) => !isPlainObject(value)));
  const tables = Object.fromEntries(Object.entries(metadata).filter(([, value]) => isPlainObject(value)));
  const head = Object.keys(simple).length ? `${stringifyToml(simple).trim()}\n` : '';
  const tail = Object.keys(tables).length ? `\n${stringifyToml(tables).trim()}\n` : '';
  return { content: `${head}${prompt}${tail}`, dropped: droppedFields(document, mapping, context) };
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
  return document;
}

function serializeMcp(document: BlueprintDocument, target: TargetDefinition, context: WriteContext): Serialized {
  const servers = parseNeutralServers(document.body);
  const { [SERVER_OPTIONS_KEY]: serverOptions, ...topLevel } = context.sameTool ? (document.extra ?? {}) : {};
  const content = writeMcpFile(
    {
      servers,
      topLevel,
      serverOptions: isPlainObject(serverOptions) ? (serverOptions as Record<string, Record<string, unknown>>) : {},
      name: document.name ?? context.slug,
    },
    target.mcpStructure!,
    target.mcpDialect,
  );
  const holdsName = target.mcpStructure === 'continue-block';
  const dropped = droppedFields(document, null, context).filter((field) => !(holdsName && field === 'name'));
  return { content, dropped };
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
