import { MAX_TAG_LENGTH, MAX_TAGS, tagsFromInput } from '@lynxprompt/formats/browser';
import {
  isCategory,
  type BlueprintDetail,
  type Category,
  type BlueprintKind,
  type BlueprintWrite,
  type FormatTarget,
  type NewBlueprint,
  type Visibility,
} from '../blueprints/api/blueprint-types';

/** What the editor's fields hold; tags are typed as one comma-separated line. */
export interface EditorFields {
  name: string;
  description: string;
  kind: BlueprintKind;
  format: string;
  category: Category | '';
  tags: string;
  license: string;
  visibility: Visibility;
  content: string;
  changelog: string;
  publish: boolean;
}

export const EMPTY_FIELDS: EditorFields = {
  name: '',
  description: '',
  kind: 'rules',
  format: '',
  category: '',
  tags: '',
  license: '',
  visibility: 'private',
  content: '',
  changelog: '',
  publish: false,
};

export function fieldsOf(detail: BlueprintDetail): EditorFields {
  return {
    name: detail.name,
    description: detail.description ?? '',
    kind: detail.kind,
    format: detail.format,
    category: detail.category && isCategory(detail.category) ? detail.category : '',
    tags: detail.tags.join(', '),
    license: detail.license,
    visibility: detail.visibility,
    content: detail.content,
    changelog: '',
    publish: false,
  };
}

/** The typed line's tags as the API will store them (normaliseTag: "Unit Testing" → unit-testing), each once. */
export function parseTags(text: string): string[] {
  return tagsFromInput(text.split(',')).tags;
}

export function tagsError(text: string): string | undefined {
  const { problem } = tagsFromInput(text.split(','));
  if (problem?.code === 'TOO_MANY_TAGS') return `At most ${MAX_TAGS} tags: remove ${problem.count - MAX_TAGS}.`;
  if (problem?.code === 'INVALID_TAG') {
    return problem.reason === 'NOTHING_LEFT'
      ? `“${problem.tag}” cannot be a tag: tags are written with the letters a–z and digits.`
      : `“${problem.tag}” is too long for a tag: at most ${MAX_TAG_LENGTH} characters.`;
  }
  return undefined;
}

/** The help under the tags field: how many, and how they will be stored when that differs from what was typed. */
export function tagsHint(text: string): string {
  const tags = parseTags(text);
  const typed = text
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean);
  const respelt = typed.length !== tags.length || typed.some((tag, index) => tag !== tags[index]);
  const count = `Comma-separated, up to ${MAX_TAGS} (${tags.length} so far)`;
  return respelt && tags.length > 0 ? `${count}, saved as: ${tags.join(', ')}.` : `${count}.`;
}

/** The formats a kind can be written in; the list is the registry's, in its order. */
export function formatsForKind(formats: FormatTarget[] | undefined, kind: BlueprintKind): FormatTarget[] {
  return (formats ?? []).filter((format) => format.kinds.includes(kind));
}

/** The format to save: the chosen one when it fits the kind, else the kind's first. */
export function effectiveFormat(fields: EditorFields, formats: FormatTarget[] | undefined): string {
  const usable = formatsForKind(formats, fields.kind);
  return usable.some((format) => format.id === fields.format) ? fields.format : (usable[0]?.id ?? fields.format);
}

export function createBody(fields: EditorFields, format: string, acknowledgedFindings?: string[]): NewBlueprint {
  return {
    name: fields.name.trim(),
    description: fields.description.trim(),
    kind: fields.kind,
    format,
    ...(fields.category ? { category: fields.category } : {}),
    tags: parseTags(fields.tags),
    ...(fields.license.trim() ? { license: fields.license.trim() } : {}),
    visibility: fields.visibility,
    content: fields.content,
    ...(fields.changelog.trim() ? { changelog: fields.changelog.trim() } : {}),
    publish: fields.publish,
    ...(acknowledgedFindings ? { acknowledgedFindings } : {}),
  };
}

/** Only what changed since the version the editor opened (a content change makes a new version). */
export function updateBody(
  fields: EditorFields,
  format: string,
  base: BlueprintDetail,
  acknowledgedFindings?: string[],
): BlueprintWrite {
  const body: BlueprintWrite = {};
  if (fields.name.trim() !== base.name) body.name = fields.name.trim();
  if (fields.description.trim() !== base.description) body.description = fields.description.trim();
  if (fields.kind !== base.kind) body.kind = fields.kind;
  if (format !== base.format) body.format = format;
  if ((fields.category || null) !== base.category) body.category = fields.category || null;
  const tags = parseTags(fields.tags);
  if (tags.join(',') !== base.tags.join(',')) body.tags = tags;
  if (fields.license.trim() && fields.license.trim() !== base.license) body.license = fields.license.trim();
  if (fields.visibility !== base.visibility) body.visibility = fields.visibility;
  if (fields.content !== base.content) body.content = fields.content;
  if (fields.changelog.trim()) body.changelog = fields.changelog.trim();
  if (fields.publish) body.publish = true;
  if (acknowledgedFindings) body.acknowledgedFindings = acknowledgedFindings;
  return body;
}
