import { FormatParseError, IncompatibleFormatError } from './formats.errors';
import { convert, exportDocument, importFile } from './formats';

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
    ['neither hooks nor permissions', '{"env": {}}', /neither/],
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
