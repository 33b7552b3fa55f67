import { FormatParseError } from './formats.errors';
import type {
  BlueprintDocument,
  FieldEncoding,
  FrontmatterField,
  FrontmatterMapping,
  NeutralField,
} from './formats.types';
import { splitCommaList } from './text';

/** The four ways a rule can be activated; every tool's activation keys are derived from this. */
export type Activation = 'always' | 'globs' | 'model' | 'manual';

export function activationOf(document: BlueprintDocument): Activation {
  if (document.alwaysApply) return 'always';
  if (document.globs?.length) return 'globs';
  if (document.description) return 'model';
  return 'manual';
}

/** Values that belong to one tool's vocabulary: tool names and model ids mean nothing to another tool. */
export const TOOL_SPECIFIC_FIELDS: readonly NeutralField[] = ['allowedTools', 'model', 'agent'];

export interface WriteContext {
  slug: string;
  /** The document comes from this target's tool, or was authored neutrally. */
  sameTool: boolean;
}

/** One frontmatter entry to write; `raw` entries are written unquoted, as the tool itself writes them. */
export interface MetadataEntry {
  key: string;
  value: unknown;
  raw?: boolean;
}

export function writeMetadata(
  document: BlueprintDocument,
  mapping: FrontmatterMapping,
  context: WriteContext,
): MetadataEntry[] {
  const entries: MetadataEntry[] = [];
  for (const field of mapping.fields) {
    if (isToolSpecific(field) && !context.sameTool) continue;
    const value = encode(field, document, context);
    if (value === undefined) continue;
    entries.push({ key: field.key, value, raw: field.encoding === 'comma-list-raw' });
  }
  if (context.sameTool && document.extra) {
    const written = new Set(entries.map((entry) => entry.key));
    for (const [key, value] of Object.entries(document.extra)) {
      if (!written.has(key) && value !== undefined) entries.push({ key, value });
    }
  }
  return entries;
}

/** Neutral fields that hold a value this target cannot carry, so the caller can warn about the loss. */
export function droppedFields(
  document: BlueprintDocument,
  mapping: FrontmatterMapping | null,
  context: WriteContext,
): string[] {
  const carried = new Set<string>();
  for (const field of mapping?.fields ?? []) {
    if (isToolSpecific(field) && !context.sameTool) continue;
    if (field.field === 'activation') carried.add('alwaysApply');
    else if (field.encoding === 'apply-to' || field.encoding === 'paths-or-always') {
      carried.add('globs');
      carried.add('alwaysApply');
    } else carried.add(field.field);
  }
  const present: Array<[string, boolean]> = [
    ['name', Boolean(document.name)],
    ['description', Boolean(document.description)],
    ['globs', Boolean(document.globs?.length)],
    ['alwaysApply', document.alwaysApply === true],
    ['argumentHint', Boolean(document.argumentHint)],
    ['allowedTools', Boolean(document.allowedTools?.length)],
    ['model', Boolean(document.model)],
    ['agent', Boolean(document.agent)],
  ];
  return present.filter(([field, has]) => has && !carried.has(field)).map(([field]) => field);
}

export interface ReadResult {
  fields: Partial<BlueprintDocument>;
  extra: Record<string, unknown>;
}

/** Reads a parsed frontmatter mapping into neutral fields; keys the mapping does not know go to `extra`. */
export function readMetadata(
  values: Record<string, unknown>,
  mapping: FrontmatterMapping,
  formatId: string,
  lineOf: (key: string) => number | undefined,
): ReadResult {
  const fields: Partial<BlueprintDocument> = {};
  const unmapped = new Set<string>();
  for (const field of mapping.fields) {
    const key = [field.key, ...(field.aliases ?? [])].find((candidate) => values[candidate] !== undefined);
    const value = key === undefined ? undefined : values[key];
    // A list where the mapping expects one string (Copilot agents accept a list of models) has no neutral
    // spelling: keep it verbatim for the same tool instead of rejecting the file.
    if (key !== undefined && (field.encoding === 'string' || field.encoding === 'slug') && Array.isArray(value)) {
      unmapped.add(key);
      continue;
    }
    try {
      decode(field, value, fields);
    } catch (error) {
      if (!(error instanceof TypeError)) throw error;
      const where = key ?? field.key;
      throw new FormatParseError(`Frontmatter key '${where}' ${error.message}.`, {
        format: formatId,
        part: 'frontmatter',
        key: where,
        line: lineOf(where),
      });
    }
  }
  const known = knownKeys(mapping);
  const extra: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) if (!known.has(key) || unmapped.has(key)) extra[key] = value;
  return { fields, extra };
}

