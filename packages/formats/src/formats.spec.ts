import {
  convert,
  detectFormat,
  exportDocument,
  FormatParseError,
  getFormat,
  importFile,
  IncompatibleFormatError,
  InvalidSlugError,
  listFormats,
  UnknownFormatError,
  type BlueprintDocument,
} from './index';

function parseFailure(run: () => unknown): FormatParseError {
  try {
    run();
  } catch (error) {
    if (error instanceof FormatParseError) return error;
    throw error;
  }
  throw new Error('expected a FormatParseError');
}

describe('registry', () => {
  it('holds at least 36 targets with unique ids and the required families', () => {
    const formats = listFormats();
    expect(formats.length).toBeGreaterThanOrEqual(36);
    expect(new Set(formats.map((format) => format.id)).size).toBe(formats.length);
    const paths = Object.fromEntries(formats.map((format) => [format.id, format.path]));
    expect(paths).toMatchObject({
      'cursor-rules': '.cursor/rules/{slug}.mdc',
      cursorrules: '.cursorrules',
      'cursor-command': '.cursor/commands/{slug}.md',
      'copilot-repo-instructions': '.github/copilot-instructions.md',
      'copilot-instructions': '.github/instructions/{slug}.instructions.md',
      'copilot-prompt': '.github/prompts/{slug}.prompt.md',
      'copilot-agent': '.github/agents/{slug}.agent.md',
      'agents-md': 'AGENTS.md',
      'claude-md': 'CLAUDE.md',
      'claude-command': '.claude/commands/{slug}.md',
      'claude-skill': '.claude/skills/{slug}/SKILL.md',
      'claude-agent': '.claude/agents/{slug}.md',
      'gemini-md': 'GEMINI.md',
      'gemini-command': '.gemini/commands/{slug}.toml',
      'windsurf-rules': '.windsurf/rules/{slug}.md',
      'continue-rules': '.continue/rules/{slug}.md',
      'junie-guidelines': '.junie/guidelines.md',
      'zed-rules': '.rules',
      'aider-conventions': 'CONVENTIONS.md',
      'kiro-steering': '.kiro/steering/{slug}.md',
      'firebase-studio-rules': '.idx/airules.md',
      'cursor-mcp': '.cursor/mcp.json',
      'vscode-mcp': '.vscode/mcp.json',
      'claude-mcp': '.mcp.json',
    });
    for (const format of formats) {
      expect(format.kinds.length).toBeGreaterThan(0);
      expect(format.mediaType).toMatch(/^(text\/markdown; charset=utf-8|application\/(json|yaml|toml))$/);
    }
  });

  it('rejects an unknown format id with UNKNOWN_FORMAT / 400', () => {
    expect(() => getFormat('word-document')).toThrow(UnknownFormatError);
    try {
      getFormat('word-document');
    } catch (error) {
      expect(error).toMatchObject({ code: 'UNKNOWN_FORMAT', status: 400 });
    }
    expect(() => exportDocument({ kind: 'rules', body: 'x' }, 'nope', { slug: 'a' })).toThrow(UnknownFormatError);
    expect(() => importFile({ content: 'x', format: 'nope' })).toThrow(UnknownFormatError);
    expect(() => convert('x', 'agents-md', 'nope', { slug: 'a' })).toThrow(UnknownFormatError);
  });
});

