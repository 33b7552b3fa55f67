import { setImmediate } from 'node:timers/promises';
import { AppError } from '../common/errors/app-error';
import {
  importFile,
  isPlainObject,
  type AttachedFile,
  type BlueprintDocument,
  type BlueprintKind,
} from '@lynxprompt/formats';
import { MAX_CONTENT_BYTES } from '../blueprints/blueprint-rules';
import {
  PluginFileEncodingError,
  PluginFileTooLargeError,
  PluginManifestInvalidError,
  PluginManifestMissingError,
  PluginMemberRejectedError,
  PluginPathInvalidError,
  PluginTooLargeError,
  PluginTooManyFilesError,
} from './plugins.errors';
import { PLUGIN_LAYOUTS, PLUGIN_TOOLS, type PluginLayout, type PluginTool, type StoredPlugin } from './plugin-layout';

/** One uploaded file, by its path relative to the folder that was uploaded (a plugin or a marketplace). */
export interface PluginFileInput {
  path: string;
  content: string;
  encoding: 'utf8' | 'base64';
}

/** Bounds of one import request: members are blueprints, so each file is held to a blueprint's size. */
export const PLUGIN_IMPORT_LIMITS = {
  files: 500,
  fileBytes: MAX_CONTENT_BYTES,
  totalBytes: 8 * 1024 * 1024,
  pathLength: 512,
} as const;

/** A file of the plugin that becomes a blueprint. */
export interface PluginMember {
  /** Relative to the plugin root: the member's repositoryPath in the hierarchy. */
  path: string;
  kind: BlueprintKind;
  format: string;
  content: string;
  document: BlueprintDocument;
  /** The name as the file gives it (frontmatter name, else the file or skill folder name). */
  name: string;
  /** What the reader did that the file did not say. */
  notes: string[];
  /** A skill's other files (references/, scripts/, assets/…), relative to its SKILL.md's folder. */
  files: AttachedFile[];
}

export interface SkippedFile {
  path: string;
  reason: string;
}

export interface ReadPlugin {
  /** The plugin's folder in the upload, '' for the root. */
  root: string;
  name: string;
  tool: PluginTool;
  /** The manifest the plugin was read with, or undefined when only a marketplace entry described it. */
  manifestPath?: string;
  stored: StoredPlugin;
  members: PluginMember[];
  skipped: SkippedFile[];
}

export interface ReadPlugins {
  plugins: ReadPlugin[];
  /** Files of the upload that belong to no imported plugin. */
  skipped: SkippedFile[];
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function checkPath(path: string): string {
  if (typeof path !== 'string' || path.length === 0) throw new PluginPathInvalidError(String(path), 'is empty');
  if (path.length > PLUGIN_IMPORT_LIMITS.pathLength) {
    throw new PluginPathInvalidError(path, `is longer than ${PLUGIN_IMPORT_LIMITS.pathLength} characters`);
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f]/.test(path)) throw new PluginPathInvalidError(path, 'contains control characters');
  if (path.includes('\\')) throw new PluginPathInvalidError(path, 'must use / separators only');
  const trimmed = path.replace(/^(\.\/)+/, '');
  if (trimmed.startsWith('/') || /^[A-Za-z]:/.test(trimmed)) {
    throw new PluginPathInvalidError(path, 'must be relative to the plugin root');
  }
  if (trimmed.split('/').some((segment) => segment === '' || segment === '.' || segment === '..')) {
    throw new PluginPathInvalidError(path, 'must not contain empty, . or .. segments');
  }
  return trimmed;
}

function sizeOf(file: PluginFileInput, path: string): number {
  if (typeof file.content !== 'string') throw new PluginFileEncodingError(path, 'has no content');
  if (file.encoding === 'base64') {
    if (!BASE64.test(file.content) || file.content.length % 4 !== 0) {
      throw new PluginFileEncodingError(path, 'is not valid base64');
    }
    return (file.content.length / 4) * 3 - (file.content.match(/=*$/)?.[0].length ?? 0);
  }
  return Buffer.byteLength(file.content, 'utf8');
}

