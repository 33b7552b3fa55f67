// The rules every write path applies to a blueprint's content and metadata, in one place: web, API, import, fork and
// restore all go through BlueprintsService, which calls these.
import { createHash, randomBytes } from 'node:crypto';
import { isValidTag, MAX_TAGS, normaliseTag, tagsFromInput } from '@lynxprompt/formats';
import { isSpdxExpression } from '../common/spdx';
import {
  ContentEmptyError,
  ContentInvalidEncodingError,
  ContentTooLargeError,
  ContentTooManyLinesError,
  InvalidLicenseError,
  InvalidRepositoryPathError,
  InvalidTagError,
  TooManyTagsError,
  UnknownCategoryError,
} from './blueprints.errors';

export const MAX_CONTENT_BYTES = 256 * 1024;
export const MAX_CONTENT_LINES = 10_000;
export { MAX_TAGS };

export const CATEGORIES = [
  'general',
  'web',
  'frontend',
  'backend',
  'fullstack',
  'mobile',
  'desktop',
  'devops',
  'cloud',
  'data',
  'ml',
  'security',
  'testing',
  'documentation',
  'game-dev',
  'embedded',
  'other',
] as const;

export const BLUEPRINT_KINDS = ['rules', 'command', 'skill', 'agent', 'mcp-config', 'settings'] as const;
export type BlueprintKindName = (typeof BLUEPRINT_KINDS)[number];

/** Prisma names the enum value `mcp_config`; the database and the API say `mcp-config`. */
export type DbKind = 'rules' | 'command' | 'skill' | 'agent' | 'mcp_config' | 'settings';

export function toDbKind(kind: BlueprintKindName): DbKind {
  return kind === 'mcp-config' ? 'mcp_config' : kind;
}

export function fromDbKind(kind: DbKind): BlueprintKindName {
  return kind === 'mcp_config' ? 'mcp-config' : kind;
}

/** `team` is for organization-owned content only (checkVisibility in content-ownership.ts). */
export const WRITABLE_VISIBILITIES = ['private', 'team', 'unlisted', 'public'] as const;
export type WritableVisibility = (typeof WRITABLE_VISIBILITIES)[number];

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export interface CheckedContent {
  content: string;
  sizeBytes: number;
  contentHash: string;
}

/** Whether PostgreSQL text can hold this string: no NUL (22021) and no unpaired surrogate (not encodable as UTF-8). */
export function isStorableText(text: string): boolean {
  return !text.includes('\u0000') && !LONE_SURROGATE.test(text);
}

