import { convert, exportDocument, importFile } from './formats';
import type { ConversionChange, ExportedFile } from './formats.types';
import { identifierOf } from './identifiers';

function change(file: ExportedFile, field: string): ConversionChange | undefined {
  return file.report.changes.find((entry) => entry.field === field);
}

function sameFormat(content: string, format: string, slug = 'x'): ExportedFile {
  return exportDocument(importFile({ content, format }).document, format, { slug });
}

describe('same-format export through the codec', () => {
  it('adds no alwaysApply to a Cursor rule that had none, and keeps unquoted globs as written', () => {
    const rule = '---\ndescription: React components\nglobs: src/**/*.tsx,src/**/*.jsx\n---\nUse hooks.\n';
    expect(sameFormat(rule, 'cursor-rules').content).toBe(rule);
  });

  it('keeps allowed-tools a list when it was a list, and a string when it was a string', () => {
    const list = '---\nname: pdf\ndescription: PDFs\nallowed-tools:\n  - Read\n  - Bash(python:*)\n---\n\nRead it.\n';
    const string = '---\nname: pdf\ndescription: PDFs\nallowed-tools: Read, Grep\n---\n\nRead it.\n';
    expect(sameFormat(list, 'claude-skill').content).toBe(list);
    expect(sameFormat(string, 'claude-skill').content).toBe(string);
    // Changed values keep the shape of the key as the source wrote it.
    const { document } = importFile({ content: list, format: 'claude-skill' });
    const edited = exportDocument({ ...document, allowedTools: ['Read'] }, 'claude-skill', { slug: 'pdf' });
    expect(edited.content).toContain('allowed-tools:\n  - Read\n');
  });

  it('keeps a skill name as written, and the file keeps its folder', () => {
    const skill = '---\nname: Writing Hookify Rules\ndescription: Rules for hookify\n---\n\nWrite rules.\n';
    const file = sameFormat(skill, 'claude-skill', 'writing-rules');
    expect(file.content).toBe(skill);
    expect(file.path).toBe('.claude/skills/writing-rules/SKILL.md');
    expect(file.report).toEqual({ from: 'claude-skill', to: 'claude-skill', lossless: true, changes: [] });
  });

  it('keeps the prompt-file `mode` key, quoting, order, comments, CRLF and the missing final newline', () => {
    const prompt =
      "---\r\n# a comment\r\nmode: 'agent'\r\ntools: ['search']\r\ndescription: \"Find it\"\r\n---\r\nFind ${input:topic:what}";
    expect(sameFormat(prompt, 'copilot-prompt').content).toBe(prompt);
  });

  it('gives a Gemini command TOML back byte for byte, and changes only the changed key', () => {
    const toml = 'prompt = """\nReview {{args}}\n"""\ndescription = "Review"\n';
    const file = sameFormat(toml, 'gemini-command');
    const again = importFile({ content: file.content, format: 'gemini-command' }).document;
    expect(again.body).toBe('Review $ARGUMENTS\n');
    expect(again.description).toBe('Review');
    expect(file.content).toBe(toml);
    const { document } = importFile({ content: toml, format: 'gemini-command' });
    const edited = exportDocument({ ...document, description: 'Review a PR' }, 'gemini-command', { slug: 'r' });
    expect(edited.content).toBe('prompt = """\nReview {{args}}\n"""\ndescription = "Review a PR"\n');
    const reworded = exportDocument({ ...document, body: 'Check $ARGUMENTS\n' }, 'gemini-command', { slug: 'r' });
    expect(importFile({ content: reworded.content, format: 'gemini-command' }).document).toMatchObject({
      body: 'Check $ARGUMENTS\n',
      description: 'Review',
    });
  });
});

