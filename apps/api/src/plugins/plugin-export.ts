import { AppError } from '../common/errors/app-error';
import {
  exportDocument,
  importFile,
  type BlueprintKind,
  type ConversionChange,
  type ConversionReport,
  type ZipEntry,
  isPlainObject,
  isSafeSlug,
} from '@lynxprompt/formats';
import { slugify } from '../blueprints/blueprint-rules';
import {
  PLUGIN_LAYOUTS,
  PLUGIN_TOOLS,
  SHARED_MANIFEST_KEYS,
  type PluginLayout,
  type PluginTool,
  type StoredPlugin,
} from './plugin-layout';

/** What the export needs of the hierarchy. */
export interface PluginSource {
  id: string;
  name: string;
  description: string;
  ownerName: string;
  stored: StoredPlugin | null;
}

/** One readable member and the content of the version this caller reads. */
export interface PluginSourceMember {
  name: string;
  kind: BlueprintKind;
  format: string;
  repositoryPath: string;
  content: string;
  /** A skill's attached files, relative to its SKILL.md's folder. */
  files?: { path: string; content: string | Uint8Array }[];
}

/** What became of one member, for CONVERSION.md. */
interface MemberOutcome {
  from: string;
  to?: string;
  report?: ConversionReport;
  /** Kept byte for byte: the member is already in the tool's format. */
  asStored?: boolean;
  leftOut?: string;
  /** Attached files written beside it unchanged, by their path in the plugin. */
  attached?: string[];
}

export interface Notes {
  manifest: ConversionChange[];
  marketplace: ConversionChange[];
  members: MemberOutcome[];
  notIncluded: { path: string; reason: string }[];
}

const PLUGIN_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** The plugin's manifest for `tool`: its own as imported, another tool's shared keys, or derived from the hierarchy. */
export function manifestFor(
  tool: PluginTool,
  source: PluginSource,
): { manifest: Record<string, unknown>; changes: ConversionChange[] } {
  const changes: ConversionChange[] = [];
  const stored = source.stored;
  const own = stored?.manifests[tool];
  let manifest: Record<string, unknown>;
  if (own) {
    manifest = { ...own };
  } else {
    const otherTool =
      stored && (stored.manifests[stored.tool] ? stored.tool : PLUGIN_TOOLS.find((t) => stored.manifests[t]));
    const other = otherTool ? stored?.manifests[otherTool] : undefined;
    if (otherTool && other) {
      manifest = {};
      const componentKeys = new Set(PLUGIN_TOOLS.flatMap((t) => PLUGIN_LAYOUTS[t].componentKeys));
      for (const [key, value] of Object.entries(other)) {
        if ((SHARED_MANIFEST_KEYS as readonly string[]).includes(key)) manifest[key] = value;
        else if (!componentKeys.has(key)) {
          changes.push({
            field: key,
            change: 'dropped',
            message: `${key} of the ${otherTool} manifest has no place here`,
          });
        }
      }
      changes.push({
        field: 'manifest',
        change: 'derived',
        message: `written from the ${otherTool} manifest (${Object.keys(manifest).join(', ')})`,
        from: otherTool,
        to: tool,
      });
    } else {
      const name = slugify(source.name) || source.id;
      manifest = { name, ...(source.description ? { description: source.description } : {}) };
      changes.push({
        field: 'name',
        change: 'derived',
        message: "from the hierarchy's name",
        from: source.name,
        to: name,
      });
      if (source.description) {
        changes.push({ field: 'description', change: 'derived', message: "the hierarchy's description" });
      }
    }
  }
  if (typeof manifest.name !== 'string' || !PLUGIN_NAME.test(manifest.name)) {
    const name = slugify(String(manifest.name ?? source.name)) || source.id;
    changes.push({
      field: 'name',
      change: 'derived',
      message: 'a plugin name must be an identifier',
      from: String(manifest.name),
      to: name,
    });
    manifest.name = name;
  }
  for (const key of PLUGIN_LAYOUTS[tool].componentKeys) {
    if (manifest[key] === undefined) continue;
    delete manifest[key];
    changes.push({
      field: key,
      change: 'changed',
      message: `${key} is laid out in the plugin's default place instead of the path or inline value the manifest gave`,
    });
  }
  return { manifest, changes };
}

