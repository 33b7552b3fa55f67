import type { FormatTarget, FrontmatterField } from './formats.types';
import { listFormats } from './formats';
import { REMOVED_REFERENCE_TARGETS } from './registry';

/** Markers around the generated part of docs/formats.md; the text outside them is written by hand. */
export const FORMATS_DOC_BEGIN =
  '<!-- formats-table:begin (generated from packages/formats/src/registry.ts; run the formats-doc spec with UPDATE_GOLDEN=1) -->';
export const FORMATS_DOC_END = '<!-- formats-table:end -->';

const ENCODING_NOTES: Record<FrontmatterField['encoding'], string> = {
  string: '',
  slug: ' (the export slug: must match the file or folder name)',
  boolean: '',
  list: ' (list)',
  'list-or-string': ' (string, or list when several)',
  'comma-list': ' (comma-separated string)',
  'comma-list-raw': ' (unquoted comma-separated string)',
  'apply-to': ' (globs, comma-separated; `**` = alwaysApply)',
  'paths-or-always': ' (glob list; absent = always)',
  'windsurf-trigger': ' (always_on / glob / model_decision / manual)',
  'kiro-inclusion': ' (always / fileMatch / auto / manual)',
  'augment-type': ' (always_apply / agent_requested / manual)',
  true: ' (always `true`)',
};

function mapping(target: FormatTarget): string {
  if (target.mcpStructure) return `servers as \`${target.mcpStructure}\``;
  if (!target.frontmatter) return '—';
  const fields = target.frontmatter.fields.map((field) => {
    const neutral = field.field === 'activation' ? 'alwaysApply/globs/description' : field.field;
    const source = field.field === 'none' ? '' : `${neutral} → `;
    return `${source}\`${field.key}\`${ENCODING_NOTES[field.encoding]}${field.required ? ' required' : ''}`;
  });
  if (target.frontmatter.bodyKey) fields.push(`body → \`${target.frontmatter.bodyKey}\``);
  return fields.join('; ');
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** The generated table of every target, one row each. */
export function renderFormatsTable(): string {
  const header = [
    '| id | tool | kinds | path | syntax | frontmatter mapping | notes |',
    '|---|---|---|---|---|---|---|',
  ];
  const rows = listFormats().map((target) => {
    const path =
      target.scope === 'user' ? `\`${target.path}\` (user file: \`${target.installPath}\`)` : `\`${target.path}\``;
    const tool = target.docsUrl ? `[${target.toolName}](${target.docsUrl})` : target.toolName;
    const syntax = target.argumentSyntax ? `${target.syntax}, args \`${argumentSpelling(target)}\`` : target.syntax;
    return `| \`${target.id}\` | ${escapeCell(tool)} | ${target.kinds.join(', ')} | ${escapeCell(path)} | ${syntax} | ${escapeCell(mapping(target))} | ${escapeCell(target.notes ?? '')} |`;
  });
  const removed = [
    '',
    'Reference-product entries that are not targets:',
    '',
    ...REMOVED_REFERENCE_TARGETS.map((entry) => `- ${entry.reference}: ${entry.reason}`),
  ];
  return [`${listFormats().length} targets.`, '', ...header, ...rows, ...removed].join('\n');
}

function argumentSpelling(target: FormatTarget): string {
  return {
    'dollar-arguments': '$ARGUMENTS',
    'gemini-args': '{{args}}',
    'vscode-input': '${input:args}',
    appended: 'none (appended)',
  }[target.argumentSyntax!];
}

/** Replaces the generated section of the document text. */
export function withFormatsTable(document: string): string {
  const begin = document.indexOf(FORMATS_DOC_BEGIN);
  const end = document.indexOf(FORMATS_DOC_END);
  if (begin === -1 || end === -1 || end < begin) throw new Error('docs/formats.md lacks the generated-table markers');
  return `${document.slice(0, begin + FORMATS_DOC_BEGIN.length)}\n${renderFormatsTable()}\n${document.slice(end)}`;
}
