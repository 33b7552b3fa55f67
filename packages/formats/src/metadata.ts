import { FormatParseError } from './formats.errors';
import type {
  BlueprintDocument,
  ConversionChange,
  SourceSpelling,
  FieldEncoding,
  FrontmatterField,
  FrontmatterMapping,
  NeutralField,
} from './formats.types';
import { sameValue } from './spelling';
import { splitCommaList } from './text';

/** The four ways a rule can be activated; every tool's activation keys are derived from this. */
export type Activation = 'always' | 'globs' | 'model' | 'manual';

export function activationOf(document: BlueprintDocument): Activation {
  if (document.alwaysApply) return 'always';
  if (document.globs?.length) return 'globs';
  if (document.description && !document.manual) return 'model';
  return 'manual';
}

/** Values that belong to one tool's vocabulary: tool names and model ids mean nothing to another tool. */
export const TOOL_SPECIFIC_FIELDS: readonly NeutralField[] = ['allowedTools', 'model', 'agent'];

/**
 * The optional keys of the Agent Skills specification (agentskills.io) besides name and description: every skill
 * target reads them, so they pass between skill targets of different tools as written.
 */
export const AGENT_SKILLS_KEYS: readonly string[] = ['license', 'compatibility', 'metadata', 'allowed-tools'];

/**
 * A value that says "the default", which a file without the field gets in any tool: Claude Code's `model: inherit`
 * (the conversation's model). Leaving it out loses nothing.
 */
export function isDefaultValue(field: NeutralField, value: unknown): boolean {
  return field === 'model' && value === 'inherit';
}

/** Every neutral metadata field, in the order reports list them. */
export const NEUTRAL_FIELDS: readonly NeutralField[] = [
  'name',
  'description',
  'globs',
  'alwaysApply',
  'argumentHint',
  'allowedTools',
  'model',
  'agent',
];

export interface WriteContext {
  /** The file or folder name the target gets: skill and subagent `name`s, which must match it, are written as this. */
  identifier: string;
  /** The document comes from this target's tool, or was authored neutrally. */
  sameTool: boolean;
  /** How the source spelled its metadata, when it was read as this very target. */
  spelling?: SourceSpelling;
  /** Keys this target takes from any tool as written (the Agent Skills keys on skill targets). */
  portableKeys: readonly string[];
  /** The file or folder name carries the document's name (commands, skills and agents named after it). */
  nameInPath: boolean;
  /** Words for the report: the target's label, and the tools' names. */
  targetLabel: string;
  targetTool: string;
  sourceTool: string;
}

/** One frontmatter entry to write: `text` is the entry as the source wrote it; `raw` entries are written unquoted. */
export interface MetadataEntry {
  key: string;
  value: unknown;
  raw?: boolean;
  text?: string;
}

export interface MetadataWrite {
  entries: MetadataEntry[];
  changes: ConversionChange[];
}

/**
 * The target's metadata entries for a document, and what the target could not carry. Unchanged values of a file
 * read as this same target are written back as they were read: the same key (alias), value and text; keys the file
 * did not have are not added.
 */