/** The marketplace file listing this one plugin, at the root of the zip, the plugin under plugins/<name>. */
export function marketplaceFor(
  tool: PluginTool,
  manifest: Record<string, unknown>,
  source: PluginSource,
): { path: string; content: string; changes: ConversionChange[] } {
  const name = manifest.name as string;
  const folder = `plugins/${name}`;
  const changes: ConversionChange[] = [];
  const kept = source.stored?.marketplaceEntries?.[tool];
  const { source: _source, ...entry } = kept ?? {};
  const marketplaceName = `${name}-marketplace`;
  changes.push({
    field: 'name',
    change: 'derived',
    message: 'the marketplace is named after the plugin',
    to: marketplaceName,
  });
  const described = {
    ...(typeof manifest.description === 'string' ? { description: manifest.description } : {}),
    ...(typeof manifest.version === 'string' ? { version: manifest.version } : {}),
  };
  const path = PLUGIN_LAYOUTS[tool].marketplacePath;
  if (tool === 'codex') {
    const category = typeof entry.category === 'string' ? entry.category : 'Productivity';
    if (typeof entry.category !== 'string') {
      changes.push({
        field: 'category',
        change: 'derived',
        message: 'Codex lists every plugin under a category',
        to: category,
      });
    }
    const plugin = {
      ...entry,
      name,
      source: { source: 'local', path: `./${folder}` },
      policy: isPlainObject(entry.policy) ? entry.policy : { installation: 'AVAILABLE', authentication: 'ON_INSTALL' },
      category,
    };
    return {
      path,
      content: json({ name: marketplaceName, interface: { displayName: source.name }, plugins: [plugin] }),
      changes,
    };
  }
  changes.push({ field: 'owner', change: 'derived', message: "the hierarchy's owner", to: source.ownerName });
  const plugin = { ...described, ...entry, name, source: tool === 'cursor' ? folder : `./${folder}` };
  return {
    path,
    content: json({ name: marketplaceName, owner: { name: source.ownerName }, plugins: [plugin] }),
    changes,
  };
}

/** The member's name in the plugin: its file (or skill folder) name where that is an identifier, else from its name. */
function slugOf(member: PluginSourceMember): string {
  const path = member.repositoryPath;
  const skill = /(?:^|\/)([^/]+)\/SKILL\.md$/i.exec(path);
  const base = skill
    ? skill[1]!
    : path
        .slice(path.lastIndexOf('/') + 1)
        .replace(/\.(md|mdc|toml|json|ya?ml)$/i, '')
        .replace(/\.(agent|prompt|instructions|chatmode)$/i, '');
  if (isSafeSlug(base)) return base;
  return slugify(member.name) || 'member';
}

function freePath(pattern: string, slug: string, used: Set<string>): { path: string; slug: string } | undefined {
  if (!pattern.includes('{slug}')) {
    if (used.has(pattern)) return undefined;
    used.add(pattern);
    return { path: pattern, slug };
  }
  for (let n = 1; ; n += 1) {
    const candidate = n === 1 ? slug : `${slug}-${n}`;
    const path = pattern.replace('{slug}', candidate);
    if (!used.has(path)) {
      used.add(path);
      return { path, slug: candidate };
    }
  }
}

function causeOf(error: unknown): string {
  return error instanceof AppError ? `${error.code}: ${error.message}` : 'it could not be converted';
}

