import { parseTarget, serializeTarget, type TargetDefinition } from './codecs';
import { IncompatibleFormatError, InvalidSlugError, UnknownFormatError } from './formats.errors';
import type {
  BlueprintDocument,
  ConversionReport,
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

export function exportDocument(document: BlueprintDocument, formatId: string, options: { slug: string }): ExportedFile {
  const target = definitionOf(formatId);
  if (!target.kinds.includes(document.kind)) throw new IncompatibleFormatError(document.kind, formatId, target.kinds);
  if (!isSafeSlug(options.slug)) throw new InvalidSlugError(options.slug);
  const sameTool = document.sourceTool === undefined || document.sourceTool === target.tool;
  const { content, dropped } = serializeTarget(document, target, { slug: options.slug, sameTool });
  const path = target.path.replace('{slug}', options.slug);
  const report: ConversionReport = {
    from: document.sourceTool ?? 'neutral',
    to: target.id,
    lossless: dropped.length === 0,
    changes: dropped.map((field) => ({
      field,
      change: 'dropped' as const,
      message: `${target.label} has nowhere to put ${field}.`,
    })),
  };
  return {
    format: target.id,
    path,
    fileName: path.slice(path.lastIndexOf('/') + 1),
    content,
    mediaType: target.mediaType,
    droppedFields: dropped,
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

/** Import from one format and export to another: metadata is mapped, not just the file renamed. */
export function convert(
  content: string,
  fromFormat: string,
  toFormat: string,
  options: { slug: string },
): ExportedFile {
  definitionOf(toFormat);
  const { document } = importFile({ content, format: fromFormat });
  return exportDocument(document, toFormat, options);
}
