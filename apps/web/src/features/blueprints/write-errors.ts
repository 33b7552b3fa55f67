import { ApiError } from '../../shared/api/api-error';
import type { ScanFinding } from './api/blueprint-types';

/** The findings a SECRET_DETECTED or FINDINGS_NOT_ACKNOWLEDGED answer carries in its details. */
export function findingsOfError(error: unknown): ScanFinding[] {
  if (!(error instanceof ApiError) || typeof error.details !== 'object' || error.details === null) return [];
  const findings = (error.details as { findings?: unknown }).findings;
  return Array.isArray(findings) ? (findings as ScanFinding[]) : [];
}

export function errorCode(error: unknown): string | undefined {
  return error instanceof ApiError ? error.code : undefined;
}

/** Plain-language explanations of the write errors a blueprint can get, keyed by their stable code. */
export const WRITE_ERROR_MESSAGES: Record<string, string> = {
  CONTENT_TOO_LARGE: 'The content is larger than 256 KB. Split it into several blueprints or shorten it.',
  CONTENT_TOO_MANY_LINES: 'The content has more than 10,000 lines. Split it into several blueprints or shorten it.',
  CONTENT_INVALID_ENCODING: 'The content is not valid UTF-8 text (or contains NUL characters). Paste it as plain text.',
  CONTENT_EMPTY: 'The content is empty. Write the instructions first.',
  TOO_MANY_TAGS: 'A blueprint takes at most 10 tags. Remove some.',
  INVALID_TAG:
    'A tag is stored lower-case, without accents, with spaces and other punctuation as “-” (“Unit Testing” becomes “unit-testing”, “.NET” “dotnet”), and must then be 1–32 characters of a–z, digits, “-”, “.”, “+” or “#”.',
  UNKNOWN_FORMAT: 'This format is not known to this instance. Pick one from the list.',
  UNKNOWN_CATEGORY: 'This category is not known to this instance. Pick one from the list.',
  INVALID_LICENSE: 'The licence is not a valid SPDX expression, e.g. MIT, Apache-2.0 or CC-BY-4.0.',
  SLUG_TAKEN: 'You already have a blueprint with this name. Choose another name.',
  INVALID_REPOSITORY_PATH: 'The repository path is not valid: use a relative path without “..”.',
  VISIBILITY_NOT_AVAILABLE: 'There is no such visibility.',
  TEAM_VISIBILITY_NEEDS_ORGANIZATION:
    'Team visibility is for blueprints that belong to an organization. Choose the organization as owner, or pick another visibility.',
  ORGANIZATION_ROLE_REQUIRED:
    'Your role in this organization does not allow this. Members write private or team drafts; publishing, making a blueprint unlisted or public, deleting and transferring take an Admin or Owner of the organization.',
  ORGANIZATION_NOT_FOUND: 'There is no such organization, or you are not one of its members.',
  TRANSFER_HIERARCHY_MEMBER:
    'This blueprint is part of a hierarchy: transfer the hierarchy instead, which takes all its blueprints along.',
  TRANSFER_TO_SAME_OWNER: 'It already belongs there.',
  BLUEPRINT_NOT_FOUND: 'This blueprint no longer exists, or you cannot see it.',
  NOT_PUBLISHED: 'This blueprint has no published version.',
  FORK_NOT_ALLOWED: 'The licence of this blueprint does not allow derivative works, so it cannot be forked.',
  REMOTE_LICENSE_FORBIDS_FORK:
    'The licence of this blueprint from another instance does not clearly allow derivative works, so it cannot be forked. You can still read and export it.',
  REMOTE_BLUEPRINT_READ_ONLY:
    'This blueprint was published on another instance: it cannot be changed, deleted or favourited here.',
};

/** The licence an error names in its details (REMOTE_LICENSE_FORBIDS_FORK), if any. */
export function licenseOfError(error: unknown): string | undefined {
  if (!(error instanceof ApiError) || typeof error.details !== 'object' || error.details === null) return undefined;
  const license = (error.details as { license?: unknown }).license;
  return typeof license === 'string' ? license : undefined;
}
