import { AppError } from '../common/errors/app-error';
import type { ScanFinding } from '../scanning';

export class BlueprintNotFoundError extends AppError {
  constructor() {
    super('BLUEPRINT_NOT_FOUND', 'No such blueprint', 404);
  }
}

export class VersionNotFoundError extends AppError {
  constructor(number: number) {
    super('VERSION_NOT_FOUND', `This blueprint has no version ${number}`, 404);
  }
}

export class ContentTooLargeError extends AppError {
  constructor(sizeBytes: number, limitBytes: number) {
    super('CONTENT_TOO_LARGE', `Content is ${sizeBytes} bytes; the limit is ${limitBytes}`, 413, {
      sizeBytes,
      limitBytes,
    });
  }
}

export class ContentTooManyLinesError extends AppError {
  constructor(lines: number, limit: number) {
    super('CONTENT_TOO_MANY_LINES', `Content has ${lines} lines; the limit is ${limit}`, 422, { lines, limit });
  }
}

export class ContentInvalidEncodingError extends AppError {
  constructor(reason: string) {
    super('CONTENT_INVALID_ENCODING', `Content must be valid UTF-8 text: ${reason}`, 422);
  }
}

export class ContentEmptyError extends AppError {
  constructor() {
    super('CONTENT_EMPTY', 'Content must not be empty', 422);
  }
}

export class TooManyTagsError extends AppError {
  constructor(count: number, limit: number) {
    super('TOO_MANY_TAGS', `A blueprint takes at most ${limit} tags, not ${count}`, 400, { count, limit });
  }
}

export class InvalidTagError extends AppError {
  constructor(tag: string) {
    super(
      'INVALID_TAG',
      `A tag is 1–32 characters of a-z, 0-9, '-', '.', '+' or '#' once accents go and spaces and other punctuation become '-': ${tag}`,
      400,
      { tag },
    );
  }
}

export class UnknownCategoryError extends AppError {
  constructor(category: string, known: readonly string[]) {
    super('UNKNOWN_CATEGORY', `Unknown category ${category}`, 400, { known });
  }
}

export class InvalidLicenseError extends AppError {
  constructor(license: string) {
    super('INVALID_LICENSE', `Not an SPDX licence expression: ${license}`, 400);
  }
}

export class VisibilityNotAvailableError extends AppError {
  constructor(visibility: string) {
    super(
      'VISIBILITY_NOT_AVAILABLE',
      `There is no visibility ${visibility}: private, team (organizations only), unlisted or public`,
      400,
    );
  }
}

export class TeamVisibilityNeedsOrganizationError extends AppError {
  constructor() {
    super(
      'TEAM_VISIBILITY_NEEDS_ORGANIZATION',
      "Only an organization's blueprints can be visible to its team; yours can be private, unlisted or public",
      422,
    );
  }
}

export class SlugTakenError extends AppError {
  constructor(slug: string) {
    super('SLUG_TAKEN', `You already have a blueprint with the slug ${slug}`, 409, { slug });
  }
}

export class TransferSlugsTakenError extends AppError {
  constructor(slugs: string[]) {
    super(
      'SLUG_TAKEN',
      `The new owner already has blueprints with these slugs: ${slugs.slice(0, 20).join(', ')}; rename them first`,
      409,
      { slugs: slugs.slice(0, 100) },
    );
  }
}

export class TransferToSameOwnerError extends AppError {
  constructor() {
    super('TRANSFER_TO_SAME_OWNER', 'It already belongs there', 422);
  }
}

export class TransferHierarchyMemberError extends AppError {
  constructor(hierarchyId: string) {
    super(
      'TRANSFER_HIERARCHY_MEMBER',
      'This blueprint belongs to a hierarchy: transfer the hierarchy, which takes all its blueprints along',
      409,
      { hierarchyId },
    );
  }
}

export class RepositoryPathTakenError extends AppError {
  constructor(repositoryPath: string | null | undefined) {
    super(
      'REPOSITORY_PATH_TAKEN',
      `Another blueprint in this hierarchy already sits at ${repositoryPath ?? 'that path'}`,
      409,
      { repositoryPath: repositoryPath ?? null },
    );
  }
}

export class PreconditionFailedError extends AppError {
  constructor(current: string) {
    super('PRECONDITION_FAILED', 'The blueprint changed since you read it; reload it and try again', 412, {
      currentETag: current,
    });
  }
}

/** `version`: the stored version that fails, when the check is about one (publishing or restoring it). */
export class SecretDetectedError extends AppError {
  constructor(findings: ScanFinding[], version?: number) {
    super(
      'SECRET_DETECTED',
      (version === undefined ? 'The content' : `Version ${version}`) +
        ' contains what looks like a real secret. Replace it with a template variable, or keep the blueprint private',
      422,
      { findings, ...(version === undefined ? {} : { version }) },
    );
  }
}

export class FindingsNotAcknowledgedError extends AppError {
  constructor(findings: ScanFinding[], version?: number) {
    super(
      'FINDINGS_NOT_ACKNOWLEDGED',
      (version === undefined ? 'The content' : `Version ${version}`) +
        ' may contain secrets. Fix them, or confirm each finding is not a secret by listing its id in ' +
        'acknowledgedFindings',
      422,
      { findings, ...(version === undefined ? {} : { version }) },
    );
  }
}

/**
 * More possible secrets than one scan lists (SCAN_MAX_LISTED_FINDINGS): those beyond the list have no id to
 * acknowledge, so content others could read may not carry them. Keeping it private still works.
 */