describe('detectFormat', () => {
  it.each([
    ['.cursor/rules/react.mdc', 'cursor-rules'],
    ['packages/web/.cursor/rules/ui/buttons.mdc', 'cursor-rules'],
    ['.cursorrules', 'cursorrules'],
    ['.github/copilot-instructions.md', 'copilot-repo-instructions'],
    ['.github/instructions/python.instructions.md', 'copilot-instructions'],
    ['.github/prompts/review.prompt.md', 'copilot-prompt'],
    ['.github/agents/planner.agent.md', 'copilot-agent'],
    ['.github/agents/planner.md', 'copilot-agent'],
    ['AGENTS.md', 'agents-md'],
    ['CLAUDE.md', 'claude-md'],
    ['.claude/commands/git/commit.md', 'claude-command'],
    ['.claude/skills/pdf/SKILL.md', 'claude-skill'],
    ['.claude/agents/reviewer.md', 'claude-agent'],
    ['.claude/rules/testing.md', 'claude-rules'],
    ['.gemini/commands/plan.toml', 'gemini-command'],
    ['.windsurf/rules/style.md', 'windsurf-rules'],
    ['.windsurf/workflows/deploy.md', 'windsurf-workflow'],
    ['.kiro/steering/tech.md', 'kiro-steering'],
    ['.mcp.json', 'claude-mcp'],
    ['.cursor/mcp.json', 'cursor-mcp'],
    ['.vscode/mcp.json', 'vscode-mcp'],
    ['.zed/settings.json', 'zed-mcp'],
    ['.continue/mcpServers/db.yaml', 'continue-mcp'],
    ['.codex/config.toml', 'codex-mcp'],
    ['.opencode/command/test.md', 'opencode-command'],
    ['C:\\repo\\.cursor\\rules\\win.mdc', 'cursor-rules'],
    ['./.rules', 'zed-rules'],
  ])('%s is %s', (path, id) => {
    expect(detectFormat(path)?.id).toBe(id);
  });

  it('falls back to the content when the path says nothing', () => {
    expect(detectFormat('notes.txt', '---\napplyTo: "**"\n---\nBody')?.id).toBe('copilot-instructions');
    expect(detectFormat(undefined, '---\nglobs: **/*.ts\nalwaysApply: false\n---\nBody')?.id).toBe('cursor-rules');
    expect(detectFormat(undefined, '{"servers": {}}')?.id).toBe('vscode-mcp');
    expect(detectFormat(undefined, '{"mcpServers": {}}')?.id).toBe('claude-mcp');
    expect(detectFormat(undefined, 'description = "x"\nprompt = "y"\n')?.id).toBe('gemini-command');
    expect(detectFormat('readme.md', '# Just text')).toBeUndefined();
    expect(detectFormat(undefined, '{ not json')).toBeUndefined();
  });

  it('importFile detects by path and refuses what it cannot place', () => {
    expect(importFile({ content: '# Rules', path: 'AGENTS.md' }).format.id).toBe('agents-md');
    expect(() => importFile({ content: '# Rules', path: 'notes.txt' })).toThrow(UnknownFormatError);
  });
});

describe('Cursor <-> Copilot conversion', () => {
  const cursor = [
    '---',
    'description: React component rules',
    'globs: src/**/*.tsx, **/*.{ts,tsx}',
    'alwaysApply: false',
    '---',
    '# React',
    '',
    'Use function components.',
    '',
  ].join('\n');

  it('maps globs to applyTo and back, keeping brace groups whole', () => {
    const copilot = convert(cursor, 'cursor-rules', 'copilot-instructions', { slug: 'react' });
    expect(copilot.path).toBe('.github/instructions/react.instructions.md');
    expect(copilot.content).toContain('applyTo: src/**/*.tsx,**/*.{ts,tsx}\n');
    expect(copilot.content).toContain('description: React component rules\n');
    expect(copilot.content).not.toContain('globs');
    const back = importFile({ content: copilot.content, format: 'copilot-instructions' }).document;
    expect(back.globs).toEqual(['src/**/*.tsx', '**/*.{ts,tsx}']);
    expect(back.body).toBe('# React\n\nUse function components.\n');
  });

  it('maps alwaysApply to applyTo "**" and back', () => {
    const always = '---\ndescription: Everywhere\nalwaysApply: true\n---\nBody\n';
    const copilot = convert(always, 'cursor-rules', 'copilot-instructions', { slug: 'all' });
    expect(copilot.content).toContain('applyTo: "**"\n');
    const cursorAgain = convert(copilot.content, 'copilot-instructions', 'cursor-rules', { slug: 'all' });
    expect(cursorAgain.content).toBe('---\ndescription: Everywhere\nalwaysApply: true\n---\nBody\n');
  });

  it('reads globs as a YAML list or a quoted string', () => {
    const list = importFile({ content: '---\nglobs: ["a/**", "b/*.ts"]\n---\nx', format: 'cursor-rules' });
    expect(list.document.globs).toEqual(['a/**', 'b/*.ts']);
    const quoted = importFile({ content: '---\nglobs: "a/**,b/*.ts"\n---\nx', format: 'cursor-rules' });
    expect(quoted.document.globs).toEqual(['a/**', 'b/*.ts']);
    const block = importFile({ content: '---\nglobs:\n  - a/**\n  - b/*.ts\n---\nx', format: 'cursor-rules' });
    expect(block.document.globs).toEqual(['a/**', 'b/*.ts']);
  });

  it('keeps unknown keys for the same tool only', () => {
    const source = '---\napplyTo: "**/*.py"\nexcludeAgent: coding-agent\n---\nPython.\n';
    const { document } = importFile({ content: source, format: 'copilot-instructions' });
    expect(document.extra).toEqual({ excludeAgent: 'coding-agent' });
    expect(exportDocument(document, 'copilot-instructions', { slug: 'py' }).content).toContain(
      'excludeAgent: coding-agent',
    );
    expect(exportDocument(document, 'cursor-rules', { slug: 'py' }).content).not.toContain('excludeAgent');
  });
});

