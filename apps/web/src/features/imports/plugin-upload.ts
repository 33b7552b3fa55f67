import type { CollectedFile } from './collect-files';

/** The tools whose plugins the API imports, with where each keeps its manifest and its marketplace. */
export const PLUGIN_PLACES = [
  {
    tool: 'claude-code',
    label: 'Claude Code',
    manifest: '.claude-plugin/plugin.json',
    marketplace: '.claude-plugin/marketplace.json',
  },
  {
    tool: 'cursor',
    label: 'Cursor',
    manifest: '.cursor-plugin/plugin.json',
    marketplace: '.cursor-plugin/marketplace.json',
  },
  {
    tool: 'codex',
    label: 'Codex',
    manifest: '.codex-plugin/plugin.json',
    marketplace: '.agents/plugins/marketplace.json',
  },
] as const;

export type PluginTool = (typeof PLUGIN_PLACES)[number]['tool'];

/** POST /plugins/import's bounds (apps/api/src/plugins/plugin-files.ts), checked before anything is sent. */
export const PLUGIN_LIMITS = { maxFiles: 500, maxTotalBytes: 8 * 1024 * 1024 } as const;

/** One plugin the files hold: its folder ('' for the root) and the manifests found there. */
export interface FoundPlugin {
  root: string;
  manifests: PluginTool[];
}

/** What a plugin import would send, or why it cannot. */
export interface PluginUpload {
  plugins: FoundPlugin[];
  /** Marketplace files at the root, which list the plugins. */
  marketplaces: string[];
  /** Every file under the plugins' folders plus the marketplaces, as the plugin route takes them. */
  files: CollectedFile[];
  /** Over the route's bounds: its error code and a sentence. */
  overLimit?: { code: 'PLUGIN_TOO_MANY_FILES' | 'PLUGIN_TOO_LARGE'; message: string };
}

function under(root: string, path: string): boolean {
  return root === '' || path.startsWith(`${root}/`);
}

/** A marketplace entry's local folder, as the API reads it; undefined for a repository or URL source. */
function localSource(source: unknown): string | undefined {
  const raw =
    typeof source === 'string'
      ? source
      : typeof source === 'object' && source !== null && (source as { source?: unknown }).source === 'local'
        ? (source as { path?: unknown }).path
        : undefined;
  if (typeof raw !== 'string') return undefined;
  const trimmed = raw.replace(/^(\.\/)+/, '').replace(/\/+$/, '');
  if (trimmed === '.' || trimmed === '') return '';
  return trimmed.split('/').some((segment) => segment === '..' || segment === '') ? undefined : trimmed;
}

/** The folders a marketplace file lists, or undefined when it cannot be read (the API will say why). */
function listedFolders(file: CollectedFile): string[] | undefined {
  try {
    const value = JSON.parse(file.content) as { plugins?: unknown };
    if (!Array.isArray(value.plugins)) return undefined;
    return value.plugins
      .map((entry: unknown) =>
        typeof entry === 'object' && entry !== null ? localSource((entry as { source?: unknown }).source) : undefined,
      )
      .filter((root): root is string => root !== undefined);
  } catch {
    return undefined;
  }
}

/**
 * The plugins among the files of a folder or zip, found as the API finds them: the folders a root marketplace lists,
 * or else every folder holding a manifest. Undefined when there is none.
 */
export function findPluginUpload(files: readonly CollectedFile[]): PluginUpload | undefined {
  const byPath = new Map(files.map((file) => [file.path, file]));
  const marketplaces: string[] = PLUGIN_PLACES.map((place) => place.marketplace).filter((path) => byPath.has(path));
  const manifestRoots = new Map<string, PluginTool[]>();
  for (const file of files) {
    for (const place of PLUGIN_PLACES) {
      if (file.path !== place.manifest && !file.path.endsWith(`/${place.manifest}`)) continue;
      const root = file.path.slice(0, file.path.length - place.manifest.length).replace(/\/$/, '');
      manifestRoots.set(root, [...(manifestRoots.get(root) ?? []), place.tool]);
    }
  }
  let roots = [...manifestRoots.keys()];
  if (marketplaces.length > 0) {
    const listed = marketplaces.map((path) => listedFolders(byPath.get(path)!));
    // An unreadable marketplace is sent as it is, so the API names what is wrong with it.
    if (listed.every((folders) => folders !== undefined)) {
      roots = [...new Set(listed.flat())].filter((root) => files.some((file) => under(root, file.path)));
    }
  }
  if (roots.length === 0 && marketplaces.length === 0) return undefined;
  roots.sort();
  const sent = files.filter((file) => marketplaces.includes(file.path) || roots.some((root) => under(root, file.path)));
  const total = sent.reduce((sum, file) => sum + file.sizeBytes, 0);
  const overLimit =
    sent.length > PLUGIN_LIMITS.maxFiles
      ? {
          code: 'PLUGIN_TOO_MANY_FILES' as const,
          message: `The plugin files number ${sent.length}; a plugin import takes at most ${PLUGIN_LIMITS.maxFiles}.`,
        }
      : total > PLUGIN_LIMITS.maxTotalBytes
        ? {
            code: 'PLUGIN_TOO_LARGE' as const,
            message: `The plugin files add up to ${total} bytes; a plugin import takes at most ${PLUGIN_LIMITS.maxTotalBytes}.`,
          }
        : undefined;
  return {
    plugins: roots.map((root) => ({ root, manifests: manifestRoots.get(root) ?? [] })),
    marketplaces,
    files: sent,
    ...(overLimit ? { overLimit } : {}),
  };
}

/** Under the server's default 1 MB request body, as the blueprint import batches are. */
const BATCH_BYTES = 900_000;

const encoder = new TextEncoder();

function jsonBytes(file: CollectedFile): number {
  return encoder.encode(JSON.stringify({ path: file.path, content: file.content, encoding: file.encoding })).length + 1;
}

/**
 * The upload in requests under `maxBytes` of JSON (the server's request body limit is 1 MB by default): one request
 * when it fits or holds one plugin, else whole plugins packed together, each request with the marketplaces. A plugin
 * is never split, so each one stays all or nothing.
 */
export function splitPluginUpload(upload: PluginUpload, maxBytes: number = BATCH_BYTES): CollectedFile[][] {
  const total = upload.files.reduce((sum, file) => sum + jsonBytes(file), 0);
  if (total <= maxBytes || upload.plugins.length <= 1) return [upload.files];
  const marketplaces = upload.files.filter((file) => upload.marketplaces.includes(file.path));
  const roots = upload.plugins.map((plugin) => plugin.root);
  const groups = roots.map((root) => {
    // A plugin nested in another's folder goes with its own group, not its parent's.
    const nested = roots.filter((other) => other !== root && other.startsWith(root === '' ? '' : `${root}/`));
    return upload.files.filter(
      (file) =>
        !upload.marketplaces.includes(file.path) &&
        under(root, file.path) &&
        !nested.some((inner) => under(inner, file.path)),
    );
  });
  const batches: CollectedFile[][] = [];
  let current: CollectedFile[] = [];
  let bytes = 0;
  const base = marketplaces.reduce((sum, file) => sum + jsonBytes(file), 0);
  for (const group of groups) {
    const groupBytes = group.reduce((sum, file) => sum + jsonBytes(file), 0);
    if (current.length > 0 && base + bytes + groupBytes > maxBytes) {
      batches.push([...marketplaces, ...current]);
      current = [];
      bytes = 0;
    }
    current.push(...group);
    bytes += groupBytes;
  }
  if (current.length > 0) batches.push([...marketplaces, ...current]);
  return batches;
}
