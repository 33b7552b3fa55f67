import { isMap, parseDocument, stringify as stringifyYaml } from 'yaml';
import { FormatParseError } from './formats.errors';
import { parseToml, stringifyToml, TomlError } from './toml';
import { assertYamlWithinLimits, positionAt, repeatedKeyOffset, USER_YAML_OPTIONS, yamlToJs } from './yaml-limits';
import type { McpStructure } from './formats.types';
import { isPlainObject, positionOf } from './text';

/** The neutral description of one MCP server; every tool's spelling converts to and from this. */
export interface McpServer {
  type: 'stdio' | 'http' | 'sse';
  command?: string;
  args?: string[];
  env?: Record<string, string>;
  cwd?: string;
  url?: string;
  headers?: Record<string, string>;
}
export type McpServers = Record<string, McpServer>;

/** What an MCP file holds besides the servers: kept for the same tool, as frontmatter extras are. */
export interface McpFile {
  servers: McpServers;
  /** Top-level keys other than the servers (VS Code `inputs`, the rest of Zed's settings, Codex options...). */
  topLevel: Record<string, unknown>;
  /** Per-server keys the neutral shape has no place for (Cline `autoApprove`, VS Code `envFile`...). */
  serverOptions: Record<string, Record<string, unknown>>;
  /** The Continue block's own name. */
  name?: string;
}

/** Under `extra`, per-server options live at this key; every other extra key is a top-level key of the file. */
export const SERVER_OPTIONS_KEY = 'x-lynxprompt-server-options';

/** Spelling differences between tools that all use an `mcpServers` map. */
export interface McpServersDialect {
  /** Key of a remote server's address: most use `url`, Windsurf `serverUrl`, Gemini `httpUrl` for streamable HTTP. */
  remoteUrlKey: 'url' | 'serverUrl' | 'gemini';
  /** How a remote server's transport is named, if at all. */
  remoteType: 'none' | 'http' | 'streamable-http' | 'streamableHttp';
  cwd: boolean;
}

const KNOWN_SERVER_KEYS = new Set([
  'type',
  'transport',
  'command',
  'args',
  'env',
  'environment',
  'cwd',
  'url',
  'serverUrl',
  'httpUrl',
  'headers',
  'http_headers',
  'requestOptions',
  'name',
]);

// ---------------------------------------------------------------------------------------------------------------
// Reading

export function parseMcpFile(content: string, structure: McpStructure, formatId: string): McpFile {
  switch (structure) {
    case 'continue-block':
      return readContinueBlock(parseYamlObject(content, formatId), formatId);
    case 'codex-mcp-servers':
      return readMap(parseTomlObject(content, formatId), 'mcp_servers', formatId);
    case 'vscode-servers':
      return readMap(parseJsonObject(content, formatId), 'servers', formatId);
    case 'zed-context-servers':
      return readMap(parseJsonObject(content, formatId), 'context_servers', formatId);
    case 'opencode-mcp':
      return readMap(parseJsonObject(content, formatId), 'mcp', formatId);
    default: {
      const root = parseJsonObject(content, formatId);
      // A Claude Code plugin's .mcp.json may list its servers at the top level, without the mcpServers wrapper.
      if (structure === 'mcpServers' && root.mcpServers === undefined && isServerMap(root)) {
        return readMap({ mcpServers: root }, 'mcpServers', formatId);
      }
      return readMap(root, 'mcpServers', formatId);
    }
  }
}

function isServerMap(root: Record<string, unknown>): boolean {
  const values = Object.values(root);
  return (
    values.length > 0 &&
    values.every(
      (value) => isPlainObject(value) && (typeof value.command === 'string' || typeof value.url === 'string'),
    )
  );
}

function readMap(root: Record<string, unknown>, containerKey: string, formatId: string): McpFile {
  const { [containerKey]: container, ...topLevel } = root;
  if (container === undefined) return { servers: {}, topLevel, serverOptions: {} };
  if (!isPlainObject(container)) {
    throw invalid(formatId, `'${containerKey}' must be an object of servers keyed by name`);
  }
  const servers: McpServers = {};
  const serverOptions: Record<string, Record<string, unknown>> = {};
  for (const [name, value] of Object.entries(container)) {
    const { server, options } = readServer(value, name, formatId);
    servers[name] = server;
    if (Object.keys(options).length) serverOptions[name] = options;
  }
  return { servers, topLevel, serverOptions };
}

