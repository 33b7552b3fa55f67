import { FormatParseError, IncompatibleFormatError } from './formats.errors';
import { convert, detect, exportDocument, importFile } from './formats';

const SETTINGS = `{
  "$schema": "https://json.schemastore.org/claude-code-settings.json",
  "env": { "NODE_ENV": "test" },
  "permissions": { "allow": ["Bash(npm test:*)"], "deny": ["Read(./.env)"], "defaultMode": "acceptEdits" },
  "hooks": {
    "PreToolUse": [{ "matcher": "Bash", "hooks": [{ "type": "command", "command": "./guard.sh", "timeout": 5 }] }]
  }
}
`;

describe('claude-settings', () => {
  it('keeps hooks and permissions as the body, in a stable JSON form, and the other settings in extra', () => {
    const { document } = importFile({ content: SETTINGS, path: '.claude/settings.json' });
    expect(document.kind).toBe('settings');
    expect(document.body).toBe(
      `${JSON.stringify(
        {
          hooks: {
            PreToolUse: [{ matcher: 'Bash', hooks: [{ type: 'command', command: './guard.sh', timeout: 5 }] }],
          },
          permissions: { allow: ['Bash(npm test:*)'], deny: ['Read(./.env)'], defaultMode: 'acceptEdits' },
        },
        null,
        2,
      )}\n`,
    );
    expect(document.extra).toEqual({
      $schema: 'https://json.schemastore.org/claude-code-settings.json',
      env: { NODE_ENV: 'test' },
    });
  });

  it('a same-tool round trip keeps every setting, $schema first', () => {
    const file = convert(SETTINGS, 'claude-settings', 'claude-settings', { slug: 'x' });
    expect(JSON.parse(file.content)).toEqual(JSON.parse(SETTINGS));
    expect(Object.keys(JSON.parse(file.content) as object)[0]).toBe('$schema');
    expect(file.path).toBe('.claude/settings.json');
    const again = convert(file.content, 'claude-settings', 'claude-settings', { slug: 'x' });
    expect(again.content).toBe(file.content);
  });

  it.each([
    ['not JSON', '{ hooks: ', /Invalid JSON/],
    ['an array', '[]', /JSON object/],
    ['neither hooks nor permissions', '{"env": {}}', /holds no `hooks` or `permissions`/],
    ['hooks that are a list', '{"hooks": []}', /hooks/],
    ['an event that is not a list', '{"hooks": {"Stop": {}}}', /hooks\.Stop/],
    ['a group without hooks', '{"hooks": {"Stop": [{"matcher": "x"}]}}', /needs a `hooks` list/],
    ['a hook without type', '{"hooks": {"Stop": [{"hooks": [{"command": "x"}]}]}}', /needs a `type`/],
    ['a matcher that is not text', '{"hooks": {"Stop": [{"matcher": 1, "hooks": []}]}}', /matcher/],
    ['permissions that are a list', '{"permissions": ["Read"]}', /permissions/],
    ['allow rules that are not strings', '{"permissions": {"allow": [1]}}', /permissions\.allow/],
  ])('refuses %s with FORMAT_PARSE_FAILED', (_case, content, message) => {
    let caught: unknown;
    try {
      importFile({ content, format: 'claude-settings' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(FormatParseError);
    expect(caught).toMatchObject({ code: 'FORMAT_PARSE_FAILED', status: 422, message: expect.stringMatching(message) });
  });

  it('only settings documents go to a settings target, and settings go nowhere else', () => {
    expect(() => exportDocument({ kind: 'rules', body: 'x' }, 'claude-settings', { slug: 'x' })).toThrow(
      IncompatibleFormatError,
    );
    const { document } = importFile({ content: SETTINGS, format: 'claude-settings' });
    expect(() => exportDocument(document, 'claude-md', { slug: 'x' })).toThrow(IncompatibleFormatError);
  });

  it('settings from another source keep hooks and permissions but not the tool-only settings', () => {
    const { document } = importFile({ content: SETTINGS, format: 'claude-settings' });
    const file = exportDocument({ ...document, sourceTool: 'other' }, 'claude-settings', { slug: 'x' });
    expect(Object.keys(JSON.parse(file.content) as object)).toEqual(['hooks', 'permissions']);
  });
});

const GEMINI_SETTINGS = `${JSON.stringify(
  {
    mcpServers: { docs: { command: 'npx', args: ['docs-mcp'] } },
    hooks: {
      BeforeTool: [
        {
          matcher: 'run_shell_command',
          hooks: [{ name: 'guard', type: 'command', command: './guard.sh', timeout: 5000 }],
        },
      ],
      BeforeModel: [{ hooks: [{ type: 'command', command: './trim.sh' }] }],
    },
  },
  null,
  2,
)}\n`;

describe('gemini-settings', () => {
  it('.gemini/settings.json is read as MCP servers or as hooks by what it holds, naming the other', () => {
    expect(detect({ path: '.gemini/settings.json', content: '{"mcpServers": {}}' })).toMatchObject({
      format: 'gemini-mcp',
      confidence: 'certain',
      alternatives: ['gemini-settings'],
    });
    expect(detect({ path: '.gemini/settings.json', content: '{"hooks": {"AfterAgent": []}}' })).toMatchObject({
      format: 'gemini-settings',
      kind: 'settings',
      alternatives: ['gemini-mcp'],
    });
    expect(detect({ path: '.gemini/settings.json', content: GEMINI_SETTINGS })).toMatchObject({
      format: 'gemini-mcp',
      alternatives: ['gemini-settings'],
    });
    expect(detect({ content: '{"hooks": {"BeforeTool": []}}' })).toMatchObject({ format: 'gemini-settings' });
    expect(detect({ content: '{"hooks": {"PreToolUse": []}}' })).toMatchObject({ format: 'claude-settings' });
  });

  it('keeps the hooks as the body and the rest (MCP servers too) for Gemini CLI, and round-trips', () => {
    const { document } = importFile({ content: GEMINI_SETTINGS, format: 'gemini-settings' });
    expect(Object.keys(JSON.parse(document.body) as object)).toEqual(['hooks']);
    expect(Object.keys(document.extra ?? {})).toEqual(['mcpServers']);
    expect(convert(GEMINI_SETTINGS, 'gemini-settings', 'gemini-settings', { slug: 'x' }).content).toBe(
      `${JSON.stringify({ hooks: JSON.parse(GEMINI_SETTINGS).hooks, mcpServers: JSON.parse(GEMINI_SETTINGS).mcpServers }, null, 2)}\n`,
    );
  });

  it('refuses a Gemini settings file without hooks', () => {
    expect(() => importFile({ content: '{"mcpServers": {}}', format: 'gemini-settings' })).toThrow(/holds no `hooks`/);
  });

  it('Claude hooks become Gemini hooks where an equivalent exists; the rest is reported as dropped', () => {
    const claude = JSON.stringify({
      permissions: { allow: ['Read'] },
      hooks: {
        PreToolUse: [
          { matcher: 'Bash', hooks: [{ type: 'command', command: './guard.sh' }] },
          { matcher: 'mcp__github__.*', hooks: [{ type: 'command', command: './audit.sh' }] },
        ],
        Stop: [{ hooks: [{ type: 'command', command: 'npm test' }] }],
        SubagentStop: [{ hooks: [{ type: 'command', command: './notify.sh' }] }],
      },
    });
    const file = convert(claude, 'claude-settings', 'gemini-settings', { slug: 'x' });
    expect(JSON.parse(file.content)).toEqual({
      hooks: {
        BeforeTool: [{ matcher: 'run_shell_command', hooks: [{ type: 'command', command: './guard.sh' }] }],
        AfterAgent: [{ hooks: [{ type: 'command', command: 'npm test' }] }],
      },
    });
    expect(file.droppedFields).toEqual([
      'permissions',
      'hooks.PreToolUse[matcher mcp__github__.*]',
      'hooks.SubagentStop',
    ]);
    expect(file.report.lossless).toBe(false);
    expect(file.report.changes.filter((change) => change.change === 'translated')).toEqual([
      expect.objectContaining({ field: 'hooks.PreToolUse', from: 'PreToolUse', to: 'BeforeTool' }),
      expect.objectContaining({ field: 'hooks.PreToolUse.matcher', from: 'Bash', to: 'run_shell_command' }),
      expect.objectContaining({ field: 'hooks.Stop', from: 'Stop', to: 'AfterAgent' }),
    ]);
  });

  it('Gemini hooks become Claude hooks the same way, back again', () => {
    const file = convert(GEMINI_SETTINGS, 'gemini-settings', 'claude-settings', { slug: 'x' });
    expect(JSON.parse(file.content)).toEqual({
      hooks: {
        PreToolUse: [
          { matcher: 'Bash', hooks: [{ name: 'guard', type: 'command', command: './guard.sh', timeout: 5000 }] },
        ],
      },
    });
    expect(file.droppedFields).toEqual(['hooks.BeforeModel']);
  });
});