describe('activation modes of other tools', () => {
  const rule = (fields: Partial<BlueprintDocument>): BlueprintDocument => ({
    kind: 'rules',
    body: 'Body\n',
    ...fields,
  });

  it.each([
    [{ alwaysApply: true }, 'trigger: always_on'],
    [{ globs: ['*.py'] }, 'trigger: glob'],
    [{ description: 'When writing SQL' }, 'trigger: model_decision'],
    [{}, 'trigger: manual'],
  ])('Windsurf %j -> %s', (fields, line) => {
    expect(exportDocument(rule(fields), 'windsurf-rules', { slug: 'r' }).content).toContain(`${line}\n`);
  });

  it.each([
    [{ alwaysApply: true }, 'inclusion: always'],
    [{ globs: ['*.py'] }, 'inclusion: fileMatch'],
    [{ description: 'When writing SQL' }, 'inclusion: auto'],
    [{}, 'inclusion: manual'],
  ])('Kiro %j -> %s', (fields, line) => {
    expect(exportDocument(rule(fields), 'kiro-steering', { slug: 'r' }).content).toContain(`${line}\n`);
  });

  it('Kiro fileMatchPattern and Windsurf globs read back as globs', () => {
    const kiro = importFile({
      content: '---\ninclusion: fileMatch\nfileMatchPattern: "components/**/*.tsx"\n---\nx',
      format: 'kiro-steering',
    });
    expect(kiro.document).toMatchObject({ globs: ['components/**/*.tsx'], alwaysApply: false });
    const windsurf = importFile({ content: '---\ntrigger: always_on\n---\nx', format: 'windsurf-rules' });
    expect(windsurf.document.alwaysApply).toBe(true);
  });

  it('Claude rules and Cline: paths scope the rule, no paths means always', () => {
    const scoped = exportDocument(rule({ globs: ['src/**/*.ts'] }), 'claude-rules', { slug: 'ts' });
    expect(scoped.content).toBe('---\npaths:\n  - src/**/*.ts\n---\n\nBody\n');
    expect(importFile({ content: 'Always\n', format: 'cline-rules' }).document.alwaysApply).toBe(true);
    expect(exportDocument(rule({ alwaysApply: true }), 'cline-rules', { slug: 'a' }).content).toBe('Body\n');
  });

  it('reports metadata a target cannot hold', () => {
    const file = exportDocument(rule({ description: 'd', globs: ['*.md'] }), 'agents-md', { slug: 'x' });
    expect(file.droppedFields).toEqual(['description', 'globs']);
    expect(file.content).toBe('Body\n');
    expect(exportDocument(rule({ globs: ['*.md'] }), 'augment-rules', { slug: 'x' }).droppedFields).toEqual(['globs']);
  });

  it('fences a body that opens with --- so it is not read back as frontmatter', () => {
    const document = rule({ body: '---\n\nSection\n' });
    const file = exportDocument(document, 'claude-rules', { slug: 'x' });
    expect(importFile({ content: file.content, format: 'claude-rules' }).document.body).toBe('---\n\nSection\n');
  });
});