function readContinueBlock(root: Record<string, unknown>, formatId: string): McpFile {
  const { mcpServers, name, version: _version, schema: _schema, ...topLevel } = root;
  const servers: McpServers = {};
  const serverOptions: Record<string, Record<string, unknown>> = {};
  if (mcpServers !== undefined && !Array.isArray(mcpServers)) {
    throw invalid(formatId, "'mcpServers' must be a list of servers, each with a name");
  }
  for (const [index, entry] of (mcpServers ?? []).entries()) {
    if (!isPlainObject(entry) || typeof entry.name !== 'string' || entry.name === '') {
      throw invalid(formatId, `server ${index + 1} must be an object with a name`);
    }
    const { server, options } = readServer(entry, entry.name, formatId);
    servers[entry.name] = server;
    if (Object.keys(options).length) serverOptions[entry.name] = options;
  }
  return { servers, topLevel, serverOptions, name: typeof name === 'string' ? name : undefined };
}

function readServer(
  value: unknown,
  name: string,
  formatId: string,
): { server: McpServer; options: Record<string, unknown> } {
  if (!isPlainObject(value)) throw invalid(formatId, `server '${name}' must be an object`);
  const server: Partial<McpServer> = {};
  let command = value.command;
  let args = value.args;
  let env = value.env ?? value.environment;
  // Zed's older shape nests the process under `command: { path, args, env }`.
  if (isPlainObject(command)) {
    args = command.args;
    env = command.env;
    command = command.path;
  }
  // OpenCode writes the command and its arguments as one array.
  if (Array.isArray(command)) {
    const parts = stringList(command, name, 'command', formatId);
    command = parts[0];
    args = parts.slice(1);
  }
  if (command !== undefined) server.command = stringValue(command, name, 'command', formatId);
  if (args !== undefined) server.args = stringList(args, name, 'args', formatId);
  if (env !== undefined) server.env = stringMap(env, name, 'env', formatId);
  if (value.cwd !== undefined) server.cwd = stringValue(value.cwd, name, 'cwd', formatId);

  const url = value.url ?? value.serverUrl ?? value.httpUrl;
  if (url !== undefined) server.url = stringValue(url, name, 'url', formatId);
  const headers =
    value.headers ??
    value.http_headers ??
    (isPlainObject(value.requestOptions) ? value.requestOptions.headers : undefined);
  if (headers !== undefined) server.headers = stringMap(headers, name, 'headers', formatId);

  const type = String(value.type ?? value.transport ?? '').toLowerCase();
  if (type === 'sse') server.type = 'sse';
  else if (server.url !== undefined) server.type = 'http';
  else server.type = 'stdio';
  if (server.type === 'stdio' && server.command === undefined) {
    throw invalid(formatId, `server '${name}' needs a command or a url`);
  }

  const options: Record<string, unknown> = {};
  for (const [key, option] of Object.entries(value)) if (!KNOWN_SERVER_KEYS.has(key)) options[key] = option;
  if (isPlainObject(value.requestOptions)) {
    const { headers: _headers, ...rest } = value.requestOptions;
    if (Object.keys(rest).length) options.requestOptions = rest;
  }
  return { server: orderServer(server as McpServer), options };
}

/** The neutral body of an mcp-config document: `{ "<name>": McpServer }` as JSON. */
export function parseNeutralServers(body: string): McpServers {
  const root = parseJsonObject(body, 'neutral');
  const servers: McpServers = {};
  for (const [name, value] of Object.entries(root)) servers[name] = readServer(value, name, 'neutral').server;
  return servers;
}

export function neutralServersBody(servers: McpServers): string {
  return `${JSON.stringify(servers, null, 2)}\n`;
}

// ---------------------------------------------------------------------------------------------------------------
// Writing