/** A manifest's component path (`./agents/`, `./x.md`), relative to the plugin root without its trailing slash. */
function componentPath(entry: string): string {
  return checkPath(entry.replace(/\/+$/, ''));
}

/** Every file's path checked and sizes bounded, before anything is parsed. */
export function checkFiles(files: readonly PluginFileInput[]): Map<string, PluginFileInput> {
  if (files.length > PLUGIN_IMPORT_LIMITS.files)
    throw new PluginTooManyFilesError(files.length, PLUGIN_IMPORT_LIMITS.files);
  const checked = new Map<string, PluginFileInput>();
  let total = 0;
  for (const file of files) {
    const path = checkPath(file.path);
    if (checked.has(path)) throw new PluginPathInvalidError(path, 'appears twice');
    // Only components are held to a blueprint's size (when read); a large image that is skipped counts in the total.
    total += sizeOf(file, path);
    if (total > PLUGIN_IMPORT_LIMITS.totalBytes) throw new PluginTooLargeError(total, PLUGIN_IMPORT_LIMITS.totalBytes);
    checked.set(path, { ...file, path });
  }
  return checked;
}

/** A component's text: utf8, and at most a blueprint's size. */
function textOf(file: PluginFileInput): string {
  if (file.encoding !== 'utf8') {
    throw new PluginFileEncodingError(file.path, 'must be utf8 text: it is a plugin component');
  }
  const size = Buffer.byteLength(file.content, 'utf8');
  if (size > PLUGIN_IMPORT_LIMITS.fileBytes)
    throw new PluginFileTooLargeError(file.path, size, PLUGIN_IMPORT_LIMITS.fileBytes);
  return file.content;
}

function parseJsonObject(file: PluginFileInput): Record<string, unknown> {
  const text = textOf(file);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new PluginManifestInvalidError(file.path, 'is not valid JSON');
  }
  if (!isPlainObject(value)) throw new PluginManifestInvalidError(file.path, 'is not a JSON object');
  return value;
}

/** Plugin names are identifiers the tools namespace commands with: no spaces, no paths. */
const PLUGIN_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

function checkManifest(path: string, manifest: Record<string, unknown>, layout: PluginLayout): string {
  const name = manifest.name;
  if (typeof name !== 'string' || !PLUGIN_NAME.test(name) || name.includes('..')) {
    throw new PluginManifestInvalidError(path, 'needs a name: letters, digits, dot, underscore or hyphen, no spaces');
  }
  for (const key of ['version', 'description', 'homepage', 'license'] as const) {
    if (manifest[key] !== undefined && typeof manifest[key] !== 'string') {
      throw new PluginManifestInvalidError(path, `has a ${key} that is not a string`);
    }
  }
  for (const key of layout.componentKeys) {
    const value = manifest[key];
    if (value === undefined || isPlainObject(value)) continue;
    const paths = Array.isArray(value) ? value : [value];
    for (const entry of paths) {
      if (typeof entry !== 'string')
        throw new PluginManifestInvalidError(path, `has a ${key} entry that is not a path`);
      try {
        componentPath(entry);
      } catch {
        throw new PluginManifestInvalidError(path, `has a ${key} path '${entry.slice(0, 200)}' outside the plugin`);
      }
    }
  }
  return name;
}

/** A marketplace entry's local folder, or undefined when its source lies elsewhere (a repository, a URL). */
function localSource(source: unknown): string | undefined {
  const raw =
    typeof source === 'string' ? source : isPlainObject(source) && source.source === 'local' ? source.path : undefined;
  if (typeof raw !== 'string') return undefined;
  const trimmed = raw.replace(/^(\.\/)+/, '').replace(/\/+$/, '');
  if (trimmed === '' || trimmed === '.') return '';
  try {
    return checkPath(trimmed);
  } catch {
    return undefined;
  }
}

interface Candidate {
  root: string;
  tool?: PluginTool;
  /** The marketplace entries that listed it, by the marketplace's tool. */
  entries: Partial<Record<PluginTool, Record<string, unknown>>>;
}

function under(root: string, path: string): string | undefined {
  if (root === '') return path;
  return path.startsWith(`${root}/`) ? path.slice(root.length + 1) : undefined;
}

