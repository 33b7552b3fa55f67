import { FormatParseError } from './formats.errors';
import type { BlueprintDocument } from './formats.types';
import { parseJsonObject } from './mcp';
import { droppedFields, type WriteContext } from './metadata';
import { isPlainObject } from './text';

/*
 * Settings files hold hooks and permissions beside much else (env, model, status line). A settings blueprint keeps
 * `hooks` and `permissions` as its body, as JSON, and every other top-level key in `extra` for the same tool.
 */

/** Whose settings file: the event names, tool names and permission rules are that tool's vocabulary. */
export type SettingsDialect = 'claude';

const BODY_KEYS = ['hooks', 'permissions'] as const;
const PERMISSION_LISTS = ['allow', 'deny', 'ask', 'additionalDirectories'] as const;

export function parseSettings(text: string, formatId: string, tool: string): BlueprintDocument {
  const root = parseJsonObject(text, formatId);
  const body = settingsBody(root, formatId);
  const extra = Object.fromEntries(
    Object.entries(root).filter(([key]) => !(BODY_KEYS as readonly string[]).includes(key)),
  );
  const document: BlueprintDocument = { kind: 'settings', body: settingsJson(body), sourceTool: tool };
  if (Object.keys(extra).length) document.extra = extra;
  return document;
}

export function serializeSettings(
  document: BlueprintDocument,
  formatId: string,
  context: WriteContext,
): { content: string; dropped: string[] } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(document.body);
  } catch {
    throw invalid(formatId, 'the settings body must be a JSON object with hooks and/or permissions');
  }
  if (!isPlainObject(parsed)) {
    throw invalid(formatId, 'the settings body must be a JSON object with hooks and/or permissions');
  }
  const body = settingsBody(parsed, formatId);
  const { $schema: schema, ...others } = context.sameTool ? (document.extra ?? {}) : {};
  const file = { ...(schema === undefined ? {} : { $schema: schema }), ...body, ...others };
  return { content: settingsJson(file), dropped: droppedFields(document, null, context) };
}

/** The hooks and permissions objects, checked for the shape the tools read; anything else is refused. */
function settingsBody(root: Record<string, unknown>, formatId: string): Record<string, unknown> {
  const { hooks, permissions } = root;
  if (hooks === undefined && permissions === undefined) {
    throw invalid(formatId, 'the file holds neither `hooks` nor `permissions`');
  }
  const body: Record<string, unknown> = {};
  if (hooks !== undefined) {
    checkHooks(hooks, formatId);
    body.hooks = hooks;
  }
  if (permissions !== undefined) {
    checkPermissions(permissions, formatId);
    body.permissions = permissions;
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