function knownKeys(mapping: FrontmatterMapping): Set<string> {
  return new Set(mapping.fields.flatMap((field) => [field.key, ...(field.aliases ?? [])]));
}

function isToolSpecific(field: FrontmatterField): boolean {
  return (TOOL_SPECIFIC_FIELDS as readonly string[]).includes(field.field);
}

function encode(field: FrontmatterField, document: BlueprintDocument, context: WriteContext): unknown {
  const activation = activationOf(document);
  switch (field.encoding) {
    case 'true':
      return true;
    case 'slug':
      return context.slug;
    case 'windsurf-trigger':
      return { always: 'always_on', globs: 'glob', model: 'model_decision', manual: 'manual' }[activation];
    case 'kiro-inclusion':
      return { always: 'always', globs: 'fileMatch', model: 'auto', manual: 'manual' }[activation];
    case 'augment-type':
      return { always: 'always_apply', globs: 'agent_requested', model: 'agent_requested', manual: 'manual' }[
        activation
      ];
    case 'apply-to': {
      const globs = document.globs ?? [];
      const patterns = document.alwaysApply ? ['**', ...globs.filter((glob) => glob !== '**')] : globs;
      return patterns.length ? patterns.join(',') : undefined;
    }
    case 'paths-or-always':
      return document.alwaysApply || !document.globs?.length ? undefined : document.globs;
    case 'boolean': {
      const value = document[field.field as 'alwaysApply'];
      return value ?? (field.required ? false : undefined);
    }
    case 'string': {
      const value = document[field.field as 'name'];
      if (value) return value;
      if (!field.required) return undefined;
      return field.field === 'name' ? context.slug : (document.name ?? context.slug);
    }
    default: {
      const list = document[field.field as 'globs'];
      if (!list?.length) return undefined;
      return encodeList(field.encoding, list);
    }
  }
}

function encodeList(encoding: FieldEncoding, list: string[]): unknown {
  switch (encoding) {
    case 'list':
      return list;
    case 'list-or-string':
      return list.length === 1 ? list[0] : list;
    case 'comma-list-raw':
      return list.join(',');
    default:
      return list.join(', ');
  }
}

function decode(field: FrontmatterField, value: unknown, into: Partial<BlueprintDocument>): void {
  switch (field.encoding) {
    case 'true':
      return;
    case 'windsurf-trigger':
      if (value !== undefined) into.alwaysApply = readString(value) === 'always_on';
      return;
    case 'kiro-inclusion':
      if (value !== undefined) into.alwaysApply = readString(value) === 'always';
      return;
    case 'augment-type':
      if (value !== undefined) into.alwaysApply = readString(value) === 'always_apply';
      return;
    case 'apply-to': {
      if (value === undefined || value === null) return;
      const patterns = readList(value);
      into.alwaysApply = patterns.includes('**');
      const globs = patterns.filter((pattern) => pattern !== '**');
      if (globs.length) into.globs = globs;
      return;
    }
    case 'paths-or-always': {
      const paths = value === undefined || value === null ? [] : readList(value);
      into.alwaysApply = paths.length === 0;
      if (paths.length) into.globs = paths;
      return;
    }
    case 'boolean':
      if (value !== undefined && value !== null) into.alwaysApply = readBoolean(value);
      return;
    case 'slug':
    case 'string': {
      const text = value === undefined || value === null ? undefined : readString(value).trim();
      if (text) (into as Record<string, unknown>)[field.field] = text;
      return;
    }
    default: {
      if (value === undefined || value === null) return;
      const list = readList(value);
      if (list.length) (into as Record<string, unknown>)[field.field] = list;
    }
  }
}

function readString(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new TypeError('must be a string');
}

function readBoolean(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  throw new TypeError('must be true or false');
}

function readList(value: unknown): string[] {
  if (typeof value === 'string') return splitCommaList(value);
  if (Array.isArray(value)) {
    return value.map((item) => readString(item).trim()).filter((item) => item !== '');
  }
  throw new TypeError('must be a string or a list of strings');
}