/** The plugins an upload holds: those its marketplace lists, or else every folder with a manifest. */
function findCandidates(files: Map<string, PluginFileInput>, skipped: SkippedFile[]): Candidate[] {
  const listed: Candidate[] = [];
  let sawMarketplace = false;
  for (const tool of PLUGIN_TOOLS) {
    const file = files.get(PLUGIN_LAYOUTS[tool].marketplacePath);
    if (!file) continue;
    sawMarketplace = true;
    const marketplace = parseJsonObject(file);
    if (!Array.isArray(marketplace.plugins)) throw new PluginManifestInvalidError(file.path, 'has no plugins list');
    for (const entry of marketplace.plugins as unknown[]) {
      if (!isPlainObject(entry) || typeof entry.name !== 'string') {
        throw new PluginManifestInvalidError(file.path, 'lists a plugin without a name');
      }
      const root = localSource(entry.source);
      if (root === undefined) {
        skipped.push({ path: `${file.path}#${entry.name}`, reason: 'its source is not a folder of this upload' });
      } else if (![...files.keys()].some((path) => under(root, path) !== undefined)) {
        skipped.push({ path: `${file.path}#${entry.name}`, reason: `no files under ${root || './'} in this upload` });
      } else {
        const known = listed.find((candidate) => candidate.root === root);
        if (known) known.entries[tool] ??= entry;
        else listed.push({ root, tool, entries: { [tool]: entry } });
      }
    }
  }
  if (sawMarketplace) return listed;
  const roots: Candidate[] = [];
  for (const path of files.keys()) {
    for (const tool of PLUGIN_TOOLS) {
      const manifestPath = PLUGIN_LAYOUTS[tool].manifestPath;
      if (path !== manifestPath && !path.endsWith(`/${manifestPath}`)) continue;
      const root = path.slice(0, path.length - manifestPath.length).replace(/\/$/, '');
      if (!roots.some((candidate) => candidate.root === root)) roots.push({ root, entries: {} });
    }
  }
  return roots.sort((a, b) => a.root.localeCompare(b.root));
}

/** Where a manifest says a component lives besides the default folder: folders end without an extension. */
function customPlaces(manifest: Record<string, unknown>, key: string): string[] {
  const value = manifest[key];
  if (value === undefined || isPlainObject(value)) return [];
  return (Array.isArray(value) ? value : [value]).map((entry) => componentPath(String(entry)));
}

function inPlace(path: string, place: string): boolean {
  return path === place || path.startsWith(`${place}/`);
}

type Classified =
  | { type: 'member'; kind: BlueprintKind; format: string; name: string; note?: string }
  | { type: 'hooks' }
  | { type: 'attachment' }
  | { type: 'skip'; reason: string };

function baseName(path: string): string {
  const last = path.slice(path.lastIndexOf('/') + 1);
  return last.replace(/\.[^.]*$/, '');
}

function classify(path: string, layout: PluginLayout, manifest: Record<string, unknown>): Classified {
  const { members } = layout;
  if (/^\.(claude|cursor|codex)-plugin\//.test(path)) {
    return {
      type: 'skip',
      reason: PLUGIN_TOOLS.some((tool) => PLUGIN_LAYOUTS[tool].manifestPath === path)
        ? "another tool's manifest, kept with the plugin"
        : 'not a manifest LynxPrompt reads',
    };
  }
  const settings = members.settings;
  const isHooks = path === 'hooks/hooks.json' || customPlaces(manifest, 'hooks').includes(path);
  if (isHooks && settings) return { type: 'member', kind: 'settings', format: settings.format, name: 'hooks' };
  if (isHooks && layout.hooksPath) return { type: 'hooks' };
  const mcp = members['mcp-config'];
  if (mcp && (path === mcp.path || customPlaces(manifest, 'mcpServers').includes(path))) {
    return { type: 'member', kind: 'mcp-config', format: mcp.format, name: baseName(path) || 'mcp' };
  }
  const skillFolders = ['skills', ...customPlaces(manifest, 'skills')];
  for (const folder of skillFolders) {
    const rest = under(folder, path);
    if (rest === undefined || !members.skill) continue;
    const match = /^([^/]+)\/SKILL\.md$/.exec(rest) ?? (rest === 'SKILL.md' ? [rest, baseName(folder)] : null);
    if (match)
      return { type: 'member', kind: 'skill', format: members.skill.format, name: match[1]!, note: members.skill.note };
    // references/, scripts/, assets/…: given to the skill whose folder holds them, once every member is read.
    return { type: 'attachment' };
  }
  const byFolder: { kind: BlueprintKind; folder: string; extension: RegExp }[] = [
    { kind: 'agent', folder: 'agents', extension: /\.md$/ },
    { kind: 'command', folder: 'commands', extension: /\.md$/ },
    { kind: 'rules', folder: 'rules', extension: /\.mdc?$/ },
  ];
  for (const { kind, folder, extension } of byFolder) {
    const place = members[kind];
    if (!place) continue;
    const folders = [folder, ...customPlaces(manifest, folder)];
    if (folders.some((candidate) => inPlace(path, candidate)) && extension.test(path)) {
      return { type: 'member', kind, format: place.format, name: baseName(path), note: place.note };
    }
  }
  return {
    type: 'skip',
    reason: `not a ${layout.label} component LynxPrompt stores (documentation, scripts, licences…)`,
  };
}