export function writeMcpFile(file: McpFile, structure: McpStructure, dialect: McpServersDialect | undefined): string {
  const entries = Object.entries(file.servers);
  const withOptions = (name: string, written: Record<string, unknown>) => ({
    ...written,
    ...(file.serverOptions[name] ?? {}),
  });
  switch (structure) {
    case 'vscode-servers': {
      const servers = Object.fromEntries(entries.map(([name, s]) => [name, withOptions(name, vscodeServer(s))]));
      return json({ servers, ...file.topLevel });
    }
    case 'zed-context-servers': {
      const servers = Object.fromEntries(entries.map(([name, s]) => [name, withOptions(name, zedServer(s))]));
      return json({ ...file.topLevel, context_servers: servers });
    }
    case 'opencode-mcp': {
      const mcp = Object.fromEntries(entries.map(([name, s]) => [name, withOptions(name, openCodeServer(s))]));
      return json({ $schema: 'https://opencode.ai/config.json', ...file.topLevel, mcp });
    }
    case 'codex-mcp-servers': {
      const servers = Object.fromEntries(entries.map(([name, s]) => [name, withOptions(name, codexServer(s))]));
      return `${stringifyToml({ ...file.topLevel, mcp_servers: servers }).trim()}\n`;
    }
    case 'continue-block': {
      const mcpServers = entries.map(([name, s]) => ({ name, ...withOptions(name, continueServer(s)) }));
      return stringifyYaml(
        { name: file.name, version: '0.0.1', schema: 'v1', ...file.topLevel, mcpServers },
        { lineWidth: 0 },
      );
    }
    default: {
      const used = dialect ?? { remoteUrlKey: 'url', remoteType: 'none', cwd: true };
      const mcpServers = Object.fromEntries(
        entries.map(([name, s]) => [name, withOptions(name, mcpServersServer(s, used))]),
      );
      return json({ mcpServers, ...file.topLevel });
    }
  }
}

function mcpServersServer(server: McpServer, dialect: McpServersDialect): Record<string, unknown> {
  if (server.type === 'stdio') return processFields(server, dialect.cwd);
  const type = remoteTypeName(server.type, dialect.remoteType);
  let urlKey: string = dialect.remoteUrlKey;
  if (dialect.remoteUrlKey === 'gemini') urlKey = server.type === 'sse' ? 'url' : 'httpUrl';
  return compact({ type, [urlKey]: server.url, headers: server.headers });
}

function remoteTypeName(type: McpServer['type'], style: McpServersDialect['remoteType']): string | undefined {
  if (style === 'none') return undefined;
  if (type === 'sse') return 'sse';
  return style;
}

function vscodeServer(server: McpServer): Record<string, unknown> {
  if (server.type === 'stdio') return { type: 'stdio', ...processFields(server, true) };
  return compact({ type: server.type, url: server.url, headers: server.headers });
}

function zedServer(server: McpServer): Record<string, unknown> {
  if (server.type === 'stdio') return processFields(server, false);
  return compact({ url: server.url, headers: server.headers });
}

function openCodeServer(server: McpServer): Record<string, unknown> {
  if (server.type === 'stdio') {
    return compact({
      type: 'local',
      command: [server.command, ...(server.args ?? [])],
      environment: server.env,
      enabled: true,
    });
  }
  return compact({ type: 'remote', url: server.url, headers: server.headers, enabled: true });
}

function codexServer(server: McpServer): Record<string, unknown> {
  if (server.type === 'stdio') return processFields(server, true);
  return compact({ url: server.url, http_headers: server.headers });
}

function continueServer(server: McpServer): Record<string, unknown> {
  if (server.type === 'stdio') return processFields(server, true);
  return compact({
    type: server.type === 'sse' ? 'sse' : 'streamable-http',
    url: server.url,
    requestOptions: server.headers ? { headers: server.headers } : undefined,
  });
}

function processFields(server: McpServer, cwd: boolean): Record<string, unknown> {
  return compact({ command: server.command, args: server.args, env: server.env, cwd: cwd ? server.cwd : undefined });
}

function orderServer(server: McpServer): McpServer {
  return compact({
    type: server.type,
    command: server.command,
    args: server.args,
    env: server.env,
    cwd: server.cwd,
    url: server.url,
    headers: server.headers,
  }) as unknown as McpServer;
}

