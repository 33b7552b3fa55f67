import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { CliError, ExitCode } from './errors';

/** The lockfile's schema version; a newer one is refused rather than half-understood. */
export const LOCKFILE_VERSION = 1;
export const LOCK_DIR = '.lynxprompt';
export const LOCK_FILE = `${LOCK_DIR}/lock.json`;
/** Each pulled file's content as pulled, by its sha256: the base of the next three-way merge. */
export const BASE_DIR = `${LOCK_DIR}/base`;

/** One file the CLI wrote or pushed, as it was then. */
export interface LockEntry {
  /** Relative to the repository root, `/`-separated. */
  path: string;
  instance: string;
  /** bp_… (or rb_… for another instance's blueprint, read through this one). */
  blueprint: string;
  /** `@owner/slug` as the instance names it, for people reading the lockfile. */
  ref?: string;
  version: number;
  /** The format id the file is written in (e.g. cursor-rules). */
  format: string;
  /** SHA-256 (hex) of the file as pulled or pushed; a file that no longer has it was edited by hand. */
  sha256: string;
  /** The blueprint's revision when last read or written: pushes send it as If-Match. */
  revision?: number;
  /** Federated blueprints: the instance that published it. */
  origin?: string;
  /** The hierarchy the file was pulled or imported with. */
  hierarchy?: string;
  /** Values given with --var, used again by sync; saved values are filled by the instance each time. */
  variables?: Record<string, string>;
  /**
   * The variables the instance filled into the file (from --var, saved values or defaults): the file is the template
   * rendered, so pushing it back would replace those [[PLACEHOLDERS]] with values, and push refuses.
   */
  filled?: string[];
  /** A skill's attached files written with it (references/, scripts/…), each with the hash it was written with. */
  files?: AttachedEntry[];
}

export interface AttachedEntry {
  path: string;
  sha256: string;
}

export interface Lockfile {
  lockfileVersion: number;
  files: LockEntry[];
}

export function sha256(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

/**
 * The repository root: the nearest folder up from `cwd` holding a lockfile, else a .git, else `cwd` itself. Files are
 * only ever written below it.
 */
export function findRoot(cwd: string): string {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, LOCK_FILE)) || existsSync(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(cwd);
  }
}

/**
 * A path from the instance or the command line as a safe relative path below the root: no absolute paths, no `..`,
 * nothing inside .git or .lynxprompt, and no symlinked folder leading outside.
 */
export function safePath(root: string, candidate: string): string {
  const posix = candidate.replace(/\\/g, '/');
  const parts = posix.split('/').filter((part) => part !== '' && part !== '.');
  if (
    posix.startsWith('/') ||
    /^[a-zA-Z]:/.test(posix) ||
    parts.length === 0 ||
    parts.some((part) => part === '..') ||
    ['.git', LOCK_DIR].includes(parts[0]!) ||
    posix.includes('\0')
  ) {
    throw new CliError('UNSAFE_PATH', `Refusing to write '${candidate}': not a relative path inside the repository`);
  }
  const relative = parts.join('/');
  // The deepest existing folder on the way must still be inside the root once symlinks are followed.
  let existing = path.dirname(path.join(root, relative));
  while (!existsSync(existing)) existing = path.dirname(existing);
  const realRoot = realpathSync(root);
  const realDir = realpathSync(existing);
  if (realDir !== realRoot && !realDir.startsWith(`${realRoot}${path.sep}`)) {
    throw new CliError('UNSAFE_PATH', `Refusing to write '${candidate}': it leads outside the repository`);
  }
  return relative;
}

function invalid(root: string, reason: string): CliError {
  return new CliError(
    'LOCKFILE_INVALID',
    `${path.join(root, LOCK_FILE)} is not a lockfile this CLI understands: ${reason}`,
    ExitCode.Usage,
  );
}

const isString = (value: unknown): value is string => typeof value === 'string' && value.length > 0;
const isVersion = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 1;

function validEntry(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return 'an entry is not an object';
  const entry = value as Record<string, unknown>;
  for (const key of ['path', 'instance', 'blueprint', 'format'] as const) {
    if (!isString(entry[key])) return `an entry has no ${key}`;
  }
  if (!isVersion(entry.version)) return `${String(entry.path)}: version must be a positive integer`;
  if (typeof entry.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(entry.sha256)) {
    return `${String(entry.path)}: sha256 must be 64 hex digits`;
  }
  if (entry.revision !== undefined && !isVersion(entry.revision)) return `${String(entry.path)}: bad revision`;
  for (const key of ['ref', 'origin', 'hierarchy'] as const) {
    if (entry[key] !== undefined && !isString(entry[key])) return `${String(entry.path)}: bad ${key}`;
  }
  if (entry.variables !== undefined) {
    const variables = entry.variables as Record<string, unknown>;
    if (typeof variables !== 'object' || variables === null || Array.isArray(variables)) {
      return `${String(entry.path)}: variables must be an object`;
    }
    if (Object.values(variables).some((v) => typeof v !== 'string')) {
      return `${String(entry.path)}: variable values must be strings`;
    }
  }
  if (entry.filled !== undefined && (!Array.isArray(entry.filled) || !entry.filled.every(isString))) {
    return `${String(entry.path)}: filled must be a list of variable names`;
  }
  if (entry.files !== undefined) {
    if (!Array.isArray(entry.files)) return `${String(entry.path)}: files must be an array`;
    for (const file of entry.files as unknown[]) {
      const attached = file as Partial<AttachedEntry> | null;
      if (typeof attached !== 'object' || attached === null || !isString(attached.path)) {
        return `${String(entry.path)}: an attached file has no path`;
      }
      if (typeof attached.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(attached.sha256)) {
        return `${attached.path}: sha256 must be 64 hex digits`;
      }
    }
  }
  return undefined;
}