function convertMember(
  member: PluginSourceMember,
  layout: PluginLayout,
  root: string,
  used: Set<string>,
  notes: Notes,
): ZipEntry[] {
  const place = layout.members[member.kind];
  if (!place) {
    const leftOut =
      member.kind === 'settings'
        ? `${layout.label}s write hooks in a format LynxPrompt has no codec for`
        : `a ${layout.label} holds no ${member.kind}`;
    notes.members.push({ from: member.repositoryPath, leftOut });
    return [];
  }
  const wanted = slugOf(member);
  const free = freePath(place.path, wanted, used);
  if (!free) {
    notes.members.push({ from: member.repositoryPath, leftOut: `another member already is ${place.path}` });
    return [];
  }
  const { path, slug } = free;
  if (member.kind === 'settings') {
    for (const script of scriptsIn(member.content)) {
      notes.notIncluded.push({
        path: script,
        reason: `run by ${path}: plugin scripts are not stored, add it before installing`,
      });
    }
  }
  const outcome: MemberOutcome = { from: member.repositoryPath, to: path };
  try {
    let content = member.content;
    if (member.format === place.format) {
      outcome.asStored = true;
    } else {
      const { document } = importFile({ content: member.content, format: member.format });
      const exported = exportDocument(document, place.format, { slug });
      outcome.report = exported.report;
      content = exported.content;
      if (slug !== wanted) {
        exported.report.changes.push({
          field: 'slug',
          change: 'derived',
          message: 'another member had the same name',
          from: wanted,
          to: slug,
        });
      }
    }
    notes.members.push(outcome);
    return [{ path: `${root}/${path}`, content }, ...attachedEntries(member, path, root, used, outcome, notes)];
  } catch (error) {
    used.delete(path);
    notes.members.push({ from: member.repositoryPath, leftOut: causeOf(error) });
    return [];
  }
}

/** A skill's attached files beside its SKILL.md, unchanged; one at a path already taken is left out and reported. */
function attachedEntries(
  member: PluginSourceMember,
  path: string,
  root: string,
  used: Set<string>,
  outcome: MemberOutcome,
  notes: Notes,
): ZipEntry[] {
  const folder = path.slice(0, path.lastIndexOf('/') + 1);
  const entries: ZipEntry[] = [];
  for (const file of member.files ?? []) {
    const target = `${folder}${file.path}`;
    if (used.has(target)) {
      notes.notIncluded.push({
        path: `${member.repositoryPath}: ${file.path}`,
        reason: `${target} is another file's path`,
      });
      continue;
    }
    used.add(target);
    (outcome.attached ??= []).push(target);
    entries.push({ path: `${root}/${target}`, content: file.content });
  }
  return entries;
}

/** Every MCP member's servers in the one file the tool reads; the first of two servers with one name wins. */
function mergeMcp(
  members: PluginSourceMember[],
  layout: PluginLayout,
  root: string,
  notes: Notes,
): ZipEntry | undefined {
  const place = layout.members['mcp-config'];
  if (members.length === 0) return undefined;
  if (!place) {
    for (const member of members)
      notes.members.push({ from: member.repositoryPath, leftOut: `a ${layout.label} holds no MCP servers` });
    return undefined;
  }
  const only = members.length === 1 ? members[0]! : undefined;
  if (only?.format === place.format) {
    notes.members.push({ from: only.repositoryPath, to: place.path, asStored: true });
    return { path: `${root}/${place.path}`, content: only.content };
  }
  if (only) {
    try {
      const exported = exportDocument(
        importFile({ content: only.content, format: only.format }).document,
        place.format,
        {
          slug: 'mcp',
        },
      );
      notes.members.push({ from: only.repositoryPath, to: place.path, report: exported.report });
      return { path: `${root}/${place.path}`, content: exported.content };
    } catch (error) {
      notes.members.push({ from: only.repositoryPath, leftOut: causeOf(error) });
      return undefined;
    }
  }
  const servers: Record<string, unknown> = {};
  const changes: ConversionChange[] = [];
  for (const member of members) {
    try {
      const { document } = importFile({ content: member.content, format: member.format });
      const own = JSON.parse(document.body) as Record<string, unknown>;
      for (const [name, server] of Object.entries(own)) {
        if (name in servers) {
          changes.push({
            field: `server:${name}`,
            change: 'dropped',
            message: `${member.repositoryPath} names a server another member already has`,
          });
        } else {
          servers[name] = server;
        }
      }
      if (document.extra && Object.keys(document.extra).length > 0) {
        changes.push({
          field: 'extra',
          change: 'dropped',
          message: `${member.repositoryPath}: settings besides the servers are not merged`,
        });
      }
    } catch (error) {
      notes.members.push({ from: member.repositoryPath, leftOut: causeOf(error) });
    }
  }
  const exported = exportDocument({ kind: 'mcp-config', body: JSON.stringify(servers) }, place.format, { slug: 'mcp' });
  changes.push({ field: 'file', change: 'changed', message: `${members.length} MCP configurations merged into one` });
  exported.report.changes.push(...changes);
  exported.report.lossless = exported.report.lossless && !changes.some((change) => change.change !== 'derived');
  notes.members.push({
    from: members.map((member) => member.repositoryPath).join(', '),
    to: place.path,
    report: exported.report,
  });
  return { path: `${root}/${place.path}`, content: exported.content };
}