describe('same-format MCP configuration', () => {
  it('gives back a strict JSON file with its structure and indentation, and re-serialises a changed one', () => {
    const flat =
      '{\n    "example": {\n        "type": "http",\n        "url": "https://mcp.example.com/api"\n    }\n}\n';
    expect(sameFormat(flat, 'claude-mcp').content).toBe(flat);
    const { document } = importFile({ content: flat, format: 'claude-mcp' });
    const edited = exportDocument({ ...document, body: '{"other":{"type":"stdio","command":"x"}}' }, 'claude-mcp', {
      slug: 'x',
    });
    expect(JSON.parse(edited.content)).toMatchObject({ mcpServers: { other: { command: 'x' } } });
  });
});

describe('names', () => {
  it('derives distinct identifiers for names that differ only in symbols', () => {
    expect(identifierOf('C# Expert')).toBe('csharp-expert');
    expect(identifierOf('C++ Expert')).toBe('cpp-expert');
    expect(identifierOf('C#/.NET Janitor')).toBe('csharp-net-janitor');
    expect(identifierOf('Écrire des Tests')).toBe('ecrire-des-tests');
  });

  it('keeps the display name where the target has a name field and reports the derived file name', () => {
    const agent = '---\nname: "C# Expert"\ndescription: Helps with .NET\ntools: ["codebase"]\n---\n\nHelp.\n';
    const claude = convert(agent, 'copilot-agent', 'claude-agent', { slug: 'c-expert' });
    expect(claude.path).toBe('.claude/agents/csharp-expert.md');
    expect(claude.content).toContain('name: csharp-expert\n');
    expect(change(claude, 'name')).toEqual(
      expect.objectContaining({ change: 'derived', from: 'C# Expert', to: 'csharp-expert' }),
    );
    const copilot = convert(claude.content, 'claude-agent', 'copilot-agent', { slug: 'c-expert' });
    expect(copilot.path).toBe('.github/agents/csharp-expert.agent.md');

    const display = exportDocument(importFile({ content: agent, format: 'copilot-agent' }).document, 'copilot-agent', {
      slug: 'c-expert-2',
    });
    expect(display.content).toContain('name: "C# Expert"');
  });

  it('keeps clean_gone as the command file name where the tool takes it', () => {
    const command = '---\ndescription: Clean up gone branches\n---\n\nRun git fetch --prune.\n';
    const { document } = importFile({ content: command, format: 'claude-command' });
    const file = exportDocument(document, 'claude-command', { slug: 'clean-gone', name: 'clean_gone' });
    expect(file.path).toBe('.claude/commands/clean_gone.md');
    expect(file.report.changes).toEqual([]);
    const prompt = exportDocument(document, 'copilot-prompt', { slug: 'clean-gone', name: 'clean_gone' });
    expect(prompt.path).toBe('.github/prompts/clean_gone.prompt.md');
    // A skill name must be kebab-case: derived and reported.
    const skill = exportDocument({ ...document, kind: 'skill', name: 'clean_gone' }, 'copilot-skill', { slug: 'x' });
    expect(skill.path).toBe('.github/skills/clean-gone/SKILL.md');
    expect(change(skill, 'name')).toEqual(
      expect.objectContaining({ change: 'derived', from: 'clean_gone', to: 'clean-gone' }),
    );
  });
});