export function writeMetadata(
  document: BlueprintDocument,
  mapping: FrontmatterMapping | null,
  context: WriteContext,
): MetadataWrite {
  const entries: MetadataEntry[] = [];
  const changes: ConversionChange[] = [];
  const carried = new Set<string>();
  const withheld = new Set<string>();
  const spelling = context.spelling;
  const asRead =
    spelling && mapping ? readMetadata(spelling.values, mapping, spelling.format, () => undefined) : undefined;

  for (const field of mapping?.fields ?? []) {
    if (isToolSpecific(field) && !context.sameTool && !context.portableKeys.includes(field.key)) {
      withheld.add(field.field);
      continue;
    }
    for (const neutral of carriedBy(field)) carried.add(neutral);
    const sourceKey = spelling
      ? [field.key, ...(field.aliases ?? [])].find((key) => spelling.values[key] !== undefined)
      : undefined;
    if (spelling && asRead && unchanged(field, document, asRead.fields)) {
      // As read: the same key and value, or no key where the source had none (the tool took the file as it was).
      if (sourceKey === undefined || sourceKey in asRead.extra) continue;
      entries.push({ key: sourceKey, value: spelling.values[sourceKey], text: spelling.texts?.[sourceKey] });
      continue;
    }
    const value = encode(field, document, context);
    if (value === undefined) continue;
    const fallback = requiredFallback(field, document);
    if (fallback) changes.push({ ...fallback, to: String(value) });
    if (field.encoding === 'slug' && value !== document.name) {
      changes.push({
        field: 'name',
        change: 'derived',
        message: document.name
          ? `${context.targetLabel} needs an identifier (lower-case letters, digits and hyphens, matching the file or folder name) in \`${field.key}\`: "${document.name}" is written \`${String(value)}\`.`
          : `${context.targetLabel} needs \`${field.key}\`: it was taken from the file or folder name.`,
        ...(document.name ? { from: document.name } : {}),
        to: String(value),
      });
    }
    const key = sourceKey ?? field.key;
    entries.push({ key, value: shapedLike(spelling?.values[key], value), raw: field.encoding === 'comma-list-raw' });
  }
  activationChanges(document, mapping, context, changes);
  // A rules file without metadata is always read: "always" is what it says.
  if (!mapping && document.kind === 'rules') carried.add('alwaysApply');

  const written = new Set(entries.map((entry) => entry.key));
  const extraChanges: ConversionChange[] = [];
  // `version` last: it may go into the `metadata` map written before it.
  const extras = Object.entries(document.extra ?? {}).sort(
    ([a], [b]) => Number(a === 'version') - Number(b === 'version'),
  );
  for (const [key, value] of extras) {
    if (value === undefined || written.has(key)) continue;
    if (mapping && (context.sameTool || context.portableKeys.includes(key))) {
      const same = spelling !== undefined && sameValue(spelling.values[key], value);
      entries.push({ key, value, text: same ? spelling.texts?.[key] : undefined });
    } else if (
      mapping &&
      key === 'version' &&
      context.portableKeys.includes('metadata') &&
      movedIntoMetadata(entries, value)
    ) {
      extraChanges.push({
        field: key,
        change: 'translated',
        message: `${context.targetLabel} keeps a skill's version in \`metadata.version\`, as the Agent Skills specification does.`,
        from: 'version',
        to: 'metadata.version',
      });
    } else {
      extraChanges.push({
        field: key,
        change: 'dropped',
        message: mapping
          ? `${context.targetLabel} does not read the ${context.sourceTool} key \`${key}\`.`
          : `${context.targetLabel} has no metadata: \`${key}\` is not carried.`,
      });
    }
  }

  for (const field of NEUTRAL_FIELDS) {
    if (!hasValue(document, field) || carried.has(field)) continue;
    if (field === 'name' && context.nameInPath) continue;
    if (isDefaultValue(field, document[field])) continue;
    if (changes.some((change) => change.field === field)) continue;
    changes.push({
      field,
      change: 'dropped',
      message: withheld.has(field)
        ? `${context.sourceTool} ${WITHHELD_WORDS[field]} mean nothing to ${context.targetTool}: not carried.`
        : `${context.targetLabel} has nowhere to put ${FIELD_WORDS[field]}.`,
    });
  }
  if (spelling) entries.sort(byPosition(Object.keys(spelling.values)));
  return { entries, changes: [...changes, ...extraChanges] };
}

/**
 * A top-level `version` (a Claude Code plugin habit) goes into the Agent Skills `metadata` map, added to the entries
 * being written; false when the map already holds another version or is not a map.
 */
function movedIntoMetadata(entries: MetadataEntry[], version: unknown): boolean {
  if (typeof version !== 'string' && typeof version !== 'number') return false;
  const index = entries.findIndex((entry) => entry.key === 'metadata');
  const current = index === -1 ? {} : entries[index]!.value;
  if (typeof current !== 'object' || current === null || Array.isArray(current)) return false;
  const metadata = current as Record<string, unknown>;
  if (metadata.version !== undefined && metadata.version !== String(version)) return false;
  const entry: MetadataEntry = { key: 'metadata', value: { ...metadata, version: String(version) } };
  if (index === -1) entries.push(entry);
  else entries[index] = entry;
  return true;
}

const WITHHELD_WORDS: Partial<Record<NeutralField, string>> = {
  allowedTools: 'tool names',
  model: 'model ids',
  agent: 'agent and mode names',
};

const FIELD_WORDS: Record<NeutralField, string> = {
  name: 'the name',
  description: 'the description',
  globs: 'file patterns (globs)',
  alwaysApply: 'alwaysApply',
  argumentHint: 'an argument hint',
  allowedTools: 'a list of allowed tools',
  model: 'a model',
  agent: 'an agent or mode',
};

/** Neutral fields that hold a value this target cannot carry (the `dropped` neutral fields of the report). */
export function droppedFields(
  document: BlueprintDocument,
  mapping: FrontmatterMapping | null,
  context: Pick<WriteContext, 'sameTool'> & Partial<WriteContext>,
): string[] {
  const { changes } = writeMetadata(document, mapping, {
    identifier: 'x',
    portableKeys: [],
    nameInPath: false,
    targetLabel: 'The target',
    targetTool: 'the target',
    sourceTool: 'the source',
    ...context,
  });
  return changes
    .filter((change) => change.change === 'dropped' && (NEUTRAL_FIELDS as readonly string[]).includes(change.field))
    .map((change) => change.field);
}

/** The neutral fields one key carries. */
function carriedBy(field: FrontmatterField): string[] {
  switch (field.encoding) {
    case 'apply-to':
    case 'paths-or-always':
      return ['alwaysApply', 'globs'];
    case 'windsurf-trigger':
    case 'kiro-inclusion':
    case 'augment-type':
      return ['alwaysApply'];
    case 'true':
      return [];
    default:
      return field.field === 'none' || field.field === 'activation' ? [] : [field.field];
  }
}

