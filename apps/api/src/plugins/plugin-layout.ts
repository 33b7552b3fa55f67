import { isPlainObject, type BlueprintKind } from '@lynxprompt/formats';

/** The tools whose plugin format is documented: Claude Code, Cursor and Codex. */
export const PLUGIN_TOOLS = ['claude-code', 'cursor', 'codex'] as const;
export type PluginTool = (typeof PLUGIN_TOOLS)[number];

/** Where a member of one kind sits in a plugin and which format it is written in. */
export interface MemberPlace {
  kind: BlueprintKind;
  format: string;
  /** `{slug}` stands for the member's name; a path without it holds one file for all members of the kind. */
  path: string;
  /** Why this format stands in for the tool's own, when the tool has no format of its own in the registry. */
  note?: string;
}

/** One tool's plugin layout, from its own documentation. */
export interface PluginLayout {
  tool: PluginTool;
  label: string;
  /** The manifest, relative to the plugin root. */
  manifestPath: string;
  /** The marketplace that lists plugins, relative to the marketplace root. */
  marketplacePath: string;
  /** Where each kind of member sits in the plugin (the kinds without an entry have no place in it). */
  members: Partial<Record<BlueprintKind, MemberPlace>>;
  /** Hooks in a format the registry has no codec for: kept with the plugin's manifest, written back as they were. */
  hooksPath?: string;
  /** Manifest keys that point at component paths or hold components inline. */
  componentKeys: readonly string[];
  /** The tool's plugin reference. */
  docsUrl: string;
}

export const PLUGIN_LAYOUTS: Record<PluginTool, PluginLayout> = {
  'claude-code': {
    tool: 'claude-code',
    label: 'Claude Code plugin',
    manifestPath: '.claude-plugin/plugin.json',
    marketplacePath: '.claude-plugin/marketplace.json',
    members: {
      agent: { kind: 'agent', format: 'claude-agent', path: 'agents/{slug}.md' },
      command: { kind: 'command', format: 'claude-command', path: 'commands/{slug}.md' },
      skill: { kind: 'skill', format: 'claude-skill', path: 'skills/{slug}/SKILL.md' },
      'mcp-config': { kind: 'mcp-config', format: 'claude-mcp', path: '.mcp.json' },
      // hooks/hooks.json has the `hooks` shape of .claude/settings.json.
      settings: { kind: 'settings', format: 'claude-settings', path: 'hooks/hooks.json' },
    },
    componentKeys: ['commands', 'agents', 'skills', 'hooks', 'mcpServers', 'outputStyles', 'lspServers'],
    docsUrl: 'https://code.claude.com/docs/en/plugins-reference',
  },
  cursor: {
    tool: 'cursor',
    label: 'Cursor plugin',
    manifestPath: '.cursor-plugin/plugin.json',
    marketplacePath: '.cursor-plugin/marketplace.json',
    members: {
      rules: { kind: 'rules', format: 'cursor-rules', path: 'rules/{slug}.mdc' },
      agent: {
        kind: 'agent',
        format: 'claude-agent',
        path: 'agents/{slug}.md',
        note: 'written as a Markdown agent with name and description frontmatter (no Cursor agent format in the registry yet)',
      },
      command: { kind: 'command', format: 'cursor-command', path: 'commands/{slug}.md' },
      skill: { kind: 'skill', format: 'cursor-skill', path: 'skills/{slug}/SKILL.md' },
      'mcp-config': { kind: 'mcp-config', format: 'cursor-mcp', path: 'mcp.json' },
    },
    hooksPath: 'hooks/hooks.json',
    componentKeys: ['rules', 'agents', 'commands', 'skills', 'hooks', 'mcpServers'],
    docsUrl: 'https://cursor.com/docs/reference/plugins',
  },
  codex: {
    tool: 'codex',
    label: 'Codex plugin',
    manifestPath: '.codex-plugin/plugin.json',
    marketplacePath: '.agents/plugins/marketplace.json',
    members: {
      skill: { kind: 'skill', format: 'codex-skill', path: 'skills/{slug}/SKILL.md' },
      'mcp-config': {
        kind: 'mcp-config',
        format: 'claude-mcp',
        path: '.mcp.json',
        note: "read with the Claude Code codec: a Codex plugin's .mcp.json is the same mcpServers JSON",
      },
    },
    hooksPath: 'hooks/hooks.json',
    componentKeys: ['skills', 'hooks', 'mcpServers', 'apps'],
    docsUrl: 'https://developers.openai.com/codex/plugins/build',
  },
};

/** Manifest keys every tool's manifest shares: carried over when one tool's manifest stands in for another's. */
export const SHARED_MANIFEST_KEYS = [
  'name',
  'version',
  'description',
  'author',
  'homepage',
  'repository',
  'license',
  'keywords',
] as const;

export function isPluginTool(tool: string): tool is PluginTool {
  return (PLUGIN_TOOLS as readonly string[]).includes(tool);
}

/** What a hierarchy imported from a plugin keeps of it (the hierarchy's plugin_manifest column). */
export interface StoredPlugin {
  /** The tool whose manifest the plugin was imported with. */
  tool: PluginTool;
  /** Each manifest the plugin carried, by tool, as written. */
  manifests: Partial<Record<PluginTool, Record<string, unknown>>>;
  /** hooks/hooks.json as written, for tools whose hooks have no settings format here (Cursor, Codex). */
  hooks?: { tool: PluginTool; config: Record<string, unknown> };
  /** The plugin's entry in each tool's marketplace that listed it (a repository may have one per tool). */
  marketplaceEntries?: Partial<Record<PluginTool, Record<string, unknown>>>;
}

/** What a hierarchy's stored plugin says about itself: the tool it came from and the tools it has manifests for. */
export function pluginSummaryOf(stored: unknown): { tool: PluginTool; manifests: PluginTool[] } | null {
  if (typeof stored !== 'object' || stored === null) return null;
  const { tool, manifests } = stored as Partial<StoredPlugin>;
  if (!tool || !(PLUGIN_TOOLS as readonly string[]).includes(tool)) return null;
  const tools = PLUGIN_TOOLS.filter((candidate) => manifests?.[candidate] !== undefined);
  return { tool, manifests: tools };
}

/** A hierarchy's plugin_manifest column as a stored plugin, or null when it holds none (or something else). */
export function storedPluginOf(value: unknown): StoredPlugin | null {
  if (!isPlainObject(value) || !isPlainObject(value.manifests) || typeof value.tool !== 'string') return null;
  return isPluginTool(value.tool) ? (value as unknown as StoredPlugin) : null;
}