describe('fields between tools', () => {
  it('does not report globs as dropped from Cursor to Copilot: applyTo carries them', () => {
    const rule = '---\ndescription: API\nglobs: src/api/**/*.ts\nalwaysApply: false\n---\nErrors.\n';
    const copilot = convert(rule, 'cursor-rules', 'copilot-instructions', { slug: 'api' });
    expect(copilot.content).toContain('applyTo: src/api/**/*.ts');
    expect(copilot.report).toEqual({ from: 'cursor-rules', to: 'copilot-instructions', lossless: true, changes: [] });
    expect(copilot.droppedFields).toEqual([]);
  });

  it('reports every tool-specific value and unknown key withheld from another tool', () => {
    const agent =
      '---\nname: reviewer\ndescription: Reviews\ntools: Read, Grep\nmodel: opus\ncolor: blue\n---\n\nReview.\n';
    const copilot = convert(agent, 'claude-agent', 'copilot-agent', { slug: 'reviewer' });
    expect(copilot.content).not.toMatch(/tools|model|color/);
    expect(copilot.droppedFields).toEqual(['allowedTools', 'model', 'color']);
    expect(copilot.report.lossless).toBe(false);
    expect(copilot.report.changes.map((entry) => [entry.field, entry.change])).toEqual([
      ['allowedTools', 'dropped'],
      ['model', 'dropped'],
      ['color', 'dropped'],
    ]);
    expect(change(copilot, 'model')?.message).toBe(
      'Claude Code model ids mean nothing to GitHub Copilot: not carried.',
    );
  });

  it('does not report `model: inherit` as lost: it is the default model, which a file without one gets', () => {
    const agent = '---\nname: reviewer\ndescription: Reviews\nmodel: inherit\n---\n\nReview.\n';
    const copilot = convert(agent, 'claude-agent', 'copilot-agent', { slug: 'reviewer' });
    expect(copilot.content).not.toMatch(/model/);
    expect(change(copilot, 'model')).toBeUndefined();
    expect(copilot.report.lossless).toBe(true);
  });

  it('carries the Agent Skills keys between the skill targets of different tools', () => {
    const skill = [
      '---',
      'name: pdf-tools',
      'description: Work with PDFs',
      'license: Apache-2.0',
      'compatibility: Requires python3',
      'metadata:',
      '  version: "1.2"',
      'allowed-tools: Bash(python:*) Read',
      'disable-model-invocation: true',
      '---',
      '',
      'Use the scripts.',
      '',
    ].join('\n');
    const copilot = convert(skill, 'claude-skill', 'copilot-skill', { slug: 'pdf-tools' });
    const read = importFile({ content: copilot.content, format: 'copilot-skill' }).document;
    expect(read.extra).toEqual({
      license: 'Apache-2.0',
      compatibility: 'Requires python3',
      metadata: { version: '1.2' },
    });
    expect(read.allowedTools).toEqual(['Bash(python:*) Read']);
    expect(copilot.droppedFields).toEqual(['disable-model-invocation']);
    const back = convert(copilot.content, 'copilot-skill', 'claude-skill', { slug: 'pdf-tools' });
    expect(back.report.lossless).toBe(true);
  });

  it("moves a Claude skill's top-level version into the Agent Skills metadata map for other tools", () => {
    const skill = '---\nname: hooks\ndescription: Hooks\nversion: 0.1.0\nmetadata:\n  author: me\n---\n\nUse hooks.\n';
    const copilot = convert(skill, 'claude-skill', 'copilot-skill', { slug: 'hooks' });
    expect(importFile({ content: copilot.content, format: 'copilot-skill' }).document.extra).toEqual({
      metadata: { author: 'me', version: '0.1.0' },
    });
    expect(copilot.report).toMatchObject({
      lossless: true,
      changes: [{ field: 'version', change: 'translated', from: 'version', to: 'metadata.version' }],
    });
    expect(sameFormat(skill, 'claude-skill').content).toBe(skill);
  });

  it('reports a required key it had to make up as derived, and a rule whose mode the target lacks as changed', () => {
    const agent = '---\nname: helper\n---\n\nHelp.\n';
    const claude = convert(agent, 'copilot-agent', 'claude-agent', { slug: 'helper' });
    expect(claude.content).toContain('description: helper\n');
    expect(change(claude, 'description')).toEqual(expect.objectContaining({ change: 'derived', to: 'helper' }));
    expect(claude.report.lossless).toBe(true);

    const manual = '---\ndescription: Only when asked\nalwaysApply: false\n---\nText.\n';
    const rules = convert(manual, 'cursor-rules', 'claude-rules', { slug: 'r' });
    expect(change(rules, 'alwaysApply')).toEqual(
      expect.objectContaining({ change: 'changed', from: 'model', to: 'always' }),
    );
    expect(rules.report.lossless).toBe(false);
  });
});