/** The neutral fields a key's written value depends on. */
function dependsOn(field: FrontmatterField): Array<NeutralField | 'manual'> {
  switch (field.encoding) {
    case 'true':
      return [];
    case 'apply-to':
    case 'paths-or-always':
      return ['alwaysApply', 'globs'];
    case 'windsurf-trigger':
    case 'kiro-inclusion':
    case 'augment-type':
      return ['alwaysApply', 'globs', 'description', 'manual'];
    default:
      return field.field === 'none' || field.field === 'activation' ? [] : [field.field];
  }
}

function unchanged(field: FrontmatterField, document: BlueprintDocument, asRead: Partial<BlueprintDocument>): boolean {
  return dependsOn(field).every((neutral) => sameValue(document[neutral], asRead[neutral]));
}

function hasValue(document: BlueprintDocument, field: NeutralField): boolean {
  const value = document[field];
  if (field === 'alwaysApply') return value === true;
  return Array.isArray(value) ? value.length > 0 : Boolean(value);
}

/** A required key the document had no value for: the value the export made up, reported as `derived`. */
function requiredFallback(field: FrontmatterField, document: BlueprintDocument): ConversionChange | undefined {
  if (!field.required) return undefined;
  if (field.encoding === 'string' && !document[field.field as 'name']) {
    return {
      field: field.field,
      change: 'derived',
      message: `The target requires \`${field.key}\`; it was ${field.field === 'name' ? 'taken from the file name' : 'taken from the name'}.`,
    };
  }
  if (field.encoding === 'boolean' && document.alwaysApply === undefined) {
    return {
      field: field.field,
      change: 'derived',
      message: `The target requires \`${field.key}\`; written as false.`,
    };
  }
  return undefined;
}

const ACTIVATION_WORDS: Record<Activation, string> = {
  always: 'always',
  globs: 'to matching files',
  model: 'when the model decides from its description',
  manual: 'when mentioned',
};

/** Activation modes a target can only approximate. */
function activationChanges(
  document: BlueprintDocument,
  mapping: FrontmatterMapping | null,
  context: WriteContext,
  changes: ConversionChange[],
): void {
  const encodings = new Set(mapping?.fields.map((field) => field.encoding));
  const activation = activationOf(document);
  if (encodings.has('paths-or-always')) {
    if (document.alwaysApply && document.globs?.length) {
      changes.push({
        field: 'globs',
        change: 'dropped',
        message: `${context.targetLabel} applies a rule either always or to paths: the rule applies always, its globs are not written.`,
      });
    } else if (activation === 'model' || activation === 'manual') {
      changes.push({
        field: 'alwaysApply',
        change: 'changed',
        message: `${context.targetLabel} has no rule applied ${activation === 'model' ? 'when the model decides from its description' : 'only when mentioned'}: a rule without paths always applies.`,
        from: activation,
        to: 'always',
      });
    }
  }
  if (!mapping && document.kind === 'rules' && activation !== 'always') {
    changes.push({
      field: 'activation',
      change: 'changed',
      message: `${context.targetLabel} is always read: the rule, applied ${ACTIVATION_WORDS[activation]}, now always applies.`,
      from: activation,
      to: 'always',
    });
  }
  const modes = ['windsurf-trigger', 'kiro-inclusion', 'augment-type'] as const;
  if (
    document.manual &&
    activation === 'manual' &&
    document.description &&
    mapping &&
    !modes.some((mode) => encodings.has(mode)) &&
    !encodings.has('paths-or-always')
  ) {
    changes.push({
      field: 'activation',
      change: 'changed',
      message: `${context.targetLabel} has no manual mode for a rule with a description: the model may now apply it by its description.`,
      from: 'manual',
      to: 'model',
    });
  }
  if (encodings.has('augment-type') && activation === 'globs') {
    changes.push({
      field: 'globs',
      change: 'dropped',
      message: `${context.targetLabel} has no file patterns: the rule becomes agent_requested (the model decides).`,
    });
  }
}

/** A changed value keeps the shape the source used for that key: a list stays a list, a string a string. */
function shapedLike(original: unknown, value: unknown): unknown {
  if (Array.isArray(original) && typeof value === 'string') return splitCommaList(value);
  if (typeof original === 'string' && Array.isArray(value)) return value.join(', ');
  return value;
}

function byPosition(order: readonly string[]): (a: MetadataEntry, b: MetadataEntry) => number {
  const indexes = new Map(order.map((key, index) => [key, index]));
  const position = (entry: MetadataEntry) => indexes.get(entry.key) ?? order.length;
  return (a, b) => position(a) - position(b);
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
      return context.identifier;
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
      return field.field === 'name' ? context.identifier : (document.name ?? context.identifier);
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
    case 'kiro-inclusion':
    case 'augment-type': {
      if (value === undefined) return;
      const mode = readString(value);
      into.alwaysApply =
        mode ===
        { 'windsurf-trigger': 'always_on', 'kiro-inclusion': 'always', 'augment-type': 'always_apply' }[field.encoding];
      if (mode === 'manual') into.manual = true;
      return;
    }
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
