import { MAX_CONTENT_BYTES } from '../blueprints/blueprint-rules';
import {
  ImportDuplicatePathError,
  ImportFileTooLargeError,
  ImportInvalidEncodingError,
  ImportInvalidPathError,
  ImportTooManyFilesError,
  ImportTotalTooLargeError,
} from './imports.errors';

/** The most files one preview or import request may carry (a skill's attachments count one each). */
export const MAX_IMPORT_FILES = 200;
/** Each file, decoded: the same limit as a blueprint's content. */
export const MAX_IMPORT_FILE_BYTES = MAX_CONTENT_BYTES;
/** All files together, decoded. BODY_LIMIT_BYTES (1 MB by default) usually refuses a batch before this does. */
export const MAX_IMPORT_TOTAL_BYTES = 4 * 1024 * 1024;
const MAX_PATH_LENGTH = 512;

/** The folders a skill's SKILL.md brings along (Agent Skills spec). */
const SKILL_RESOURCE_FOLDERS = new Set(['references', 'scripts', 'assets']);
const SKILL_FILE = 'SKILL.md';

export type FileEncoding = 'utf8' | 'base64';

export interface IncomingFile {
  path: string;
  content: string;
  encoding?: FileEncoding;
}

/** A file of the batch whose path, encoding and size were checked. */
export interface BatchFile {
  /** `/`-separated, relative to the root of what was uploaded, no `.` or `..` segments. */
  path: string;
  content: string;
  encoding: FileEncoding;
  sizeBytes: number;
}

/** One thing to import: a file, with the files that belong to it when it is a skill's SKILL.md. */
export interface BatchItem {
  path: string;
  file: BatchFile;
  /** Paths relative to the SKILL.md's folder, as `BlueprintDocument.files` holds them. */
  attachments: { relativePath: string; file: BatchFile }[];
}

function normalisePath(raw: string): string {
  const unified = raw.replace(/\\/g, '/');
  if (unified.length === 0 || unified.length > MAX_PATH_LENGTH) {
    throw new ImportInvalidPathError(raw.slice(0, 80), `it must be 1-${MAX_PATH_LENGTH} characters`);
  }
  if (unified.startsWith('/') || /^[a-zA-Z]:/.test(unified)) {
    throw new ImportInvalidPathError(raw, 'it must be relative');
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(unified)) throw new ImportInvalidPathError(raw, 'it contains control characters');
  const segments = unified.split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.includes('..')) throw new ImportInvalidPathError(raw, "'..' is not allowed");
  if (segments.length === 0) throw new ImportInvalidPathError(raw, 'it names no file');
  return segments.join('/');
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function sizeOf(path: string, content: string, encoding: FileEncoding): number {
  if (encoding === 'utf8') return Buffer.byteLength(content, 'utf8');
  if (content.length % 4 !== 0 || !BASE64.test(content)) {
    throw new ImportInvalidEncodingError(path, 'the content is not valid base64');
  }
  const padding = content.endsWith('==') ? 2 : content.endsWith('=') ? 1 : 0;
  return (content.length / 4) * 3 - padding;
}

/**
 * The batch's files, checked before anything is parsed or scanned: how many, each path usable and unique, each file
 * and all of them within their size limits. Whole-batch errors, so a client learns at once what to drop.
 */
export function checkBatch(files: readonly IncomingFile[]): BatchFile[] {
  if (files.length > MAX_IMPORT_FILES) throw new ImportTooManyFilesError(files.length, MAX_IMPORT_FILES);
  const seen = new Set<string>();
  let total = 0;
  return files.map((incoming) => {
    const path = normalisePath(incoming.path);
    if (seen.has(path)) throw new ImportDuplicatePathError(path);
    seen.add(path);
    const encoding = incoming.encoding ?? 'utf8';
    // A string longer than the limit in UTF-16 units is over it in bytes too: no need to measure it.
    const sizeBytes =
      incoming.content.length > MAX_IMPORT_FILE_BYTES * 2
        ? incoming.content.length
        : sizeOf(path, incoming.content, encoding);
    if (sizeBytes > MAX_IMPORT_FILE_BYTES) throw new ImportFileTooLargeError(path, sizeBytes, MAX_IMPORT_FILE_BYTES);
    total += sizeBytes;
    if (total > MAX_IMPORT_TOTAL_BYTES) throw new ImportTotalTooLargeError(total, MAX_IMPORT_TOTAL_BYTES);
    return { path, content: incoming.content, encoding, sizeBytes };
  });
}

function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

export function fileNameOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/**
 * The batch as items: every SKILL.md takes the files of its folder at any depth (`references/`, `scripts/`,
 * `assets/`, and what real skills also keep there: `examples/`, `templates/`, fonts, a `LICENSE.txt`) as attachments,
 * the deepest skill folder first; a SKILL.md is never another's attachment. At the root (a zip of one skill) only the
 * three resource folders are taken, so a repository's README is not swallowed. Every other file is an item of its
 * own, in the order given.
 */
export function groupItems(files: readonly BatchFile[]): BatchItem[] {
  const isSkill = (file: BatchFile) => file.encoding === 'utf8' && fileNameOf(file.path) === SKILL_FILE;
  const skillFolders = files
    .filter(isSkill)
    .map((file) => folderOf(file.path))
    .sort((a, b) => b.length - a.length);
  const owners = new Map<BatchFile, string>();
  for (const file of files) {
    if (isSkill(file)) continue;
    const owner = skillFolders.find((folder) =>
      folder === ''
        ? SKILL_RESOURCE_FOLDERS.has(file.path.split('/')[0]!) && file.path.includes('/')
        : file.path.startsWith(`${folder}/`),
    );
    if (owner !== undefined) owners.set(file, owner);
  }
  const items = new Map<string, BatchItem>();
  for (const file of files) {
    if (!owners.has(file)) items.set(file.path, { path: file.path, file, attachments: [] });
  }
  for (const [file, folder] of owners) {
    const item = items.get(folder === '' ? SKILL_FILE : `${folder}/${SKILL_FILE}`)!;
    item.attachments.push({ relativePath: folder === '' ? file.path : file.path.slice(folder.length + 1), file });
  }
  return [...items.values()];
}
