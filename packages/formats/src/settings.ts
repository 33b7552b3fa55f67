import { FormatParseError } from './formats.errors';
import type { BlueprintDocument } from './formats.types';
import { parseJsonObject } from './mcp';
import { droppedFields, type WriteContext } from './metadata';
import { isPlainObject } from './text';

/*
 * Settings files hold hooks and permissions beside much else (env, model, MCP servers). A settings blueprint keeps
 * the hooks (and Claude Code's permissions) as its body, as JSON, and every other top-level key in `extra` for the
 * same tool. Claude Code and Gemini CLI write hooks in the same shape, `{ "<Event>": [{ matcher?, hooks: [{ type,
 * command, ... }] }] }`, with their own event and tool names: between the two, the names with a documented
 * equivalent are translated and the rest is dropped and reported.
 */

/** Whose settings file: the event names, tool names and permission rules are that tool's vocabulary. */
export type SettingsDialect = 'claude' | 'gemini';

interface DialectRules {
  tool: string;
  /** The top-level keys that form the body. */
  bodyKeys: readonly string[];
}

const DIALECTS: Record<SettingsDialect, DialectRules> = {
  claude: { tool: 'claude-code', bodyKeys: ['hooks', 'permissions'] },
  gemini: { tool: 'gemini-cli', bodyKeys: ['hooks'] },
};

/** Claude Code hook events and their Gemini CLI equivalents (geminicli.com/docs/hooks, code.claude.com/docs/en/hooks). */
const CLAUDE_TO_GEMINI_EVENTS: Record<string, string> = {
  PreToolUse: 'BeforeTool',
  PostToolUse: 'AfterTool',
  UserPromptSubmit: 'BeforeAgent',
  Stop: 'AfterAgent',
  PreCompact: 'PreCompress',
  SessionStart: 'SessionStart',
  SessionEnd: 'SessionEnd',
  Notification: 'Notification',
};

/** Built-in tool names as tool-event matchers name them. */
const CLAUDE_TO_GEMINI_TOOLS: Record<string, string> = {
  Bash: 'run_shell_command',
  Read: 'read_file',
  Write: 'write_file',
  Edit: 'replace',
  Glob: 'glob',
  Grep: 'search_file_content',
  LS: 'list_directory',
  WebFetch: 'web_fetch',
  WebSearch: 'google_web_search',
};

const TOOL_EVENTS = new Set(['PreToolUse', 'PostToolUse', 'BeforeTool', 'AfterTool']);
const PERMISSION_LISTS = ['allow', 'deny', 'ask', 'additionalDirectories'] as const;

export function parseSettings(text: string, formatId: string, dialect: SettingsDialect): BlueprintDocument {
  const rules = DIALECTS[dialect];
  const root = parseJsonObject(text, formatId);
  const body = settingsBody(root, formatId, rules);
  const extra = Object.fromEntries(Object.entries(root).filter(([key]) => !rules.bodyKeys.includes(key)));
  const document: BlueprintDocument = { kind: 'settings', body: settingsJson(body), sourceTool: rules.tool };
  if (Object.keys(extra).length) document.extra = extra;
  return document;
}

export function serializeSettings(
  document: BlueprintDocument,
  formatId: string,
  dialect: SettingsDialect,
  context: WriteContext,
): WrittenSettings {
  const rules = DIALECTS[dialect];
  let parsed: unknown;
  try {
    parsed = JSON.parse(document.body);
  } catch {
    throw invalid(formatId, 'the settings body must be a JSON object with hooks or permissions');
  }
  if (!isPlainObject(parsed)) {
    throw invalid(formatId, 'the settings body must be a JSON object with hooks or permissions');
  }
  const source = Object.entries(DIALECTS).find(([, candidate]) => candidate.tool === document.sourceTool)?.[0];
  const sourceDialect = (source ?? dialect) as SettingsDialect;
  const sourceBody = settingsBody(parsed, formatId, DIALECTS[sourceDialect]);
  const dropped = droppedFields(document, null, context);
  const translated: TranslatedSetting[] = [];
  const body = translateBody(sourceBody, sourceDialect, dialect, { dropped, translated });
  const { $schema: schema, ...others } = context.sameTool ? (document.extra ?? {}) : {};
  // A target with nothing left to hold still gets a hooks object, so the file reads back as settings.
  const kept = rules.bodyKeys.some((key) => body[key] !== undefined) ? body : { hooks: {} };
  const file: Record<string, unknown> = { ...(schema === undefined ? {} : { $schema: schema }), ...kept, ...others };
  return { content: settingsJson(file), dropped, translated };
}

/** An event or matcher written in the target's vocabulary: `hooks.PreToolUse` -> `BeforeTool`. */
export interface TranslatedSetting {
  field: string;
  from: string;
  to: string;
}

export interface WrittenSettings {
  content: string;
  dropped: string[];
  translated: TranslatedSetting[];
}

/**
 * The body in the target's vocabulary; what has no equivalent is left out and named in `dropped`, what was renamed
 * is named in `translated`.
 */