function compact(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

// ---------------------------------------------------------------------------------------------------------------
// Parsers with positions

/** JSON with the comments and trailing commas VS Code and Zed allow in their settings files. */
export function parseJsonObject(content: string, formatId: string): Record<string, unknown> {
  const text = stripJsonComments(content);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const match = /position (\d+)/.exec(message);
    const offset = match ? Number(match[1]) : text.length;
    throw new FormatParseError(`Invalid JSON: ${message.replace(/ \(line \d+ column \d+\)$/, '')}`, {
      format: formatId,
      part: 'json',
      ...positionOf(text, offset),
    });
  }
  if (!isPlainObject(value)) throw invalid(formatId, 'the file must be a JSON object', 'json');
  return value;
}

function parseYamlObject(content: string, formatId: string): Record<string, unknown> {
  assertYamlWithinLimits(content, { format: formatId, part: 'yaml' });
  const document = parseDocument(content, USER_YAML_OPTIONS);
  const repeated = repeatedKeyOffset(document);
  const error =
    document.errors[0] ??
    (repeated === undefined
      ? undefined
      : { message: 'Map keys must be unique', linePos: [positionAt(content, repeated)] });
  if (error) {
    const position = error.linePos?.[0];
    throw new FormatParseError(`Invalid YAML: ${error.message.split('\n')[0]}`, {
      format: formatId,
      part: 'yaml',
      line: position?.line,
      column: position?.col,
    });
  }
  if (!isMap(document.contents)) throw invalid(formatId, 'the file must be a YAML mapping', 'yaml');
  return yamlToJs(document, { format: formatId, part: 'yaml' }) as Record<string, unknown>;
}

function parseTomlObject(content: string, formatId: string): Record<string, unknown> {
  try {
    return parseToml(content) as Record<string, unknown>;
  } catch (error) {
    if (!(error instanceof TomlError)) throw error;
    throw new FormatParseError(`Invalid TOML: ${error.message.split('\n')[0]}`, {
      format: formatId,
      part: 'toml',
      line: error.line,
      column: error.column,
    });
  }
}

/** Blanks out comments, then trailing commas, keeping every other character at its offset. */
function stripJsonComments(text: string): string {
  const chars = text.split('');
  forEachOutsideStrings(chars, (index) => {
    if (chars[index] === '/' && chars[index + 1] === '/') {
      let end = index;
      while (end < chars.length && chars[end] !== '\n') chars[end++] = ' ';
      return end - 1;
    }
    if (chars[index] === '/' && chars[index + 1] === '*') {
      let end = index;
      while (end < chars.length && !(chars[end] === '*' && chars[end + 1] === '/')) {
        if (chars[end] !== '\n') chars[end] = ' ';
        end += 1;
      }
      chars[end] = ' ';
      if (end + 1 < chars.length) chars[end + 1] = ' ';
      return end + 1;
    }
    return index;
  });
  forEachOutsideStrings(chars, (index) => {
    if (chars[index] !== ',') return index;
    let next = index + 1;
    while (next < chars.length && /\s/.test(chars[next] ?? '')) next += 1;
    if (chars[next] === '}' || chars[next] === ']') chars[index] = ' ';
    return index;
  });
  return chars.join('').slice(0, text.length);
}

/** Calls `visit` for each index outside a JSON string; `visit` returns the last index it consumed. */
function forEachOutsideStrings(chars: string[], visit: (index: number) => number): void {
  let inString = false;
  for (let index = 0; index < chars.length; index += 1) {
    const char = chars[index];
    if (inString) {
      if (char === '\\') index += 1;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else index = visit(index);
  }
}

function invalid(formatId: string, message: string, part: 'json' | 'yaml' | 'toml' = 'json'): FormatParseError {
  return new FormatParseError(`Invalid MCP configuration: ${message}.`, { format: formatId, part });
}

function stringValue(value: unknown, server: string, key: string, formatId: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw invalid(formatId, `'${key}' of server '${server}' must be a string`);
}

function stringList(value: unknown, server: string, key: string, formatId: string): string[] {
  if (!Array.isArray(value)) throw invalid(formatId, `'${key}' of server '${server}' must be a list of strings`);
  return value.map((item) => stringValue(item, server, key, formatId));
}

function stringMap(value: unknown, server: string, key: string, formatId: string): Record<string, string> {
  if (!isPlainObject(value)) throw invalid(formatId, `'${key}' of server '${server}' must be an object of strings`);
  return Object.fromEntries(
    Object.entries(value).map(([name, item]) => [name, stringValue(item, server, key, formatId)]),
  );
}