export class FindingsTooManyError extends AppError {
  constructor(secrets: { high: number; low: number }, listed: number, version?: number) {
    super(
      'FINDINGS_TOO_MANY',
      (version === undefined ? 'The content' : `Version ${version}`) +
        ` has ${secrets.low} possible secrets, more than the ${listed} that can be listed and acknowledged one by ` +
        'one. Remove or replace them with template variables, or keep the blueprint private',
      422,
      { secrets, listed, ...(version === undefined ? {} : { version }) },
    );
  }
}

export class NothingToPublishError extends AppError {
  constructor() {
    super('NOT_PUBLISHED', 'This blueprint has no published version', 404);
  }
}

export class InvalidRepositoryPathError extends AppError {
  constructor(path: string, reason: string) {
    super('INVALID_REPOSITORY_PATH', `Invalid repository path ${JSON.stringify(path)}: ${reason}`, 400);
  }
}

export class InvalidParentError extends AppError {
  constructor(reason: string) {
    super('INVALID_PARENT', reason, 400);
  }
}

export class InvalidCursorError extends AppError {
  constructor() {
    super('INVALID_CURSOR', 'The cursor is malformed or belongs to another query', 400);
  }
}

export class ForkNotAllowedError extends AppError {
  constructor(license: string) {
    super('FORK_NOT_ALLOWED', `The licence ${license} does not allow derivative works`, 403, { license });
  }
}

export class UnknownKindError extends AppError {
  constructor(kind: string, known: readonly string[]) {
    super('UNKNOWN_KIND', `Unknown blueprint kind ${kind}`, 400, { known });
  }
}

export class FormatKindMismatchError extends AppError {
  constructor(format: string, kind: string, kinds: readonly string[]) {
    super('FORMAT_INCOMPATIBLE', `The format ${format} cannot hold a ${kind} blueprint`, 422, { format, kinds });
  }
}

export class NothingToStripError extends AppError {
  constructor() {
    super('NOTHING_TO_STRIP', 'The latest version has no invisible characters', 422);
  }
}

export class InvalidLimitError extends AppError {
  constructor() {
    super('INVALID_LIMIT', 'limit must be an integer from 1 to 100', 400);
  }
}

export class UnknownSortError extends AppError {
  constructor(sort: string, known: readonly string[]) {
    super('UNKNOWN_SORT', `Unknown sort ${sort}`, 400, { known });
  }
}

export class UnknownToolError extends AppError {
  constructor(tool: string) {
    super('UNKNOWN_TOOL', `Unknown tool ${tool}`, 400);
  }
}

export class SearchQueryTooComplexError extends AppError {
  constructor(terms: number, limit: number) {
    super('SEARCH_QUERY_TOO_COMPLEX', `A search takes at most ${limit} words, not ${terms}`, 400, { terms, limit });
  }
}

export class InvalidSearchFilterError extends AppError {
  constructor(parameter: string, reason: string) {
    super('INVALID_SEARCH_FILTER', `Invalid ${parameter}: ${reason}`, 400, { parameter });
  }
}

export class HierarchyNotFoundError extends AppError {
  constructor() {
    super('HIERARCHY_NOT_FOUND', 'No such hierarchy', 404);
  }
}

/** The two versions differ too much to diff within the server's bounds (DIFF_MAX_EDITS, WORKER_TASK_TIMEOUT_MS). */
export class DiffTooLargeError extends AppError {
  constructor(maxEdits: number, budgetMs?: number) {
    super(
      'DIFF_TOO_LARGE',
      budgetMs === undefined
        ? `These versions differ by more than ${maxEdits} inserted and removed lines; compare them locally`
        : `Diffing these versions took longer than ${budgetMs} ms; compare them locally`,
      422,
      budgetMs === undefined ? { maxEdits } : { maxEdits, budgetMs },
    );
  }
}

/** Attached files belong to multi-file artefacts (a skill's folder); other kinds are one file. */
export class AttachedFilesNotSupportedError extends AppError {
  constructor(kind: string) {
    super(
      'ATTACHED_FILES_NOT_SUPPORTED',
      `A ${kind} is one file; only skills have attached files (references/, scripts/, assets/). Send files: [] to drop them`,
      422,
      { kind, kinds: ['skill'] },
    );
  }
}

export class AttachedFileInvalidPathError extends AppError {
  constructor(path: string, reason: string) {
    super('ATTACHED_FILE_INVALID_PATH', `Attached file "${path.slice(0, 200)}" ${reason}`, 422, {
      path: path.slice(0, 200),
      reason,
    });
  }
}

export class AttachedFileInvalidEncodingError extends AppError {
  constructor(path: string, reason: string) {
    super('ATTACHED_FILE_INVALID_ENCODING', `Attached file "${path}" ${reason}`, 422, { path, reason });
  }
}

export class AttachedFileTooLargeError extends AppError {
  constructor(path: string, sizeBytes: number, limitBytes: number) {
    super('ATTACHED_FILE_TOO_LARGE', `Attached file "${path}" is ${sizeBytes} bytes; the limit is ${limitBytes}`, 413, {
      path,
      sizeBytes,
      limitBytes,
    });
  }
}

export class AttachedFilesTooLargeError extends AppError {
  constructor(sizeBytes: number, limitBytes: number) {
    super(
      'ATTACHED_FILES_TOO_LARGE',
      `The attached files hold ${sizeBytes} bytes together; the limit is ${limitBytes}`,
      413,
      { sizeBytes, limitBytes },
    );
  }
}

export class AttachedFilesTooManyError extends AppError {
  constructor(count: number, limit: number) {
    super('ATTACHED_FILES_TOO_MANY', `${count} attached files; the limit is ${limit}`, 422, { count, limit });
  }
}

export class AttachedFileNotFoundError extends AppError {
  constructor(path: string) {
    super('ATTACHED_FILE_NOT_FOUND', `This version has no attached file "${path.slice(0, 200)}"`, 404);
  }
}