/** Claude Code also reads a plugin's .mcp.json without the mcpServers wrapper: wrap it, so the codec reads it. */
function wrapFlatMcp(content: string, notes: string[]): string {
  let value: unknown;
  try {
    value = JSON.parse(content);
  } catch {
    return content;
  }
  if (!isPlainObject(value) || 'mcpServers' in value || Object.keys(value).length === 0) return content;
  if (!Object.values(value).every((server) => isPlainObject(server))) return content;
  notes.push('the servers were written without an mcpServers key; stored under mcpServers');
  return `${JSON.stringify({ mcpServers: value }, null, 2)}\n`;
}

function readMember(
  fullPath: string,
  path: string,
  content: string,
  classified: Extract<Classified, { type: 'member' }>,
): PluginMember {
  const notes = classified.note ? [classified.note] : [];
  const text = classified.kind === 'mcp-config' ? wrapFlatMcp(content, notes) : content;
  let document: BlueprintDocument;
  try {
    const read = importFile({ content: text, format: classified.format });
    document = read.document;
    // The tolerances the reader needed (LENIENT_FRONTMATTER), as the tool itself reads the file.
    notes.push(...read.notes.map((note) => note.message));
  } catch (error) {
    if (error instanceof AppError) throw new PluginMemberRejectedError(fullPath, error);
    throw error;
  }
  const name = (document.kind === 'mcp-config' ? undefined : document.name) ?? classified.name;
  return { path, kind: classified.kind, format: classified.format, content: text, document, name, notes, files: [] };
}