/** The lockfile below `root`, validated; an empty one when there is none yet. */
export function readLockfile(root: string): Lockfile {
  let text: string;
  try {
    text = readFileSync(path.join(root, LOCK_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { lockfileVersion: LOCKFILE_VERSION, files: [] };
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw invalid(root, 'not JSON');
  }
  const lock = parsed as Partial<Lockfile> | null;
  if (typeof lock !== 'object' || lock === null) throw invalid(root, 'not an object');
  if (lock.lockfileVersion !== LOCKFILE_VERSION) {
    throw invalid(root, `lockfileVersion ${String(lock.lockfileVersion)} (this CLI reads ${LOCKFILE_VERSION})`);
  }
  if (!Array.isArray(lock.files)) throw invalid(root, 'files must be an array');
  const seen = new Set<string>();
  for (const entry of lock.files) {
    const reason = validEntry(entry);
    if (reason) throw invalid(root, reason);
    for (const file of [entry.path, ...(entry.files ?? []).map((attached) => attached.path)]) {
      try {
        safePath(root, file);
      } catch {
        throw invalid(root, `${file}: not a relative path inside the repository`);
      }
      if (seen.has(file)) throw invalid(root, `${file} is listed twice`);
      seen.add(file);
    }
  }
  return { lockfileVersion: LOCKFILE_VERSION, files: lock.files };
}

// The order keys are written in, so the file diffs cleanly in review whatever order the code built them in.
const ENTRY_KEYS: (keyof LockEntry)[] = [
  'path',
  'instance',
  'blueprint',
  'ref',
  'version',
  'format',
  'sha256',
  'revision',
  'origin',
  'hierarchy',
  'variables',
  'filled',
  'files',
];

export function serialiseLockfile(lock: Lockfile): string {
  const files = [...lock.files]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((entry) => {
      const ordered: Record<string, unknown> = {};
      for (const key of ENTRY_KEYS) {
        const value = entry[key];
        if (value === undefined) continue;
        if (key === 'variables') {
          const variables = value as Record<string, string>;
          if (Object.keys(variables).length === 0) continue;
          ordered[key] = Object.fromEntries(
            Object.keys(variables)
              .sort()
              .map((name) => [name, variables[name]]),
          );
        } else if (key === 'files') {
          const files = value as AttachedEntry[];
          if (files.length === 0) continue;
          ordered[key] = [...files]
            .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
            .map((file) => ({ path: file.path, sha256: file.sha256 }));
        } else {
          ordered[key] = value;
        }
      }
      return ordered;
    });
  return `${JSON.stringify({ lockfileVersion: LOCKFILE_VERSION, files }, null, 2)}\n`;
}

/** Writes a file whole: a temporary file beside it, renamed over it, so a crash never leaves half a file. */
export function writeAtomically(file: string, content: string | Uint8Array): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.lynxp.tmp`;
  writeFileSync(temporary, content);
  renameSync(temporary, file);
}

/** Writes the lockfile, keeps the base of every entry and drops bases no entry uses any more. */
export function writeLockfile(root: string, lock: Lockfile): void {
  writeAtomically(path.join(root, LOCK_FILE), serialiseLockfile(lock));
  const used = new Set(lock.files.map((entry) => entry.sha256));
  const baseDir = path.join(root, BASE_DIR);
  if (!existsSync(baseDir)) return;
  for (const name of readdirSync(baseDir)) {
    if (!used.has(name)) rmSync(path.join(baseDir, name), { force: true });
  }
}

/** Keeps `content` as the base of later merges (named by its hash, so entries with the same content share it). */
export function storeBase(root: string, content: string): string {
  const hash = sha256(content);
  const file = path.join(root, BASE_DIR, hash);
  if (!existsSync(file)) writeAtomically(file, content);
  return hash;
}

/** The content an entry was pulled with, when its base is still there and intact. */
export function readBase(root: string, hash: string): string | undefined {
  try {
    const content = readFileSync(path.join(root, BASE_DIR, hash), 'utf8');
    return sha256(content) === hash ? content : undefined;
  } catch {
    return undefined;
  }
}

/** The file's current content, or undefined when it is gone. */
export function readLocal(root: string, relative: string): string | undefined {
  try {
    return readFileSync(path.join(root, relative), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** The file's bytes, or undefined when it is gone (attached files may be binary). */
export function readLocalBytes(root: string, relative: string): Buffer | undefined {
  try {
    return readFileSync(path.join(root, relative));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Replaces (or adds) the entry for a path. */
export function upsertEntry(lock: Lockfile, entry: LockEntry): void {
  const index = lock.files.findIndex((existing) => existing.path === entry.path);
  if (index === -1) lock.files.push(entry);
  else lock.files[index] = entry;
}
