import {
  isCategory,
  MAX_TAGS,
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
    description: detail.description,
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

/** Tags as the API will store them: trimmed, lower-case, without a leading #, de-duplicated. */
export function parseTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((tag) => tag.trim().replace(/^#/, '').toLowerCase())
        .filter(Boolean),
    ),
  ];
}

const TAG = /^[a-z0-9][a-z0-9.+#-]{0,31}$/;

export function tagsError(text: string): string | undefined {
  const tags = parseTags(text);
  if (tags.length > MAX_TAGS) return `At most ${MAX_TAGS} tags: remove ${tags.length - MAX_TAGS}.`;
  const invalid = tags.find((tag) => !TAG.test(tag));
  if (invalid) return `“${invalid}” is not a valid tag: use 1–32 lower-case letters, digits, “-”, “.”, “+” or “#”.`;
  return undefined;
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