describe('commands and argument placeholders', () => {
  const claude = [
    '---',
    'description: Create a commit',
    'argument-hint: "[message]"',
    'allowed-tools: Bash(git add:*), Bash(git commit:*)',
    'model: claude-3-5-haiku-20241022',
    'disable-model-invocation: true',
    '---',
    '',
    'Commit with message: $ARGUMENTS',
    '',
  ].join('\n');

  it('reads Claude allowed-tools as a list, keeping parenthesised commas', () => {
    const { document } = importFile({ content: claude, format: 'claude-command' });
    expect(document).toMatchObject({
      kind: 'command',
      description: 'Create a commit',
      argumentHint: '[message]',
      allowedTools: ['Bash(git add:*)', 'Bash(git commit:*)'],
      model: 'claude-3-5-haiku-20241022',
      extra: { 'disable-model-invocation': true },
      body: 'Commit with message: $ARGUMENTS\n',
    });
  });

  it('converts $ARGUMENTS to Gemini {{args}} in TOML and back', () => {
    const gemini = convert(claude, 'claude-command', 'gemini-command', { slug: 'commit' });
    expect(gemini.content).toBe(
      "description = \"Create a commit\"\nprompt = '''\nCommit with message: {{args}}\n'''\n",
    );
    expect(gemini.droppedFields).toEqual(['argumentHint', 'allowedTools', 'model', 'disable-model-invocation']);
    expect(gemini.report.lossless).toBe(false);
    expect(gemini.report.changes).toContainEqual(
      expect.objectContaining({ field: 'body', change: 'translated', from: '$ARGUMENTS', to: '{{args}}' }),
    );
    const back = convert(gemini.content, 'gemini-command', 'claude-command', { slug: 'commit' });
    expect(back.content).toBe('---\ndescription: Create a commit\n---\n\nCommit with message: $ARGUMENTS\n');
  });

  it('converts $ARGUMENTS to a VS Code input variable and back, without Claude-only fields', () => {
    const prompt = convert(claude, 'claude-command', 'copilot-prompt', { slug: 'commit' });
    expect(prompt.content).toContain('Commit with message: ${input:args}\n');
    expect(prompt.content).toContain('argument-hint: "[message]"\n');
    expect(prompt.content).not.toMatch(/tools|model|disable-model-invocation/);
    const back = importFile({ content: prompt.content, format: 'copilot-prompt' }).document;
    expect(back.body).toBe('Commit with message: $ARGUMENTS\n');
    const withHint = importFile({ content: 'Fix ${input:args:the bug}', format: 'copilot-prompt' });
    expect(withHint.document.body).toBe('Fix $ARGUMENTS');
  });

  it('reads the deprecated prompt-file `mode` as `agent`, and writes it back as written for Copilot', () => {
    const source = "---\nmode: 'agent'\nmodel: GPT-4o\ntools: ['githubRepo', 'search/codebase']\n---\nDo it.";
    const { document } = importFile({ content: source, format: 'copilot-prompt' });
    expect(document).toMatchObject({
      agent: 'agent',
      model: 'GPT-4o',
      allowedTools: ['githubRepo', 'search/codebase'],
    });
    const again = exportDocument(document, 'copilot-prompt', { slug: 'p' }).content;
    expect(again).toBe(source);
    const changed = exportDocument({ ...document, agent: 'ask' }, 'copilot-prompt', { slug: 'p' }).content;
    expect(changed).toBe("---\nmode: ask\nmodel: GPT-4o\ntools: ['githubRepo', 'search/codebase']\n---\nDo it.");
    const neutral = exportDocument({ ...document, spelling: undefined }, 'copilot-prompt', { slug: 'p' }).content;
    expect(neutral).toBe(
      '---\nagent: agent\nmodel: GPT-4o\ntools:\n  - githubRepo\n  - search/codebase\n---\n\nDo it.\n',
    );
  });

  it('keeps a prompt with the literal delimiter valid TOML', () => {
    const document: BlueprintDocument = { kind: 'command', body: "Say ''' then \\n and $ARGUMENTS\n" };
    const toml = exportDocument(document, 'gemini-command', { slug: 'q' });
    expect(toml.content).not.toContain("prompt = '''");
    expect(importFile({ content: toml.content, format: 'gemini-command' }).document.body).toBe(document.body);
    const control: BlueprintDocument = { kind: 'command', body: 'Bell \u0007 here\n' };
    const escaped = exportDocument(control, 'gemini-command', { slug: 'q' });
    expect(importFile({ content: escaped.content, format: 'gemini-command' }).document.body).toBe(control.body);
  });
});

