import { parseTarget, serializeTarget, type TargetDefinition } from './codecs';
import { IncompatibleFormatError, InvalidSlugError, UnknownFormatError } from './formats.errors';
import { argumentChanges } from './arguments';
import { identifierOf, isIdentifier } from './identifiers';
import { AGENT_SKILLS_KEYS } from './metadata';
import type {
  ArgumentSyntax,
  BlueprintDocument,
  ConversionReport,
  ExportOptions,
  ExportedFile,
  FormatTarget,
  ImportResult,
  ReadNote,
} from './formats.types';
import { detect, givenDetection } from './detection';
import { TARGETS } from './registry';
import { isSafeSlug } from './text';

export { detect, detectCandidates } from './detection';

const BY_ID = new Map(TARGETS.map((target) => [target.id, target]));
const PUBLIC = TARGETS.map(toPublic);
const PUBLIC_BY_ID = new Map(PUBLIC.map((target) => [target.id, target]));

function toPublic(definition: TargetDefinition): FormatTarget {
  const { detect: _detect, mcpDialect: _mcpDialect, settingsDialect: _settingsDialect, ...target } = definition;
  return Object.freeze({
    ...target,
    kinds: Object.freeze([...target.kinds]),
    ...(target.frontmatter
      ? { frontmatter: Object.freeze({ ...target.frontmatter, fields: Object.freeze([...target.frontmatter.fields]) }) }
      : {}),
  });
}

/** Every target, in registry order (rules, then commands, skills, agents and MCP configuration). */
export function listFormats(): readonly FormatTarget[] {
  return PUBLIC;
}

export function getFormat(id: string): FormatTarget {
  const target = PUBLIC_BY_ID.get(id);
  if (!target) throw new UnknownFormatError(id);
  return target;
}

function definitionOf(id: string): TargetDefinition {
  const target = BY_ID.get(id);
  if (!target) throw new UnknownFormatError(id);
  return target;
}

/**
 * The target a file belongs to: by its path first (which is how the tools themselves find their files), then,
 * when the path says nothing, by what the content looks like.
 */
export function detectFormat(path?: string, content?: string): FormatTarget | undefined {
  const detection = detect({ path, content });
  return detection ? PUBLIC_BY_ID.get(detection.format) : undefined;
}

export function importFile(input: { content: string; format?: string; path?: string }): ImportResult {
  const detection = input.format
    ? givenDetection(definitionOf(input.format).id)
    : detect({ path: input.path, content: input.content });
  if (!detection) {
    throw new UnknownFormatError(input.path ?? '(content)', 'could not be detected; give a format id');
  }
  const target = definitionOf(detection.format);
  const notes: ReadNote[] = [];
  const document = parseTarget(input.content, target, notes);
  return { format: PUBLIC_BY_ID.get(target.id)!, document, detection, notes };
}