function translateBody(
  body: Record<string, unknown>,
  from: SettingsDialect,
  to: SettingsDialect,
  { dropped, translated: renamed }: { dropped: string[]; translated: TranslatedSetting[] },
): Record<string, unknown> {
  if (from === to) return body;
  const result: Record<string, unknown> = {};
  for (const key of Object.keys(body)) if (!DIALECTS[to].bodyKeys.includes(key)) dropped.push(key);
  if (body.hooks === undefined || !DIALECTS[to].bodyKeys.includes('hooks')) return result;
  const events = from === 'claude' ? CLAUDE_TO_GEMINI_EVENTS : invert(CLAUDE_TO_GEMINI_EVENTS);
  const tools = from === 'claude' ? CLAUDE_TO_GEMINI_TOOLS : invert(CLAUDE_TO_GEMINI_TOOLS);
  const hooks: Record<string, unknown[]> = {};
  for (const [event, groups] of Object.entries(body.hooks as Record<string, unknown[]>)) {
    const target = events[event];
    if (!target) {
      dropped.push(`hooks.${event}`);
      continue;
    }
    if (target !== event) renamed.push({ field: `hooks.${event}`, from: event, to: target });
    const kept = groups.flatMap((group) => {
      const { matcher, ...rest } = group as Record<string, unknown>;
      if (typeof matcher !== 'string' || !TOOL_EVENTS.has(event)) return [group];
      const translated = translateMatcher(matcher, tools);
      if (translated === undefined) {
        dropped.push(`hooks.${event}[matcher ${matcher}]`);
        return [];
      }
      if (translated !== matcher) renamed.push({ field: `hooks.${event}.matcher`, from: matcher, to: translated });
      return [{ matcher: translated, ...rest }];
    });
    if (kept.length) hooks[target] = [...(hooks[target] ?? []), ...kept];
  }
  result.hooks = hooks;
  return result;
}

/** `Edit|Write` -> `replace|write_file`; `*` and an empty matcher match every tool in both; other regexes do not translate. */
function translateMatcher(matcher: string, tools: Record<string, string>): string | undefined {
  if (matcher === '' || matcher === '*') return matcher;
  const names = matcher.split('|').map((name) => name.trim());
  if (!names.every((name) => tools[name] !== undefined)) return undefined;
  return names.map((name) => tools[name]).join('|');
}

function invert(map: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(map).map(([key, value]) => [value, key]));
}

/** The body keys of the dialect, checked for the shape the tools read; anything else is refused. */
function settingsBody(root: Record<string, unknown>, formatId: string, rules: DialectRules): Record<string, unknown> {
  if (rules.bodyKeys.every((key) => root[key] === undefined)) {
    throw invalid(formatId, `the file holds no ${rules.bodyKeys.map((key) => `\`${key}\``).join(' or ')}`);
  }
  const body: Record<string, unknown> = {};
  if (root.hooks !== undefined && rules.bodyKeys.includes('hooks')) {
    checkHooks(root.hooks, formatId);
    body.hooks = root.hooks;
  }
  if (root.permissions !== undefined && rules.bodyKeys.includes('permissions')) {
    checkPermissions(root.permissions, formatId);
    body.permissions = root.permissions;
  }
  return body;
}

/** `{ "<Event>": [ { matcher?, hooks: [ { type, command?, ... } ] } ] }`. */
function checkHooks(hooks: unknown, formatId: string): void {
  if (!isPlainObject(hooks)) throw invalid(formatId, '`hooks` must be an object of events', 'hooks');
  for (const [event, groups] of Object.entries(hooks)) {
    if (!Array.isArray(groups)) throw invalid(formatId, `hooks.${event} must be a list of matcher groups`, 'hooks');
    for (const group of groups) {
      if (!isPlainObject(group) || !Array.isArray(group.hooks)) {
        throw invalid(formatId, `each group in hooks.${event} needs a \`hooks\` list`, 'hooks');
      }
      if (group.matcher !== undefined && typeof group.matcher !== 'string') {
        throw invalid(formatId, `a matcher in hooks.${event} must be a string`, 'hooks');
      }
      for (const hook of group.hooks) {
        if (!isPlainObject(hook) || typeof hook.type !== 'string') {
          throw invalid(formatId, `each hook in hooks.${event} needs a \`type\``, 'hooks');
        }
      }
    }
  }
}

/** `{ allow?, deny?, ask?, additionalDirectories?: string[], defaultMode?: string, ... }`. */
function checkPermissions(permissions: unknown, formatId: string): void {
  if (!isPlainObject(permissions)) throw invalid(formatId, '`permissions` must be an object', 'permissions');
  for (const key of PERMISSION_LISTS) {
    const list = permissions[key];
    if (list !== undefined && !(Array.isArray(list) && list.every((rule) => typeof rule === 'string'))) {
      throw invalid(formatId, `permissions.${key} must be a list of strings`, 'permissions');
    }
  }
  if (permissions.defaultMode !== undefined && typeof permissions.defaultMode !== 'string') {
    throw invalid(formatId, 'permissions.defaultMode must be a string', 'permissions');
  }
}

/** The stable JSON form: key order as written, two-space indent, final newline. */
function settingsJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

function invalid(formatId: string, message: string, key?: string): FormatParseError {
  return new FormatParseError(`Invalid settings: ${message}.`, { format: formatId, part: 'json', key });
}