describe('MCP configuration', () => {
  const cursorMcp = JSON.stringify({
    mcpServers: {
      db: { command: 'npx', args: ['-y', 'server-postgres'], env: { PGHOST: 'localhost' }, cwd: '/srv' },
      docs: { url: 'https://example.com/sse', type: 'sse' },
    },
  });

  it('reads a Claude Code plugin .mcp.json that lists its servers without the mcpServers wrapper', () => {
    const plugin = `${JSON.stringify({ github: { type: 'http', url: 'https://api.example.com/mcp/' } }, null, 2)}\n`;
    const { document } = importFile({ content: plugin, path: 'plugins/github/.mcp.json' });
    expect(JSON.parse(document.body)).toEqual({
      github: expect.objectContaining({ url: 'https://api.example.com/mcp/' }),
    });
    const cursor = convert(plugin, 'claude-mcp', 'cursor-mcp', { slug: 'github' });
    expect(JSON.parse(cursor.content).mcpServers.github.url).toBe('https://api.example.com/mcp/');
    expect(exportDocument(document, 'claude-mcp', { slug: 'github' }).content).toBe(plugin);
    // An object whose values are not all servers stays what it was: top-level keys, no servers.
    const other = importFile({ content: '{"theme": {"dark": true}}', format: 'claude-mcp' }).document;
    expect(JSON.parse(other.body)).toEqual({});
  });

  it("writes each tool's own structure", () => {
    const vscode = JSON.parse(convert(cursorMcp, 'cursor-mcp', 'vscode-mcp', { slug: 'm' }).content);
    expect(vscode).toEqual({
      servers: {
        db: {
          type: 'stdio',
          command: 'npx',
          args: ['-y', 'server-postgres'],
          env: { PGHOST: 'localhost' },
          cwd: '/srv',
        },
        docs: { type: 'sse', url: 'https://example.com/sse' },
      },
    });
    const zed = JSON.parse(convert(cursorMcp, 'cursor-mcp', 'zed-mcp', { slug: 'm' }).content);
    expect(zed.context_servers.db).toEqual({
      command: 'npx',
      args: ['-y', 'server-postgres'],
      env: { PGHOST: 'localhost' },
    });
    const opencode = JSON.parse(convert(cursorMcp, 'cursor-mcp', 'opencode-mcp', { slug: 'm' }).content);
    expect(opencode.mcp.db).toEqual({
      type: 'local',
      command: ['npx', '-y', 'server-postgres'],
      environment: { PGHOST: 'localhost' },
      enabled: true,
    });
    const gemini = JSON.parse(convert(cursorMcp, 'cursor-mcp', 'gemini-mcp', { slug: 'm' }).content);
    expect(gemini.mcpServers.docs).toEqual({ url: 'https://example.com/sse' });
    expect(gemini.mcpServers.db.cwd).toBe('/srv');
    const codex = convert(cursorMcp, 'cursor-mcp', 'codex-mcp', { slug: 'm' }).content;
    expect(codex).toContain('[mcp_servers.db]\ncommand = "npx"\n');
  });

  it('reads VS Code JSON with comments and trailing commas, keeping inputs for VS Code only', () => {
    const source = [
      '{',
      '  // Workspace servers',
      '  "inputs": [{ "type": "promptString", "id": "token", "password": true }],',
      '  "servers": {',
      '    "gh": { "type": "http", "url": "https://api.githubcopilot.com/mcp/", }, /* remote */',
      '  },',
      '}',
    ].join('\n');
    const { document } = importFile({ content: source, path: '.vscode/mcp.json' });
    expect(JSON.parse(document.body)).toEqual({ gh: { type: 'http', url: 'https://api.githubcopilot.com/mcp/' } });
    expect(JSON.parse(exportDocument(document, 'vscode-mcp', { slug: 'x' }).content).inputs).toHaveLength(1);
    expect(JSON.parse(exportDocument(document, 'claude-mcp', { slug: 'x' }).content)).toEqual({
      mcpServers: { gh: { type: 'http', url: 'https://api.githubcopilot.com/mcp/' } },
    });
  });

  it('reads OpenCode, Zed (old shape) and Continue shapes into the same servers', () => {
    const expected = { db: { type: 'stdio', command: 'npx', args: ['db-server'] } };
    const opencode = '{"mcp": {"db": {"type": "local", "command": ["npx", "db-server"]}}}';
    expect(JSON.parse(importFile({ content: opencode, format: 'opencode-mcp' }).document.body)).toEqual(expected);
    const zed = '{"theme": "One Dark", "context_servers": {"db": {"command": {"path": "npx", "args": ["db-server"]}}}}';
    expect(JSON.parse(importFile({ content: zed, format: 'zed-mcp' }).document.body)).toEqual(expected);
    const yaml =
      'name: Db\nversion: 0.0.1\nschema: v1\nmcpServers:\n  - name: db\n    command: npx\n    args: [db-server]\n';
    const continueBlock = importFile({ content: yaml, format: 'continue-mcp' }).document;
    expect(JSON.parse(continueBlock.body)).toEqual(expected);
    expect(continueBlock.name).toBe('Db');
  });

  it('cannot go to a rules target, nor rules to an MCP target', () => {
    const { document } = importFile({ content: cursorMcp, format: 'cursor-mcp' });
    expect(() => exportDocument(document, 'cursor-rules', { slug: 'x' })).toThrow(IncompatibleFormatError);
    try {
      exportDocument(document, 'cursor-rules', { slug: 'x' });
    } catch (error) {
      expect(error).toMatchObject({ code: 'FORMAT_INCOMPATIBLE', status: 422 });
    }
    expect(() => exportDocument({ kind: 'rules', body: 'x' }, 'vscode-mcp', { slug: 'x' })).toThrow(
      IncompatibleFormatError,
    );
    expect(() => convert('# Rules', 'agents-md', 'claude-command', { slug: 'x' })).toThrow(IncompatibleFormatError);
  });
});