async function readOne(
  candidate: Candidate,
  files: Map<string, PluginFileInput>,
  nested: string[],
): Promise<ReadPlugin> {
  const { root } = candidate;
  const manifests: StoredPlugin['manifests'] = {};
  const names: Partial<Record<PluginTool, string>> = {};
  for (const each of PLUGIN_TOOLS) {
    const path = root ? `${root}/${PLUGIN_LAYOUTS[each].manifestPath}` : PLUGIN_LAYOUTS[each].manifestPath;
    const file = files.get(path);
    if (!file) continue;
    const manifest = parseJsonObject(file);
    names[each] = checkManifest(path, manifest, PLUGIN_LAYOUTS[each]);
    manifests[each] = manifest;
  }
  // The marketplace's own tool first, then Claude Code, Cursor, Codex.
  let tool =
    candidate.tool && manifests[candidate.tool] ? candidate.tool : PLUGIN_TOOLS.find((each) => manifests[each]);
  let name = tool ? names[tool] : undefined;
  const manifestPath = tool
    ? root
      ? `${root}/${PLUGIN_LAYOUTS[tool].manifestPath}`
      : PLUGIN_LAYOUTS[tool].manifestPath
    : undefined;
  if (!tool) {
    // A marketplace entry may describe the plugin itself (Claude Code's strict: false).
    tool = candidate.tool ?? 'claude-code';
    const entryName = candidate.tool ? candidate.entries[candidate.tool]?.name : undefined;
    if (typeof entryName !== 'string' || !PLUGIN_NAME.test(entryName)) throw new PluginManifestMissingError();
    name = entryName;
  }
  const layout = PLUGIN_LAYOUTS[tool];
  const manifest = manifests[tool] ?? {};
  const stored: StoredPlugin = {
    tool,
    manifests,
    ...(Object.keys(candidate.entries).length > 0 ? { marketplaceEntries: candidate.entries } : {}),
  };
  const members: PluginMember[] = [];
  const skipped: SkippedFile[] = [];
  const attachments: { fullPath: string; path: string; file: PluginFileInput }[] = [];
  // Inline hooks are kept as written with the manifest.
  if (isPlainObject(manifest.hooks)) stored.hooks = { tool, config: manifest.hooks };
  if (isPlainObject(manifest.mcpServers)) {
    const content = `${JSON.stringify({ mcpServers: manifest.mcpServers }, null, 2)}\n`;
    const place = layout.members['mcp-config'];
    if (place) {
      const member = readMember(manifestPath ?? place.path, place.path, content, {
        type: 'member',
        kind: 'mcp-config',
        format: place.format,
        name: 'mcp',
      });
      member.notes.push("from the manifest's inline mcpServers");
      members.push(member);
    }
  }
  for (const [fullPath, file] of files) {
    const path = under(root, fullPath);
    if (path === undefined || nested.some((inner) => under(inner, fullPath) !== undefined)) continue;
    if (manifests[tool] && fullPath === manifestPath) continue;
    if (path === layout.marketplacePath && root === '') continue;
    const classified = classify(path, layout, manifest);
    if (classified.type === 'skip') {
      skipped.push({ path: fullPath, reason: classified.reason });
    } else if (classified.type === 'attachment') {
      attachments.push({ fullPath, path, file });
    } else if (classified.type === 'hooks') {
      stored.hooks = { tool, config: parseJsonObject(file) };
    } else {
      if (members.some((member) => member.path === path)) {
        throw new PluginPathInvalidError(fullPath, 'is given twice (the manifest holds the same component inline)');
      }
      // A member is parsed on the event loop (up to ~30 ms for a hostile 256 KB file): others get a turn between.
      await setImmediate();
      members.push(readMember(fullPath, path, textOf(file), classified));
    }
  }
  for (const attachment of attachments) {
    const skill = members.find(
      (member) => member.kind === 'skill' && attachment.path.startsWith(member.path.replace(/SKILL\.md$/, '')),
    );
    if (!skill) {
      skipped.push({ path: attachment.fullPath, reason: 'in a skill folder without a SKILL.md' });
      continue;
    }
    const { content, encoding } = attachment.file;
    skill.files.push({ path: attachment.path.slice(skill.path.length - 'SKILL.md'.length), content, encoding });
  }
  members.sort((a, b) => a.path.localeCompare(b.path));
  return { root, name: name!, tool, manifestPath, stored, members, skipped };
}

/**
 * What an upload holds: each plugin (by its marketplace, or by the manifests found), its members read with the
 * formats library, and every file that is not imported with the reason. Throws before anything is written when a
 * manifest or a member cannot be read.
 */
export async function readPlugins(input: readonly PluginFileInput[]): Promise<ReadPlugins> {
  const files = checkFiles(input);
  const skipped: SkippedFile[] = [];
  const candidates = findCandidates(files, skipped);
  if (candidates.length === 0) throw new PluginManifestMissingError();
  const roots = candidates.map((candidate) => candidate.root);
  const plugins: ReadPlugin[] = [];
  for (const candidate of candidates) {
    const nested = roots.filter((root) => root !== candidate.root && under(candidate.root, root) !== undefined);
    plugins.push(await readOne(candidate, files, nested));
  }
  for (const path of files.keys()) {
    if (roots.some((root) => under(root, path) !== undefined)) continue;
    if (PLUGIN_TOOLS.some((tool) => PLUGIN_LAYOUTS[tool].marketplacePath === path)) continue;
    skipped.push({ path, reason: 'outside every imported plugin' });
  }
  return { plugins, skipped };
}
