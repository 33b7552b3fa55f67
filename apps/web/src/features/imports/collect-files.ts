import { unzipSync } from 'fflate';
import { findPluginUpload, type PluginUpload } from './plugin-upload';

/** A file to send for import, at its path in the repository. */
export interface CollectedFile {
  path: string;
  content: string;
  encoding: 'utf8' | 'base64';
  sizeBytes: number;
}

export interface LeftOutFile {
  path: string;
  reason: string;
}

export interface Collection {
  files: CollectedFile[];
  leftOut: LeftOutFile[];
  /** The plugins a folder or zip holds (a manifest or a marketplace), with every file of theirs the API may take. */
  plugin?: PluginUpload;
}

/** A folder's or zip's collection, with every readable file (not only candidates), for the plugin route. */
interface Collected extends Collection {
  readable: CollectedFile[];
}

/** What the browser reads before anything is sent: a repository zip can hold anything, so everything is bounded. */
export const COLLECT_LIMITS = {
  /** Entries of a zip, or files of a folder, looked at. */
  maxEntries: 2_000,
  /** Each file, as the server takes it. */
  maxFileBytes: 256 * 1024,
  /** All files read, uncompressed. */
  maxTotalBytes: 8 * 1024 * 1024,
  /** The zip itself. */
  maxZipBytes: 50 * 1024 * 1024,
} as const;

/** Folders no instruction file lives in, and that can hold tens of thousands of files. */
export const SKIPPED_FOLDERS = new Set([
  '.git',
  '.hg',
  '.svn',
  'node_modules',
  '.venv',
  'venv',
  '__pycache__',
  '.next',
  '.nuxt',
  'dist',
  'build',
  'target',
  'vendor',
  '__MACOSX',
]);

const SKILL_FILE = 'SKILL.md';
const INSTRUCTION_TEXT = /\.(md|mdc|markdown)$/i;
const CONFIG_TEXT = /\.(json|jsonc|toml|ya?ml)$/i;
/** Config files that are tool files at the root: MCP configurations. */
const ROOT_CONFIGS = new Set(['mcp.json', '.mcp.json', 'opencode.json', 'opencode.jsonc']);
/** Rule files with no extension, e.g. .cursorrules, .windsurfrules, .clinerules. */
const DOT_RULES = /^\.[a-z]+(rules|hints)$/i;

interface RawEntry {
  path: string;
  bytes: Uint8Array;
}

function segmentsOf(path: string): string[] {
  return path
    .replace(/\\/g, '/')
    .split('/')
    .filter((segment) => segment !== '' && segment !== '.');
}

function inSkippedFolder(path: string): boolean {
  return segmentsOf(path)
    .slice(0, -1)
    .some((segment) => SKIPPED_FOLDERS.has(segment));
}

/**
 * A zip of a repository (GitHub's has one top folder, `repo-main/`) or a chosen folder: the shared first folder is
 * dropped so paths start at the repository root, unless it is a tool's own folder such as `.claude`.
 */
function withoutSharedTopFolder(entries: RawEntry[]): RawEntry[] {
  const firsts = new Set(entries.map((entry) => (entry.path.includes('/') ? entry.path.split('/')[0] : '')));
  const [top] = [...firsts];
  if (firsts.size !== 1 || !top || top.startsWith('.')) return entries;
  return entries.map((entry) => ({ ...entry, path: entry.path.slice(top.length + 1) }));
}

const decoder = new TextDecoder('utf-8', { fatal: true });

