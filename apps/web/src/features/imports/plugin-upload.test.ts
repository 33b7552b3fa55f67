import type { CollectedFile } from './collect-files';
import { findPluginUpload, PLUGIN_LIMITS } from './plugin-upload';

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
