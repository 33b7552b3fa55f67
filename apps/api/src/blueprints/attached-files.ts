// A skill's other files (references/, scripts/, assets/ and the folder's own extra files): checked, scanned and
// combined into the one scan report the secret policy decides on.
import { createHash } from 'node:crypto';
import type { AttachedFile } from '@lynxprompt/formats';
import { scanContent, type ScanFinding, type ScanReport } from '../scanning';
import {
  AttachedFileInvalidEncodingError,
  AttachedFileInvalidPathError,
  AttachedFilesNotSupportedError,
  AttachedFilesTooLargeError,
  AttachedFilesTooManyError,
  AttachedFileTooLargeError,
} from './blueprints.errors';

/** The kinds whose artefact is a folder rather than one file. */
export const KINDS_WITH_FILES: readonly string[] = ['skill'];

export interface AttachedFileLimits {
  maxFileBytes: number;
  maxTotalBytes: number;
  maxCount: number;
}

/** An attached file as the request sends it. */
export interface AttachedFileInput {
  path: string;
  content: string;
  encoding: 'utf8' | 'base64';
}

/** An attached file as bytes, whether it came from a request or from a stored version. */
export interface DecodedFile {
  path: string;
  encoding: 'utf8' | 'base64';
  bytes: Buffer;
}

export interface ScannedFile extends DecodedFile {
  sizeBytes: number;
  contentHash: string;
  /** Text files only; binary files are size-limited but not text-scanned (an empty report). */
  report: ScanReport;
}

/** A finding, saying which attached file it is in (absent: the main file). */
export type BundleFinding = ScanFinding & { file?: string };

const MAX_PATH_LENGTH = 255;
const MAX_SEGMENT_LENGTH = 100;
// eslint-disable-next-line no-control-regex -- control characters are what it refuses
const SAFE_SEGMENT = /^[^\u0000-\u001f\u007f/\\:*?"<>|]+$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const MAIN_FILE_NAMES = new Set(['skill.md']);

export function emptyReport(): ScanReport {
  return { findings: [], secrets: { high: 0, low: 0 }, hiddenInstructions: 0, truncated: false };
}

/**
 * A relative path inside the skill's folder, `/`-separated, as every tool resolves it: no absolute path, drive letter,
 * backslash, `.`/`..` or empty segment, no control or reserved characters (they break one of the three file systems
 * the zip lands on), and not the main file itself.
 */
export function checkAttachedPath(path: string): string {
  if (path.length === 0 || path.length > MAX_PATH_LENGTH) {
    throw new AttachedFileInvalidPathError(path, `must be 1 to ${MAX_PATH_LENGTH} characters`);
  }
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path) || path.includes('\\')) {
    throw new AttachedFileInvalidPathError(path, 'must be a relative path with / separators');
  }
  const segments = path.split('/');
  for (const segment of segments) {
    if (segment === '' || segment === '.' || segment === '..') {
      throw new AttachedFileInvalidPathError(path, 'must not contain empty, . or .. segments');
    }
    if (segment.length > MAX_SEGMENT_LENGTH || !SAFE_SEGMENT.test(segment) || LONE_SURROGATE.test(segment)) {
      throw new AttachedFileInvalidPathError(path, 'has a name with control or reserved characters, or too long');
    }
  }
  if (segments.length === 1 && MAIN_FILE_NAMES.has(path.toLowerCase())) {
    throw new AttachedFileInvalidPathError(path, 'is the main file; send it as content');
  }
  return path;
}

/**
 * The request's files, checked and decoded: paths, duplicates (also by case, which would collide on macOS and
 * Windows checkouts), encodings, and the per-file, total and count limits. Nothing is scanned yet.
 */