describe('rule activation', () => {
  it('keeps a manual Windsurf rule manual where the target has the mode, and reports it where not', () => {
    const windsurf = '---\ntrigger: manual\ndescription: Release checklist\n---\n\nSteps.\n';
    const kiro = convert(windsurf, 'windsurf-rules', 'kiro-steering', { slug: 'release' });
    expect(kiro.content).toContain('inclusion: manual\n');
    const cursor = convert(windsurf, 'windsurf-rules', 'cursor-rules', { slug: 'release' });
    expect(change(cursor, 'activation')).toEqual(
      expect.objectContaining({ change: 'changed', from: 'manual', to: 'model' }),
    );
  });

  it('reads a plain rules file as always applied, and reports a scoped rule that becomes one', () => {
    expect(importFile({ content: 'Be brief.\n', format: 'agents-md' }).document.alwaysApply).toBe(true);
    const scoped = '---\nglobs: src/**/*.ts\n---\nTypes.\n';
    const agents = convert(scoped, 'cursor-rules', 'agents-md', { slug: 'a' });
    expect(agents.report.changes.map((entry) => [entry.field, entry.change])).toEqual([
      ['activation', 'changed'],
      ['globs', 'dropped'],
    ]);
  });
});

describe('argument syntax', () => {
  const claude = '---\ndescription: Fix an issue\n---\n\nFix issue $ARGUMENTS, starting with $1.\n';

  it('translates $ARGUMENTS where the target has an equivalent', () => {
    const gemini = convert(claude, 'claude-command', 'gemini-command', { slug: 'fix' });
    expect(gemini.content).toContain('Fix issue {{args}}, starting with $1.');
    expect(gemini.report.changes).toEqual([
      expect.objectContaining({ field: 'body', change: 'translated', from: '$ARGUMENTS', to: '{{args}}' }),
      expect.objectContaining({ field: 'body', change: 'changed', from: '$1' }),
    ]);
    const opencode = convert(claude, 'claude-command', 'opencode-command', { slug: 'fix' });
    expect(opencode.report.changes).toEqual([]);
  });

  it('reports $ARGUMENTS into Cursor commands, which substitute nothing', () => {
    const cursor = convert(claude, 'claude-command', 'cursor-command', { slug: 'fix' });
    expect(cursor.content).toContain('Fix issue $ARGUMENTS');
    expect(change(cursor, 'body')).toEqual(expect.objectContaining({ change: 'changed', from: '$ARGUMENTS' }));
    expect(change(cursor, 'body')?.message).toMatch(/Cursor substitutes no argument placeholder/);
    expect(cursor.report.lossless).toBe(false);
  });

  it('reports $1 into Copilot prompts and ${input:…} into Claude commands', () => {
    const prompt = convert(claude, 'claude-command', 'copilot-prompt', { slug: 'fix' });
    expect(prompt.content).toContain('Fix issue ${input:args}, starting with $1.');
    expect(prompt.report.changes.map((entry) => [entry.change, entry.from])).toEqual([
      ['translated', '$ARGUMENTS'],
      ['changed', '$1'],
    ]);
    const vscode =
      '---\ndescription: Explain\n---\nExplain ${input:topic:Which topic?} in ${selection} for ${input:args}\n';
    const back = convert(vscode, 'copilot-prompt', 'claude-command', { slug: 'explain' });
    expect(back.content).toContain('Explain ${input:topic:Which topic?} in ${selection} for $ARGUMENTS');
    expect(back.report.changes.map((entry) => [entry.change, entry.from])).toEqual([
      ['translated', '${input:args}'],
      ['changed', '${input:topic:Which topic?}'],
      ['changed', '${selection}'],
    ]);
  });

  it('translates shell injection between Claude Code and Gemini CLI, and reports it elsewhere', () => {
    const gemini = [
      'description = "Status"',
      "prompt = '''",
      'State: !{git status --short}',
      'Files: !{find . -name "*.ts" -exec echo {} ;}',
      'Read @{docs/a.md}',
      "'''",
      '',
    ].join('\n');
    const claude = convert(gemini, 'gemini-command', 'claude-command', { slug: 'status' });
    expect(claude.content).toContain(
      'State: !`git status --short`\nFiles: !`find . -name "*.ts" -exec echo {} ;`\nRead @{docs/a.md}',
    );
    expect(claude.report.changes.map((entry) => [entry.change, entry.from, entry.to])).toEqual([
      ['translated', '!{…}', '!`…`'],
      ['changed', '@{docs/a.md}', undefined],
    ]);
    const back = convert(claude.content, 'claude-command', 'gemini-command', { slug: 'status' });
    expect(back.content).toContain('State: !{git status --short}\nFiles: !{find . -name "*.ts" -exec echo {} ;}');
    const prompt = convert(claude.content, 'claude-command', 'copilot-prompt', { slug: 'status' });
    expect(change(prompt, 'body')).toEqual(expect.objectContaining({ change: 'changed', from: '!`…`' }));
  });

  it('reports the placeholder text of ${input:args:…} that another tool cannot show', () => {
    const hinted = convert('Fix ${input:args:the bug}\n', 'copilot-prompt', 'gemini-command', { slug: 'fix' });
    expect(hinted.content).toContain('Fix {{args}}');
    expect(hinted.report.changes.map((entry) => [entry.change, entry.from])).toEqual([
      ['translated', '${input:args}'],
      ['changed', '${input:args:the bug}'],
    ]);
    expect(convert('Fix ${input:args:the bug}\n', 'copilot-prompt', 'copilot-prompt', { slug: 'f' }).content).toBe(
      'Fix ${input:args:the bug}\n',
    );
  });

  it('leaves the $ARGUMENTS a Cursor command spells literally alone', () => {
    const cursor = 'Summarise $ARGUMENTS\n';
    expect(convert(cursor, 'cursor-command', 'claude-command', { slug: 's' }).report.changes).toEqual([]);
  });
});