function textOf(bytes: Uint8Array): string | undefined {
  if (bytes.includes(0)) return undefined;
  try {
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

function base64Of(bytes: Uint8Array): string {
  let binary = '';
  for (let start = 0; start < bytes.length; start += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  }
  return btoa(binary);
}

function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

/** Whether a file sits in a skill's folder (any file there may belong to the skill: the server decides). */
function inSkillFolder(path: string, skillFolders: readonly string[]): boolean {
  return skillFolders.some((folder) =>
    folder === '' ? /^(references|scripts|assets)\//.test(path) : path.startsWith(`${folder}/`),
  );
}

/** Whether a file from a folder or zip is worth sending: one a tool could read, or part of a skill. */
function isCandidate(path: string, skillFolders: readonly string[]): boolean {
  if (inSkillFolder(path, skillFolders)) return true;
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (INSTRUCTION_TEXT.test(name) || DOT_RULES.test(name)) return true;
  if (!CONFIG_TEXT.test(name)) return false;
  // JSON, TOML and YAML only where tools keep theirs: at the root by name, or in a tool's dot-folder.
  return (
    ROOT_CONFIGS.has(path) ||
    segmentsOf(path)
      .slice(0, -1)
      .some((segment) => segment.startsWith('.'))
  );
}

/**
 * Turns raw entries into the files to send. `everything` (files the user picked one by one) sends every text file;
 * a folder or zip sends only candidates, so a repository's source code stays in the browser.
 */
function collect(entries: RawEntry[], everything: boolean, leftOut: LeftOutFile[]): Collected {
  const skillFolders = entries
    .filter((entry) => entry.path.slice(entry.path.lastIndexOf('/') + 1) === SKILL_FILE)
    .map((entry) => folderOf(entry.path));
  const files: CollectedFile[] = [];
  const readable: CollectedFile[] = [];
  for (const entry of entries) {
    if (entry.bytes.length > COLLECT_LIMITS.maxFileBytes) {
      leftOut.push({ path: entry.path, reason: 'larger than 256 KB' });
      continue;
    }
    const inSkill = inSkillFolder(entry.path, skillFolders);
    const text = textOf(entry.bytes);
    const read: CollectedFile | undefined =
      text !== undefined
        ? { path: entry.path, content: text, encoding: 'utf8', sizeBytes: entry.bytes.length }
        : inSkill
          ? { path: entry.path, content: base64Of(entry.bytes), encoding: 'base64', sizeBytes: entry.bytes.length }
          : undefined;
    // A plugin's hooks/hooks.json, scripts and README are the plugin route's to judge (it skips them with reasons).
    if (read && !everything) readable.push(read);
    if (!everything && !isCandidate(entry.path, skillFolders)) {
      leftOut.push({ path: entry.path, reason: 'not an instruction file' });
      continue;
    }
    if (read) files.push(read);
    else leftOut.push({ path: entry.path, reason: 'a binary file' });
  }
  return { files, leftOut, readable };
}

/**
 * The files of a zip, within COLLECT_LIMITS. The sizes come from the central directory, checked before anything is
 * inflated; fflate inflates each entry into a buffer of exactly that size, so an entry whose header lies cannot grow
 * past it.
 */
export function readZip(zip: Uint8Array, leftOut: LeftOutFile[] = []): Collection {
  let entries = 0;
  let total = 0;
  let full = false;
  const unzipped = unzipSync(zip, {
    filter: (file) => {
      if (file.name.endsWith('/')) return false;
      entries += 1;
      if (entries > COLLECT_LIMITS.maxEntries) {
        full = true;
        return false;
      }
      if (inSkippedFolder(file.name)) return false;
      if (file.originalSize > COLLECT_LIMITS.maxFileBytes) {
        leftOut.push({ path: file.name, reason: 'larger than 256 KB' });
        return false;
      }
      if (file.compression !== 0 && file.compression !== 8) {
        leftOut.push({ path: file.name, reason: 'compressed in a way the browser cannot read' });
        return false;
      }
      if (total + file.originalSize > COLLECT_LIMITS.maxTotalBytes) {
        full = true;
        leftOut.push({ path: file.name, reason: 'over the 8 MB read from one zip' });
        return false;
      }
      total += file.originalSize;
      return true;
    },
  });
  if (full && entries > COLLECT_LIMITS.maxEntries) {
    leftOut.push({ path: '(the rest of the zip)', reason: `more than ${COLLECT_LIMITS.maxEntries} entries` });
  }
  const raw = Object.entries(unzipped).map(([path, bytes]) => ({ path, bytes }));
  const { readable, ...collection } = collect(withoutSharedTopFolder(raw), false, leftOut);
  const plugin = findPluginUpload(readable);
  return plugin ? { ...collection, plugin } : collection;
}

/** A file the user gave, with the path it had in the folder they chose (webkitRelativePath) when there is one. */
export interface PickedFile {
  file: File;
  relativePath?: string;
}

async function bytesOf(file: File): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}

/**
 * Everything the user dropped or chose: zips are unzipped, folders (files with a relative path) filtered to
 * candidates, single files sent as they are. Each read stays within COLLECT_LIMITS.
 */
export async function collectFiles(picked: readonly PickedFile[]): Promise<Collection> {
  const leftOut: LeftOutFile[] = [];
  const files: CollectedFile[] = [];
  const pluginFiles: CollectedFile[] = [];
  const fromFolders: RawEntry[] = [];
  const single: RawEntry[] = [];
  let total = 0;
  let looked = 0;
  for (const { file, relativePath } of picked) {
    const path = relativePath || file.name;
    looked += 1;
    if (looked > COLLECT_LIMITS.maxEntries) {
      leftOut.push({ path, reason: `more than ${COLLECT_LIMITS.maxEntries} files` });
      continue;
    }
    if (/\.zip$/i.test(file.name) && !relativePath) {
      if (file.size > COLLECT_LIMITS.maxZipBytes) {
        leftOut.push({ path, reason: 'a zip larger than 50 MB' });
        continue;
      }
      try {
        const zip = readZip(await bytesOf(file), leftOut);
        files.push(...zip.files);
        pluginFiles.push(...(zip.plugin?.files ?? []));
      } catch {
        leftOut.push({ path, reason: 'not a zip the browser can read' });
      }
      continue;
    }
    if (relativePath && inSkippedFolder(relativePath)) continue;
    if (file.size > COLLECT_LIMITS.maxFileBytes) {
      leftOut.push({ path, reason: 'larger than 256 KB' });
      continue;
    }
    if (total + file.size > COLLECT_LIMITS.maxTotalBytes) {
      leftOut.push({ path, reason: 'over the 8 MB read at once' });
      continue;
    }
    total += file.size;
    (relativePath ? fromFolders : single).push({ path, bytes: await bytesOf(file) });
  }
  const folder = collect(withoutSharedTopFolder(fromFolders), false, leftOut);
  files.push(...folder.files);
  pluginFiles.push(...folder.readable);
  files.push(...collect(single, true, leftOut).files);
  const plugin = findPluginUpload(uniqueInOrder(pluginFiles));
  return { files: uniqueInOrder(files), leftOut, ...(plugin ? { plugin } : {}) };
}

/** The same path twice (a file chosen twice, or in two zips): the first wins, as the server takes each path once. */
function uniqueInOrder(files: readonly CollectedFile[]): CollectedFile[] {
  const seen = new Set<string>();
  const unique = files.filter((file) => !seen.has(file.path) && Boolean(seen.add(file.path)));
  // In path order, as a repository lists them, whatever order the browser read them in.
  return unique.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
