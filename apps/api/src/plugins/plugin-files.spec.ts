import { strFromU8, unzipSync } from 'fflate';
import { importFile, zipStream } from '@lynxprompt/formats';
import { pluginEntries, type PluginSource, type PluginSourceMember } from './plugin-export';
import { readPlugins, type ReadPlugin } from './plugin-files';
import { PluginsErrorCode } from './plugins.errors';
import { isCorpusAssembled, NOT_ASSEMBLED_NOTE } from '../../test/fixtures/corpus/corpus';
import { multiToolUpload, officialPluginsUpload } from '../../test/support/plugin-uploads';

const withCorpus = isCorpusAssembled() ? describe : describe.skip;
if (!isCorpusAssembled()) console.warn(NOT_ASSEMBLED_NOTE);

async function codeOf(run: () => Promise<unknown>): Promise<string | undefined> {
  try {
    await run();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
}

async function unzip(chunks: AsyncIterable<Uint8Array>): Promise<Record<string, string>> {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  const files = unzipSync(new Uint8Array(Buffer.concat(parts)));
  return Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

withCorpus('reading real plugins (repository corpus)', () => {
  const files = isCorpusAssembled() ? officialPluginsUpload() : [];

  it('reads each plugin the marketplace lists, its members by folder and its hooks', async () => {
    const { plugins } = await readPlugins(files);
    expect(plugins.map((plugin) => [plugin.name, plugin.tool, plugin.root])).toEqual([
      ['hookify', 'claude-code', 'plugins/hookify'],
      ['example-plugin', 'claude-code', 'plugins/example-plugin'],
    ]);
    const [hookify, example] = plugins;
    expect(hookify!.members.map((member) => [member.path, member.format])).toEqual([
      ['agents/conversation-analyzer.md', 'claude-agent'],
      ['commands/configure.md', 'claude-command'],
      ['commands/help.md', 'claude-command'],
      ['commands/hookify.md', 'claude-command'],
      ['commands/list.md', 'claude-command'],
      ['hooks/hooks.json', 'claude-settings'],
      ['skills/writing-rules/SKILL.md', 'claude-skill'],
    ]);
    // hooks/hooks.json is a settings member; its hooks are the body, its description an extra key.
    const hooks = hookify!.members.find((member) => member.kind === 'settings')!;
    expect(Object.keys(JSON.parse(hooks.document.body).hooks)).toContain('PreToolUse');
    expect(hookify!.stored.hooks).toBeUndefined();
    expect(hookify!.stored.marketplaceEntries?.['claude-code']).toMatchObject({ category: 'productivity' });
    expect(hookify!.skipped.map((file) => file.path)).toContain('plugins/hookify/hooks/pretooluse.py');
    const mcp = example!.members.find((member) => member.kind === 'mcp-config');
    expect(mcp?.notes[0]).toMatch(/without an mcpServers key/);
    expect(JSON.parse(mcp!.document.body)).toEqual({
      'example-server': { type: 'http', url: 'https://mcp.example.com/api' },
    });
  });

  it('reads a single plugin by its manifest, without a marketplace', async () => {
    const single = files
      .filter((file) => file.path.startsWith('plugins/hookify/'))
      .map((file) => ({ ...file, path: file.path.slice('plugins/hookify/'.length) }));
    const { plugins } = await readPlugins(single);
    expect(plugins).toHaveLength(1);
    expect(plugins[0]).toMatchObject({ root: '', name: 'hookify', manifestPath: '.claude-plugin/plugin.json' });
  });

  it('reads a repository with a marketplace per tool: each plugin once, with every manifest and entry', async () => {
    const { plugins, skipped } = await readPlugins(multiToolUpload(['conductor']));
    expect(plugins).toHaveLength(1);
    const [conductor] = plugins;
    expect(conductor).toMatchObject({ name: 'conductor', tool: 'claude-code', root: 'plugins/conductor' });
    expect(Object.keys(conductor!.stored.manifests).sort()).toEqual(['claude-code', 'codex']);
    expect(Object.keys(conductor!.stored.marketplaceEntries ?? {}).sort()).toEqual(['claude-code', 'codex', 'cursor']);
    expect(new Set(conductor!.members.map((member) => member.kind))).toEqual(new Set(['agent', 'command', 'skill']));
    expect(skipped.some((file) => /#accessibility-compliance$/.test(file.path))).toBe(true);
  });
});

describe('exporting plugins', () => {
  it("converts a Gemini CLI hooks member into the plugin's hooks/hooks.json, events translated and reported", async () => {
    const source: PluginSource = {
      id: 'ha_x',
      name: 'Guard rails',
      description: '',
      ownerName: 'Tester',
      stored: null,
    };
    async function* members(): AsyncGenerator<PluginSourceMember> {
      yield {
        name: 'settings',
        kind: 'settings',
        format: 'gemini-settings',
        repositoryPath: '.gemini/settings.json',
        content: JSON.stringify({
          hooks: { BeforeTool: [{ matcher: 'run_shell_command', hooks: [{ type: 'command', command: 'check.sh' }] }] },
        }),
      };
    }
    const zip = await unzip(zipStream(pluginEntries('claude-code', source, members())));
    expect(JSON.parse(zip['plugins/guard-rails/hooks/hooks.json']!)).toEqual({
      hooks: { PreToolUse: [{ matcher: 'Bash', hooks: [{ type: 'command', command: 'check.sh' }] }] },
    });
    expect(JSON.parse(zip['plugins/guard-rails/.claude-plugin/plugin.json']!)).toEqual({ name: 'guard-rails' });
    expect(zip['CONVERSION.md']).toMatch(/derived `name`: from the hierarchy's name \(Guard rails → guard-rails\)/);
    expect(zip['CONVERSION.md']).toMatch(/### hooks\/hooks.json \(from .gemini\/settings.json\)/);
  });
});

describe('reading plugins', () => {
  it('reads Cursor and Codex plugins by their own layouts, and custom component paths', async () => {
    const utf8 = (path: string, content: string) => ({ path, content, encoding: 'utf8' as const });
    const cursor = (
      await readPlugins([
        utf8('.cursor-plugin/plugin.json', '{"name":"team-kit","displayName":"Team Kit"}'),
        utf8('rules/style.mdc', '---\ndescription: Style\nglobs: src/**\nalwaysApply: false\n---\nKeep it short.\n'),
        utf8('commands/ship.md', 'Ship it.\n'),
        utf8('mcp.json', '{"mcpServers":{"docs":{"url":"https://docs.example.com/mcp"}}}'),
        utf8('hooks/hooks.json', '{"version":1,"hooks":{"afterFileEdit":[{"command":"./scripts/format.sh"}]}}'),
      ])
    ).plugins[0]!;
    expect(cursor.tool).toBe('cursor');
    expect(cursor.members.map((member) => [member.path, member.format])).toEqual([
      ['commands/ship.md', 'cursor-command'],
      ['mcp.json', 'cursor-mcp'],
      ['rules/style.mdc', 'cursor-rules'],
    ]);
    expect(cursor.stored.hooks).toMatchObject({ tool: 'cursor', config: { version: 1 } });

    const codex = (
      await readPlugins([
        utf8(
          '.codex-plugin/plugin.json',
          '{"name":"notes","skills":"./packs/","mcpServers":{"n":{"command":"notes-mcp"}}}',
        ),
        utf8('packs/summarise/SKILL.md', '---\nname: summarise\ndescription: Summarise notes\n---\nSummarise.\n'),
        utf8('packs/summarise/references/style.md', 'Style.\n'),
      ])
    ).plugins[0]!;
    expect(codex.tool).toBe('codex');
    expect(codex.members.map((member) => [member.path, member.format, member.notes])).toEqual([
      ['.mcp.json', 'claude-mcp', ["from the manifest's inline mcpServers"]],
      ['packs/summarise/SKILL.md', 'codex-skill', []],
    ]);
    expect(codex.skipped).toEqual([]);
    expect(codex.members[1]!.files).toEqual([{ path: 'references/style.md', content: 'Style.\n', encoding: 'utf8' }]);
  });

  it('refuses bad paths, bad manifests and too many files with stable codes', async () => {
    const manifest = { path: '.claude-plugin/plugin.json', content: '{"name":"ok"}', encoding: 'utf8' as const };
    expect(await codeOf(() => readPlugins([manifest, { path: '../x.md', content: 'x', encoding: 'utf8' }]))).toBe(
      PluginsErrorCode.PathInvalid,
    );
    expect(await codeOf(() => readPlugins([manifest, { path: '/etc/passwd', content: 'x', encoding: 'utf8' }]))).toBe(
      PluginsErrorCode.PathInvalid,
    );
    expect(await codeOf(() => readPlugins([{ ...manifest, content: '{"name":"has space"}' }]))).toBe(
      PluginsErrorCode.ManifestInvalid,
    );
    expect(await codeOf(() => readPlugins([{ ...manifest, content: '[1]' }]))).toBe(PluginsErrorCode.ManifestInvalid);
    expect(await codeOf(() => readPlugins([{ ...manifest, content: '{"name":"a","agents":"../../etc"}' }]))).toBe(
      PluginsErrorCode.ManifestInvalid,
    );
    expect(await codeOf(() => readPlugins([{ path: 'README.md', content: 'x', encoding: 'utf8' }]))).toBe(
      PluginsErrorCode.ManifestMissing,
    );
    const many = Array.from({ length: 501 }, (_, n) => ({ path: `f${n}.md`, content: 'x', encoding: 'utf8' as const }));
    expect(await codeOf(() => readPlugins(many))).toBe(PluginsErrorCode.TooManyFiles);
    expect(
      await codeOf(() =>
        readPlugins([manifest, { path: 'agents/a.md', content: 'x'.repeat(300_000), encoding: 'utf8' }]),
      ),
    ).toBe(PluginsErrorCode.FileTooLarge);
    expect(
      await codeOf(() =>
        readPlugins([manifest, { path: 'agents/a.md', content: '---\nname: [\n---\nx', encoding: 'utf8' }]),
      ),
    ).toBe(PluginsErrorCode.MemberRejected);
  });
});

withCorpus('exporting real plugins (repository corpus)', () => {
  let hookify: ReadPlugin;
  let source: PluginSource;
  beforeAll(async () => {
    hookify = (await readPlugins(officialPluginsUpload())).plugins[0]!;
    source = { id: 'ha_test', name: 'hookify', description: '', ownerName: 'Tester', stored: hookify.stored };
  });
  async function* members(): AsyncGenerator<PluginSourceMember> {
    for (const member of hookify.members) {
      yield {
        name: member.name,
        kind: member.kind,
        format: member.format,
        repositoryPath: member.path,
        content: member.content,
      };
    }
  }

  it('lays a Claude Code plugin out with its marketplace entry, hooks and CONVERSION.md', async () => {
    const zip = await unzip(zipStream(pluginEntries('claude-code', source, members())));
    expect(Object.keys(zip).sort()).toEqual([
      '.claude-plugin/marketplace.json',
      'CONVERSION.md',
      'plugins/hookify/.claude-plugin/plugin.json',
      'plugins/hookify/agents/conversation-analyzer.md',
      'plugins/hookify/commands/configure.md',
      'plugins/hookify/commands/help.md',
      'plugins/hookify/commands/hookify.md',
      'plugins/hookify/commands/list.md',
      'plugins/hookify/hooks/hooks.json',
      'plugins/hookify/skills/writing-rules/SKILL.md',
    ]);
    const marketplace = JSON.parse(zip['.claude-plugin/marketplace.json']!);
    expect(marketplace.plugins[0]).toMatchObject({
      name: 'hookify',
      source: './plugins/hookify',
      category: 'productivity',
    });
    expect(zip['CONVERSION.md']).toMatch(/hooks\/pretooluse\.py/);
    for (const member of hookify.members) {
      const again = importFile({ content: zip[`plugins/hookify/${member.path}`]!, format: member.format }).document;
      expect(again).toEqual(member.document);
    }
  });

  it('lays a Codex plugin out with skills only and says what was left out', async () => {
    const zip = await unzip(zipStream(pluginEntries('codex', source, members())));
    expect(Object.keys(zip)).toContain('plugins/hookify/.codex-plugin/plugin.json');
    expect(Object.keys(zip)).toContain('.agents/plugins/marketplace.json');
    expect(Object.keys(zip)).toContain('plugins/hookify/skills/writing-rules/SKILL.md');
    expect(Object.keys(zip)).not.toContain('plugins/hookify/agents/conversation-analyzer.md');
    expect(zip['CONVERSION.md']).toMatch(/## Left out[\s\S]*agents\/conversation-analyzer\.md/);
    expect(zip['CONVERSION.md']).toMatch(
      /`hooks\/hooks\.json`: Codex plugins write hooks in a format LynxPrompt has no codec for/,
    );
    expect(JSON.parse(zip['plugins/hookify/.codex-plugin/plugin.json']!)).toMatchObject({
      name: 'hookify',
      author: { name: 'Anthropic' },
    });
  });
});