/** Files a hooks configuration runs that the plugin export cannot include (LynxPrompt stores no scripts). */
function scriptsIn(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(/\$\{(?:CLAUDE_PLUGIN_ROOT|CURSOR_PLUGIN_ROOT|PLUGIN_ROOT)\}\/([^\s"'\\]+)/g)) {
    found.add(match[1]!);
  }
  return [...found];
}

/** Hooks kept with the manifest (Cursor and Codex hooks, inline hooks): written back only for the tool they are for. */
function hooksEntry(
  tool: PluginTool,
  source: PluginSource,
  root: string,
  used: Set<string>,
  notes: Notes,
): ZipEntry | undefined {
  const hooks = source.stored?.hooks;
  const layout = PLUGIN_LAYOUTS[tool];
  if (!hooks) return undefined;
  const path = layout.hooksPath ?? layout.members.settings?.path;
  if (hooks.tool !== tool || !path) {
    notes.notIncluded.push({
      path: 'hooks',
      reason: `the hooks are written for ${hooks.tool}, whose hook events and format ${layout.label}s do not share`,
    });
    return undefined;
  }
  if (used.has(path)) {
    notes.notIncluded.push({ path: 'hooks', reason: `the manifest's inline hooks: ${path} holds a member's hooks` });
    return undefined;
  }
  for (const script of scriptsIn(JSON.stringify(hooks.config))) {
    notes.notIncluded.push({
      path: script,
      reason: `run by ${path}: plugin scripts are not stored, add it before installing`,
    });
  }
  return { path: `${root}/${path}`, content: json(hooks.config) };
}

function changeLines(changes: readonly ConversionChange[]): string[] {
  return changes.map((change) => {
    const values =
      change.from !== undefined || change.to !== undefined ? ` (${change.from ?? '–'} → ${change.to ?? '–'})` : '';
    return `- ${change.change} \`${change.field}\`: ${change.message}${values}`;
  });
}

/** CONVERSION.md: what the export derived, changed, dropped or left out, member by member. */
function isLossless(notes: Notes): boolean {
  return (
    notes.members.every((member) => !member.leftOut && (member.asStored || member.report?.lossless)) &&
    notes.notIncluded.length === 0 &&
    [...notes.manifest, ...notes.marketplace].every(
      (change) => change.change === 'derived' || change.change === 'translated',
    )
  );
}

/**
 * The whole export as one report (the X-Conversion-Report header): each change under its file's plugin path
 * (`agents/x.md:model`), members left out and files not included as dropped.
 */
export function summaryReport(tool: PluginTool, notes: Notes): ConversionReport {
  const changes: ConversionChange[] = [
    ...notes.manifest.map((change) => ({ ...change, field: `manifest:${change.field}` })),
    ...notes.marketplace.map((change) => ({ ...change, field: `marketplace:${change.field}` })),
  ];
  for (const member of notes.members) {
    if (member.leftOut) changes.push({ field: `file:${member.from}`, change: 'dropped', message: member.leftOut });
    for (const change of member.report?.changes ?? [])
      changes.push({ ...change, field: `${member.to}:${change.field}` });
  }
  for (const file of notes.notIncluded)
    changes.push({ field: `file:${file.path}`, change: 'dropped', message: file.reason });
  return { from: 'hierarchy', to: PLUGIN_LAYOUTS[tool].manifestPath, lossless: isLossless(notes), changes };
}

export function conversionMarkdown(tool: PluginTool, source: PluginSource, pluginRoot: string, notes: Notes): string {
  const layout = PLUGIN_LAYOUTS[tool];
  const lossless = isLossless(notes);
  const lines = [
    `# Conversion report: ${source.name} as a ${layout.label}`,
    '',
    `Exported by LynxPrompt from hierarchy \`${source.id}\` into \`${pluginRoot}/\` (${layout.docsUrl}).`,
    `Lossless: ${lossless ? 'yes' : 'no'}.`,
    '',
    `## Manifest (${pluginRoot}/${layout.manifestPath})`,
    '',
    ...(notes.manifest.length ? changeLines(notes.manifest) : ['Kept as imported.']),
    '',
    `## Marketplace (${layout.marketplacePath})`,
    '',
    ...changeLines(notes.marketplace),
    '',
    '## Members',
    '',
  ];
  for (const member of notes.members.filter((each) => !each.leftOut)) {
    const status = member.asStored
      ? 'kept as stored (already in this format)'
      : `converted ${member.report?.from} → ${member.report?.to}${member.report?.lossless ? ', lossless' : ''}`;
    lines.push(`### ${member.to} (from ${member.from})`, '', `${status}.`);
    if (member.report) lines.push(...changeLines(member.report.changes));
    if (member.attached?.length) {
      lines.push('', `Attached files, copied unchanged (${member.attached.length}):`, '');
      lines.push(...member.attached.map((path) => `- \`${path}\``));
    }
    lines.push('');
  }
  const leftOut = notes.members.filter((member) => member.leftOut);
  if (leftOut.length) {
    lines.push('## Left out', '', ...leftOut.map((member) => `- \`${member.from}\`: ${member.leftOut}`), '');
  }
  if (notes.notIncluded.length) {
    lines.push('## Not included', '', ...notes.notIncluded.map((file) => `- \`${file.path}\`: ${file.reason}`), '');
  }
  return lines.join('\n');
}

/**
 * The zip's entries in order: marketplace, manifest, members as they are read (one converted at a time), then the
 * merged MCP servers, hooks and CONVERSION.md, whose contents depend on every member.
 */
export async function* pluginEntries(
  tool: PluginTool,
  source: PluginSource,
  members: AsyncIterable<PluginSourceMember>,
  onDone?: (notes: Notes) => void,
): AsyncGenerator<ZipEntry> {
  const layout = PLUGIN_LAYOUTS[tool];
  const notes: Notes = { manifest: [], marketplace: [], members: [], notIncluded: [] };
  const { manifest, changes } = manifestFor(tool, source);
  notes.manifest.push(...changes);
  const root = `plugins/${manifest.name as string}`;
  const marketplace = marketplaceFor(tool, manifest, source);
  notes.marketplace.push(...marketplace.changes);
  yield { path: marketplace.path, content: marketplace.content };
  yield { path: `${root}/${layout.manifestPath}`, content: json(manifest) };
  const used = new Set<string>([layout.manifestPath]);
  const mcp: PluginSourceMember[] = [];
  for await (const member of members) {
    if (member.kind === 'mcp-config') {
      mcp.push(member);
      continue;
    }
    yield* convertMember(member, layout, root, used, notes);
  }
  const mcpEntry = mergeMcp(mcp, layout, root, notes);
  if (mcpEntry) yield mcpEntry;
  const hooks = hooksEntry(tool, source, root, used, notes);
  if (hooks) yield hooks;
  yield { path: 'CONVERSION.md', content: conversionMarkdown(tool, source, root, notes) };
  onDone?.(notes);
}

/**
 * The export's report before the first byte: the same entries built once without keeping them (contents are read
 * again for the zip itself), so the header can say what CONVERSION.md will.
 */
export async function planReport(
  tool: PluginTool,
  source: PluginSource,
  members: AsyncIterable<PluginSourceMember>,
): Promise<ConversionReport> {
  let report: ConversionReport | undefined;
  for await (const _entry of pluginEntries(tool, source, members, (notes) => (report = summaryReport(tool, notes)))) {
    // Each entry is dropped at once: only the report is kept.
  }
  return report!;
}