/** The same text with each NUL and unpaired surrogate replaced by U+FFFD: for messages that quote untrusted input. */
export function toStorableText(text: string): string {
  return text.replaceAll('\u0000', '\uFFFD').replace(new RegExp(LONE_SURROGATE.source, 'g'), '\uFFFD');
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Size, line count and encoding. JSON bodies are checked for invalid UTF-8 bytes before they are parsed. */
export function checkContent(content: string): CheckedContent {
  if (content.trim().length === 0) throw new ContentEmptyError();
  if (content.includes('\u0000')) throw new ContentInvalidEncodingError('it contains NUL characters');
  // A lone surrogate (e.g. "\ud800" in JSON) cannot be encoded as UTF-8 and would be silently replaced.
  if (LONE_SURROGATE.test(content)) throw new ContentInvalidEncodingError('it contains unpaired surrogates');
  const sizeBytes = Buffer.byteLength(content, 'utf8');
  if (sizeBytes > MAX_CONTENT_BYTES) throw new ContentTooLargeError(sizeBytes, MAX_CONTENT_BYTES);
  let lines = 1;
  for (let index = content.indexOf('\n'); index !== -1; index = content.indexOf('\n', index + 1)) lines += 1;
  if (content.endsWith('\n')) lines -= 1;
  if (lines > MAX_CONTENT_LINES) throw new ContentTooManyLinesError(lines, MAX_CONTENT_LINES);
  return { content, sizeBytes, contentHash: sha256Hex(content) };
}

/**
 * Tags a person sent, each in its canonical spelling (normaliseTag in @lynxprompt/formats), de-duplicated in order;
 * blanks are dropped. More than MAX_TAGS, or one that is too long or of which nothing is left, is refused, never cut.
 */
export function normaliseTags(tags: readonly string[]): string[] {
  const { tags: normalised, problem } = tagsFromInput(tags);
  if (problem?.code === 'TOO_MANY_TAGS') throw new TooManyTagsError(problem.count, MAX_TAGS);
  if (problem?.code === 'INVALID_TAG') throw new InvalidTagError(toStorableText(problem.tag));
  return normalised;
}

/** Tags from elsewhere (a peer's blueprint): each normalised, those still unusable dropped, at most MAX_TAGS kept. */
export function usableTags(tags: readonly string[]): string[] {
  const usable = new Set<string>();
  for (const tag of tags) {
    if (usable.size === MAX_TAGS) break;
    const normalised = normaliseTag(tag);
    if (isValidTag(normalised)) usable.add(normalised);
  }
  return [...usable];
}

/** A category from elsewhere: one of ours, or none. */
export function knownCategory(category: string | null): string | null {
  const normalised = category?.trim().toLowerCase() ?? '';
  return (CATEGORIES as readonly string[]).includes(normalised) ? normalised : null;
}

export function checkCategory(category: string | null | undefined): string | null {
  if (category === null || category === undefined || category === '') return null;
  const normalised = category.trim().toLowerCase();
  if (!(CATEGORIES as readonly string[]).includes(normalised)) throw new UnknownCategoryError(category, CATEGORIES);
  return normalised;
}

export function checkLicense(license: string): string {
  const trimmed = license.trim();
  if (!isSpdxExpression(trimmed)) throw new InvalidLicenseError(license);
  return trimmed;
}

/** Licences whose terms forbid derivative works: such blueprints cannot be forked. */
export function allowsDerivatives(license: string): boolean {
  return !/-ND(-|$)/i.test(license) && !/^LicenseRef-.*(all-?rights-?reserved|proprietary)/i.test(license);
}

/** URL-safe, lower-case, at most 80 characters; never empty. */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');
  return slug.length > 0 ? slug : 'blueprint';
}

const ID_ALPHABET = 'abcdefghijkmnopqrstuvwxyz23456789';

/** `bp_` / `ha_` / `rb_` (remote blueprints) + 16 characters from an unambiguous alphabet (about 80 bits). */
export function newPublicId(prefix: 'bp' | 'ha' | 'rb'): string {
  const bytes = randomBytes(16);
  let suffix = '';
  for (const byte of bytes) suffix += ID_ALPHABET[byte % ID_ALPHABET.length];
  return `${prefix}_${suffix}`;
}

export const BLUEPRINT_ID = /^bp_[a-z0-9]{4,40}$/;
export const HIERARCHY_ID = /^ha_[a-z0-9]{4,40}$/;

/**
 * A relative POSIX path inside a repository: backslashes become slashes, `.` segments and duplicate slashes go, and
 * anything that could escape the repository root (`..`, an absolute path, a drive letter) is refused.
 */
export function normaliseRepositoryPath(raw: string): string {
  const unified = raw.trim().replace(/\\/g, '/');
  if (unified.length === 0) throw new InvalidRepositoryPathError(raw, 'it is empty');
  if (unified.startsWith('/') || /^[a-zA-Z]:/.test(unified)) {
    throw new InvalidRepositoryPathError(raw, 'it must be relative to the repository root');
  }
  const segments = unified.split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.some((segment) => segment === '..')) throw new InvalidRepositoryPathError(raw, "'..' is not allowed");
  if (segments.length === 0) throw new InvalidRepositoryPathError(raw, 'it names no file');
  // eslint-disable-next-line no-control-regex
  if (segments.some((segment) => /[\u0000-\u001f]/.test(segment))) {
    throw new InvalidRepositoryPathError(raw, 'it contains control characters');
  }
  const path = segments.join('/');
  if (path.length > 512) throw new InvalidRepositoryPathError(raw, 'it is longer than 512 characters');
  return path;
}
