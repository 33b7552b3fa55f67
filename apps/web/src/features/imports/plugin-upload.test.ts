import type { CollectedFile } from './collect-files';
import { mergePluginResults, type PluginImportResult } from './api/plugins-api';
import { findPluginUpload, PLUGIN_LIMITS, splitPluginUpload } from './plugin-upload';

const file = (path: string, content = 'x'): CollectedFile => ({
  path,
  content,
  encoding: 'utf8',
  sizeBytes: content.length,
});

describe('findPluginUpload', () => {
  it('finds nothing without a manifest or marketplace', () => {
    expect(findPluginUpload([file('agents/x.md'), file('.claude/settings.json')])).toBeUndefined();
  });

  it('takes every folder with a manifest, with all its files, and leaves the rest of the repository out', () => {
    const upload = findPluginUpload([
      file('README.md'),
      file('plugins/review/.claude-plugin/plugin.json', '{"name":"review"}'),
      file('plugins/review/.cursor-plugin/plugin.json', '{"name":"review"}'),
      file('plugins/review/hooks/hooks.json', '{}'),
      file('plugins/review/scripts/check.sh'),
      file('plugins/lint/.codex-plugin/plugin.json', '{"name":"lint"}'),
      file('plugins/lint/skills/go/SKILL.md'),
    ]);
    expect(upload?.plugins).toEqual([
      { root: 'plugins/lint', manifests: ['codex'] },
      { root: 'plugins/review', manifests: ['claude-code', 'cursor'] },
    ]);
    expect(upload?.files.map((each) => each.path)).not.toContain('README.md');
    expect(upload?.files.map((each) => each.path)).toContain('plugins/review/hooks/hooks.json');
    expect(upload?.overLimit).toBeUndefined();
  });

  it('takes the folders a root marketplace lists, local sources only, and says when the files are over the bounds', () => {
    const marketplace = JSON.stringify({
      plugins: [
        { name: 'a', source: './plugins/a' },
        { name: 'b', source: { source: 'github', repo: 'acme/b' } },
        { name: 'c', source: { source: 'local', path: './plugins/c/' } },
      ],
    });
    const upload = findPluginUpload([
      file('.claude-plugin/marketplace.json', marketplace),
      file('plugins/a/commands/x.md'),
      file('plugins/c/agents/y.md'),
      file('plugins/d/.claude-plugin/plugin.json', '{"name":"d"}'),
    ]);
    expect(upload?.plugins).toEqual([
      { root: 'plugins/a', manifests: [] },
      { root: 'plugins/c', manifests: [] },
    ]);
    expect(upload?.files.map((each) => each.path)).toEqual([
      '.claude-plugin/marketplace.json',
      'plugins/a/commands/x.md',
      'plugins/c/agents/y.md',
    ]);
    const many = Array.from({ length: PLUGIN_LIMITS.maxFiles }, (_, index) => file(`agents/a${index}.md`));
    expect(findPluginUpload([file('.claude-plugin/plugin.json', '{"name":"big"}'), ...many])?.overLimit?.code).toBe(
      'PLUGIN_TOO_MANY_FILES',
    );
  });
});

describe('splitPluginUpload and mergePluginResults', () => {
  const marketplace = JSON.stringify({
    plugins: [
      { name: 'a', source: './plugins/a' },
      { name: 'b', source: './plugins/b' },
      { name: 'c', source: './plugins/c' },
      { name: 'remote', source: { source: 'github', repo: 'acme/remote' } },
    ],
  });
  const upload = findPluginUpload([
    file('.claude-plugin/marketplace.json', marketplace),
    file('plugins/a/agents/x.md', 'a'.repeat(300)),
    file('plugins/a/commands/y.md', 'a'.repeat(300)),
    file('plugins/b/agents/x.md', 'b'.repeat(300)),
    file('plugins/c/agents/x.md', 'c'.repeat(300)),
  ])!;

  it('sends one request when the files fit, else whole plugins per request, each with the marketplace', () => {
    expect(splitPluginUpload(upload)).toEqual([upload.files]);
    const batches = splitPluginUpload(upload, 1_200);
    expect(batches.map((batch) => batch.map((each) => each.path))).toEqual([
      ['.claude-plugin/marketplace.json', 'plugins/a/agents/x.md', 'plugins/a/commands/y.md'],
      ['.claude-plugin/marketplace.json', 'plugins/b/agents/x.md', 'plugins/c/agents/x.md'],
    ]);
  });

  it('reports a marketplace entry skipped only when every request skipped it', () => {
    const answer = (names: string[], skipped: string[]): PluginImportResult => ({
      plugins: names.map((name) => ({
        hierarchyId: `ha_${name}`,
        name,
        tool: 'claude-code',
        root: `plugins/${name}`,
        manifests: [],
        hooks: false,
        members: [],
        skipped: [],
      })),
      skipped: skipped.map((name) => ({ path: `.claude-plugin/marketplace.json#${name}`, reason: 'not here' })),
    });
    const merged = mergePluginResults([answer(['a'], ['b', 'c', 'remote']), answer(['b', 'c'], ['a', 'remote'])]);
    expect(merged.plugins.map((plugin) => plugin.name)).toEqual(['a', 'b', 'c']);
    expect(merged.skipped).toEqual([{ path: '.claude-plugin/marketplace.json#remote', reason: 'not here' }]);
  });
});