export function exportDocument(document: BlueprintDocument, formatId: string, options: ExportOptions): ExportedFile {
  const target = definitionOf(formatId);
  if (!target.kinds.includes(document.kind)) throw new IncompatibleFormatError(document.kind, formatId, target.kinds);
  if (!isSafeSlug(options.slug)) throw new InvalidSlugError(options.slug);
  const sameTool = document.sourceTool === undefined || document.sourceTool === target.tool;
  const spelling = document.spelling?.format === target.id ? document.spelling : undefined;
  const source = document.spelling ? BY_ID.get(document.spelling.format) : undefined;
  const named = identifierFor(document, target, options, spelling !== undefined);
  const { content, changes } = serializeTarget(document, target, {
    identifier: named.identifier,
    sameTool,
    spelling,
    portableKeys: target.kinds.includes('skill') ? AGENT_SKILLS_KEYS : [],
    nameInPath: named.carriesName,
    targetLabel: target.label,
    targetTool: target.toolName,
    sourceTool: source?.toolName ?? toolLabel(document.sourceTool),
  });
  if (named.derivedFrom !== undefined && !changes.some((change) => change.field === 'name')) {
    changes.push({
      field: 'name',
      change: 'derived',
      message: `The ${target.path.includes('{slug}/') ? 'folder' : 'file'} is named \`${named.identifier}\`, an identifier derived from "${named.derivedFrom}"${target.frontmatter?.fields.some((field) => field.key === 'name' && field.encoding === 'string') ? '; `name` keeps the name as written' : ''}.`,
      from: named.derivedFrom,
      to: named.identifier,
    });
  }
  if (!spelling) {
    const sourceSyntax = source ? source.argumentSyntax : NEUTRAL_SYNTAX[document.kind];
    changes.push(
      ...argumentChanges(
        document.body,
        sourceSyntax,
        target.argumentSyntax,
        {
          source: source?.toolName ?? 'the source',
          target: target.toolName,
        },
        document.spelling?.body,
      ),
    );
  }
  const path = target.path.replace('{slug}', named.identifier);
  const dropped = changes.filter((change) => change.change === 'dropped').map((change) => change.field);
  const report: ConversionReport = {
    from: document.spelling?.format ?? document.sourceTool ?? 'neutral',
    to: target.id,
    lossless: !changes.some((change) => change.change === 'dropped' || change.change === 'changed'),
    changes,
  };
  return {
    format: target.id,
    path,
    fileName: path.slice(path.lastIndexOf('/') + 1),
    content,
    mediaType: target.mediaType,
    droppedFields: [...new Set(dropped)],
    report,
    files: attachedAt(path, document.files),
  };
}

/**
 * The document's attached files beside the main file, whatever the target's layout: `references/x.md` of
 * `.claude/skills/s/SKILL.md` lands at `.claude/skills/s/references/x.md`.
 */
function attachedAt(mainPath: string, files: BlueprintDocument['files']): ExportedFile['files'] {
  const folder = mainPath.slice(0, mainPath.lastIndexOf('/') + 1);
  return (files ?? []).map((file) => ({ ...file, path: `${folder}${file.path}` }));
}

/** A document authored in the product spells command and skill arguments the neutral (Claude Code) way. */
const NEUTRAL_SYNTAX: Partial<Record<BlueprintDocument['kind'], ArgumentSyntax>> = {
  command: 'dollar-arguments',
  skill: 'dollar-arguments',
};

/** Kinds whose file or folder name is what the user types or what the tool calls them by. */
const NAMED_KINDS: readonly BlueprintDocument['kind'][] = ['command', 'skill', 'agent'];

/**
 * The file or folder name for a command, skill or agent: its name as written when that is a valid one for the
 * target, else an identifier derived from it (reported), else the export slug. Rules files keep the slug.
 */
function identifierFor(
  document: BlueprintDocument,
  target: TargetDefinition,
  options: ExportOptions,
  sameFormat: boolean,
): { identifier: string; derivedFrom?: string; carriesName: boolean } {
  const name = document.name ?? options.name;
  if (!target.path.includes('{slug}') || !NAMED_KINDS.includes(document.kind) || !name) {
    return { identifier: options.slug, carriesName: false };
  }
  // The tool took the file under its own name: only a name that is a file name moves it.
  if (sameFormat) return { identifier: isSafeSlug(name) ? name : options.slug, carriesName: isSafeSlug(name) };
  const strict = target.frontmatter?.fields.some((field) => field.encoding === 'slug') ?? false;
  if (strict ? isIdentifier(name) : isSafeSlug(name)) return { identifier: name, carriesName: true };
  const derived = identifierOf(name);
  if (!derived || !isSafeSlug(derived)) return { identifier: options.slug, carriesName: false };
  return { identifier: derived, derivedFrom: name, carriesName: true };
}

function toolLabel(tool: string | undefined): string {
  if (tool === undefined) return 'the source';
  return TARGETS.find((target) => target.tool === tool)?.toolName ?? tool;
}

/** Import from one format and export to another: metadata is mapped, not just the file renamed. */
export function convert(content: string, fromFormat: string, toFormat: string, options: ExportOptions): ExportedFile {
  definitionOf(toFormat);
  const { document } = importFile({ content, format: fromFormat });
  return exportDocument(document, toFormat, options);
}