export function decodeAttachedFiles(
  kind: string,
  files: readonly AttachedFileInput[],
  limits: AttachedFileLimits,
): DecodedFile[] {
  if (files.length === 0) return [];
  if (!KINDS_WITH_FILES.includes(kind)) throw new AttachedFilesNotSupportedError(kind);
  if (files.length > limits.maxCount) throw new AttachedFilesTooManyError(files.length, limits.maxCount);
  const seen = new Set<string>();
  let total = 0;
  const decoded: DecodedFile[] = [];
  for (const file of files) {
    const path = checkAttachedPath(file.path);
    const key = path.toLowerCase();
    if (seen.has(key))
      throw new AttachedFileInvalidPathError(path, 'appears twice (paths differing only in case count)');
    seen.add(key);
    const bytes = decodeContent(path, file);
    if (bytes.length > limits.maxFileBytes) {
      throw new AttachedFileTooLargeError(path, bytes.length, limits.maxFileBytes);
    }
    total += bytes.length;
    if (total > limits.maxTotalBytes) throw new AttachedFilesTooLargeError(total, limits.maxTotalBytes);
    decoded.push({ path, encoding: file.encoding, bytes });
  }
  return decoded.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function decodeContent(path: string, file: AttachedFileInput): Buffer {
  if (file.encoding === 'base64') {
    const compact = file.content.replace(/\s+/g, '');
    if (!BASE64.test(compact)) throw new AttachedFileInvalidEncodingError(path, 'is not valid base64');
    return Buffer.from(compact, 'base64');
  }
  if (file.content.includes('\u0000')) {
    throw new AttachedFileInvalidEncodingError(path, 'contains NUL characters; send binary files as base64');
  }
  if (LONE_SURROGATE.test(file.content)) {
    throw new AttachedFileInvalidEncodingError(path, 'contains unpaired surrogates; send binary files as base64');
  }
  return Buffer.from(file.content, 'utf8');
}

/** Text files through the same scanner as the content, one at a time (each on the worker pool, within its budget). */
export async function scanAttachedFiles(files: readonly DecodedFile[]): Promise<ScannedFile[]> {
  const scanned: ScannedFile[] = [];
  for (const file of files) {
    const report = file.encoding === 'utf8' ? await scanContent(file.bytes.toString('utf8')) : emptyReport();
    scanned.push({
      ...file,
      sizeBytes: file.bytes.length,
      contentHash: createHash('sha256').update(file.bytes).digest('hex'),
      report,
    });
  }
  return scanned;
}

const RANK: Record<string, number> = { 'secret:high': 0, 'secret:low': 1 };

/**
 * The main file's report and its attached files' as one: exact totals summed, findings named by file, and the list
 * capped like a single scan's (secrets first, high before low) so an error or a detail never carries thousands.
 */
export function combinedReport(main: ScanReport, files: readonly ScannedFile[], maxListed: number): ScanReport {
  if (files.length === 0) return main;
  const findings: BundleFinding[] = [
    ...main.findings,
    ...files.flatMap((file) => file.report.findings.map((finding) => ({ ...finding, file: file.path }))),
  ];
  const listed =
    findings.length <= maxListed
      ? findings
      : findings
          .map((finding, index) => ({ finding, index, rank: RANK[`${finding.category}:${finding.confidence}`] ?? 2 }))
          .sort((a, b) => a.rank - b.rank || a.index - b.index)
          .slice(0, maxListed)
          .sort((a, b) => a.index - b.index)
          .map(({ finding }) => finding);
  return {
    findings: listed,
    secrets: {
      high: files.reduce((sum, file) => sum + file.report.secrets.high, main.secrets.high),
      low: files.reduce((sum, file) => sum + file.report.secrets.low, main.secrets.low),
    },
    hiddenInstructions: files.reduce((sum, file) => sum + file.report.hiddenInstructions, main.hiddenInstructions),
    truncated: main.truncated || files.some((file) => file.report.truncated) || listed.length < findings.length,
  };
}

/** The files as the formats module carries them: text as text, binary as base64. */
export function toAttachedFiles(files: readonly DecodedFile[]): AttachedFile[] {
  return files.map((file) => ({
    path: file.path,
    encoding: file.encoding,
    content: file.encoding === 'utf8' ? file.bytes.toString('utf8') : file.bytes.toString('base64'),
  }));
}

/** Whether two file sets are the same paths, encodings and bytes (a save that changes no file makes no version). */
export function sameFiles(
  a: readonly { path: string; encoding: string; contentHash: string }[],
  b: readonly { path: string; encoding: string; contentHash: string }[],
): boolean {
  if (a.length !== b.length) return false;
  const key = (file: { path: string; encoding: string; contentHash: string }) =>
    `${file.path}\u0000${file.encoding}\u0000${file.contentHash}`;
  const left = a.map(key).sort();
  const right = b.map(key).sort();
  return left.every((value, index) => value === right[index]);
}

/** Which attached files one version adds, removes or changes against another, in path order. */
export function attachedFileChanges(
  from: readonly { path: string; encoding: string; contentHash: string }[],
  to: readonly { path: string; encoding: string; contentHash: string }[],
): { path: string; change: 'added' | 'removed' | 'changed' }[] {
  const before = new Map(from.map((file) => [file.path, `${file.encoding}:${file.contentHash}`]));
  const after = new Map(to.map((file) => [file.path, `${file.encoding}:${file.contentHash}`]));
  const paths = [...new Set([...before.keys(), ...after.keys()])].sort();
  return paths.flatMap((path) => {
    const was = before.get(path);
    const is = after.get(path);
    if (was === is) return [];
    return [{ path, change: was === undefined ? 'added' : is === undefined ? 'removed' : 'changed' }] as const;
  });
}