describe('the report', () => {
  it('is lossless only without dropped or changed entries, and droppedFields lists its dropped fields', () => {
    const command =
      '---\ndescription: Commit\nargument-hint: "[message]"\nallowed-tools: Bash(git commit:*)\n---\n\nCommit: $ARGUMENTS\n';
    for (const target of [
      'copilot-prompt',
      'gemini-command',
      'cursor-command',
      'windsurf-workflow',
      'opencode-command',
    ]) {
      const file = convert(command, 'claude-command', target, { slug: 'commit' });
      const dropped = file.report.changes.filter((entry) => entry.change === 'dropped').map((entry) => entry.field);
      expect(file.droppedFields).toEqual(dropped);
      const lossy = file.report.changes.some((entry) => entry.change === 'dropped' || entry.change === 'changed');
      expect(file.report.lossless).toBe(!lossy);
    }
  });
});

describe('bounded work', () => {
  it('stays linear on long lines: spelling, placeholders and endings take milliseconds on 200 KB bodies', () => {
    const cases: Array<[string, string]> = [
      // Frontmatter is at most 16 KB; the body is not bounded here.
      [`---\nname: a\ndescription: Use when: x\nk${' '.repeat(15_000)}\n---\n${'a '.repeat(100_000)}`, 'claude-agent'],
      [`---\ndescription: d\n---\n${'${input:a:'.repeat(30_000)}`, 'copilot-prompt'],
      [`---\ndescription: d\n---\n${'@{'.repeat(100_000)}`, 'claude-command'],
      [`prompt = '''\n${'!{'.repeat(100_000)} ${' '.repeat(100_000)}x\n'''\n`, 'gemini-command'],
      [`---\ndescription: d\n---\n${' '.repeat(200_000)}x${' \n'.repeat(1_000)}`, 'claude-command'],
    ];
    const started = Date.now();
    for (const [content, format] of cases) {
      const { document } = importFile({ content, format });
      const targets = ['claude-command', 'gemini-command', 'copilot-prompt', 'cursor-command'];
      for (const target of document.kind === 'command' ? targets : [format]) {
        exportDocument(document, target, { slug: 'x' });
      }
    }
    expect(Date.now() - started).toBeLessThan(3_000);
  });
});