describe('parse errors', () => {
  it('bad YAML frontmatter gives FORMAT_PARSE_FAILED with the line in the file', () => {
    const error = parseFailure(() =>
      importFile({ content: '---\ndescription: ok\napplyTo: [unclosed\n---\nBody', format: 'copilot-instructions' }),
    );
    expect(error).toMatchObject({ code: 'FORMAT_PARSE_FAILED', status: 422 });
    expect(error.details).toMatchObject({ format: 'copilot-instructions', part: 'frontmatter' });
    expect(error.details.line).toBeGreaterThanOrEqual(3);
  });

  it('duplicate keys, non-mapping frontmatter, unclosed fences and wrong types are rejected', () => {
    expect(() => importFile({ content: '---\na: 1\na: 2\n---\nx', format: 'cursor-rules' })).toThrow(FormatParseError);
    expect(() => importFile({ content: '---\n- a\n- b\n---\nx', format: 'cursor-rules' })).toThrow(FormatParseError);
    const unclosed = parseFailure(() => importFile({ content: '---\ndescription: x\nBody', format: 'cursor-rules' }));
    expect(unclosed.details).toMatchObject({ line: 1, part: 'frontmatter' });
    const wrongType = parseFailure(() =>
      importFile({ content: '---\ndescription: x\nalwaysApply: sometimes\n---\nx', format: 'cursor-rules' }),
    );
    expect(wrongType.details).toMatchObject({ key: 'alwaysApply', line: 3 });
  });

  it('bad JSON gives the line and column', () => {
    const error = parseFailure(() =>
      importFile({
        content: '{\n  "mcpServers": {\n    "a": { "command": "x" }\n  }\n  "oops": 1\n}',
        format: 'cursor-mcp',
      }),
    );
    expect(error.details).toMatchObject({ format: 'cursor-mcp', part: 'json', line: 5, column: 3 });
  });

  it('a server without command or url, and a non-object servers map, are rejected', () => {
    expect(() => importFile({ content: '{"mcpServers": {"a": {"args": []}}}', format: 'claude-mcp' })).toThrow(
      FormatParseError,
    );
    expect(() => importFile({ content: '{"mcpServers": []}', format: 'claude-mcp' })).toThrow(FormatParseError);
    expect(() => importFile({ content: '[1, 2]', format: 'claude-mcp' })).toThrow(FormatParseError);
  });

  it('bad YAML and TOML give their positions', () => {
    const yaml = parseFailure(() => importFile({ content: 'name: x\nmcpServers: [\n', format: 'continue-mcp' }));
    expect(yaml.details.part).toBe('yaml');
    expect(yaml.details.line).toBeDefined();
    const toml = parseFailure(() =>
      importFile({ content: 'description = "x"\nprompt = \n', format: 'gemini-command' }),
    );
    expect(toml.details).toMatchObject({ part: 'toml', line: 2 });
    expect(() => importFile({ content: 'description = "x"\n', format: 'gemini-command' })).toThrow(FormatParseError);
  });

  it('an mcp-config body that is not a servers object cannot be exported', () => {
    expect(() => exportDocument({ kind: 'mcp-config', body: 'not json' }, 'cursor-mcp', { slug: 'x' })).toThrow(
      FormatParseError,
    );
  });

  it('an unsafe slug is refused before it reaches a path', () => {
    for (const slug of ['../etc', 'a/b', '', '.hidden', 'x'.repeat(200)]) {
      expect(() => exportDocument({ kind: 'rules', body: 'x' }, 'cursor-rules', { slug })).toThrow(InvalidSlugError);
    }
  });
});
