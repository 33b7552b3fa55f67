import { isCorpusAssembled, NOT_ASSEMBLED_NOTE, readCorpusFile } from '../../../apps/api/test/fixtures/corpus/corpus';
import { UnknownFormatError } from './formats.errors';
import { detect, detectCandidates, importFile, listFormats } from './formats';

// Real files come from the repository corpus (test/fixtures/corpus), assembled on the machine, never committed.
const assembled = isCorpusAssembled();
if (!assembled) console.warn(`${NOT_ASSEMBLED_NOTE}. Real-file cases skipped.`);
const fixture = readCorpusFile;

const CLAUDE_SUBAGENT =
  '---\nname: explorer\ndescription: Traces code paths\ntools: Glob, Grep, Read\nmodel: sonnet\n---\nYou explore.\n';
const COPILOT_AGENT =
  "---\ndescription: Plans features\ntools: ['codebase', 'search']\nmodel: GPT-4.1\n---\nYou plan.\n";
const GEMINI_AGENT =
  '---\nname: investigator\ndescription: Maps the codebase\nkind: local\ntools:\n  - read_file\nmodel: gemini-2.5-pro\ntemperature: 0.2\nmax_turns: 10\n---\nYou investigate.\n';
const SKILL =
  '---\nname: pdf\ndescription: Fills PDF forms. Use when the user mentions PDF forms.\nlicense: MIT\n---\n# PDF\n';
const PLAIN_COMMAND = 'Review the staged changes and list the risks.\n';

describe('detection by the tool path (certain)', () => {
  it.each([
    ['.github/chatmodes/plan.chatmode.md', 'copilot-chatmode', 'agent'],
    ['docs/modes/plan.chatmode.md', 'copilot-chatmode', 'agent'],
    ['.gemini/skills/pdf/SKILL.md', 'gemini-skill', 'skill'],
    ['.gemini/agents/investigator.md', 'gemini-agent', 'agent'],
    ['.agents/skills/pdf/SKILL.md', 'codex-skill', 'skill'],
    ['.codex/skills/pdf/SKILL.md', 'codex-skill', 'skill'],
    ['.cursor/skills/pdf/SKILL.md', 'cursor-skill', 'skill'],
    ['.claude/settings.json', 'claude-settings', 'settings'],
    ['.claude/settings.local.json', 'claude-settings', 'settings'],
    ['.claude/agents/explorer.md', 'claude-agent', 'agent'],
  ])('%s is %s (%s)', (file, format, kind) => {
    expect(detect({ path: file, content: '' })).toMatchObject({ format, kind, confidence: 'certain', method: 'path' });
  });

  it('the tool path wins over content that looks like another tool (the tool reads it by its path)', () => {
    expect(detect({ path: '.github/agents/plan.agent.md', content: CLAUDE_SUBAGENT })).toMatchObject({
      format: 'copilot-agent',
      confidence: 'certain',
    });
  });
});

describe('detection by repository layout (likely)', () => {
  it.each([
    ['plugins/review/agents/explorer.md', CLAUDE_SUBAGENT, 'claude-agent'],
    ['agents/explorer.md', CLAUDE_SUBAGENT, 'claude-agent'],
    ['team/agents/planner.md', COPILOT_AGENT, 'copilot-agent'],
    ['agents/investigator.md', GEMINI_AGENT, 'gemini-agent'],
    ['plugins/review/commands/review.md', PLAIN_COMMAND, 'claude-command'],
    ['commands/git/commit.md', '---\nallowed-tools: Bash(git commit:*)\n---\nCommit.\n', 'claude-command'],
    ['commands/plan.toml', 'description = "Plan"\nprompt = "Plan {{args}}"\n', 'gemini-command'],
    ['plugins/pdf/skills/pdf/SKILL.md', SKILL, 'claude-skill'],
    ['skills/pdf/SKILL.md', SKILL, 'claude-skill'],
    ['vendor/kit/skills/pdf/SKILL.md', SKILL, 'claude-skill'],
    ['pdf/SKILL.md', SKILL, 'claude-skill'],
    [
      'plugins/fmt/hooks/hooks.json',
      '{"hooks": {"Stop": [{"hooks": [{"type": "command", "command": "x"}]}]}}',
      'claude-settings',
    ],
    ['plugins/style/rules/react.mdc', '---\nglobs: **/*.tsx\nalwaysApply: false\n---\nUse hooks.\n', 'cursor-rules'],
  ])('%s is %s', (file, content, format) => {
    const found = detect({ path: file, content });
    expect(found).toMatchObject({ format, confidence: 'likely', method: 'layout' });
    expect(found!.reason).toMatch(/layout|SKILL\.md/);
  });

  it('the other formats of the layout are given as alternatives', () => {
    expect(detect({ path: 'skills/pdf/SKILL.md', content: SKILL })!.alternatives).toEqual([
      'copilot-skill',
      'gemini-skill',
      'codex-skill',
      'cursor-skill',
    ]);
    const agent = detect({ path: 'agents/explorer.md', content: CLAUDE_SUBAGENT })!;
    expect(agent.alternatives).toEqual(expect.arrayContaining(['copilot-agent', 'gemini-agent']));
    expect(agent.reason).toContain('tools');
  });

  it('a Claude subagent with tools is never taken for a Copilot prompt (the 30 files of the report)', () => {
    // The keys of the official feature-dev code-explorer agent: tools as a comma list, a model alias, a colour.
    const content =
      '---\nname: code-explorer\ndescription: Traces execution paths to map a feature\ntools: Glob, Grep, LS, Read, WebFetch\nmodel: sonnet\ncolor: yellow\n---\n\nYou are an expert code analyst.\n';
    for (const file of ['plugins/feature-dev/agents/code-explorer.md', 'agents/code-explorer.md', undefined]) {
      const found = detect({ path: file, content })!;
      expect({ file, format: found.format, kind: found.kind }).toEqual({ file, format: 'claude-agent', kind: 'agent' });
    }
    expect(detect({ content })).toMatchObject({ confidence: 'guess', method: 'content' });
  });

  it('a path longer than any real one is not read, so its patterns cannot backtrack for long', () => {
    const started = Date.now();
    expect(detect({ path: `${'agents/'.repeat(5_000)}x.txt`, content: '# Notes\n' })).toBeUndefined();
    expect(detect({ path: `${'commands/'.repeat(5_000)}x.md`, content: SKILL })).toMatchObject({ method: 'content' });
    expect(Date.now() - started).toBeLessThan(100);
  });

  it('a file in agents/ without subagent frontmatter is not silently an agent', () => {
    expect(detect({ path: 'agents/README.md', content: '# Our agents\n\nSee below.\n' })).toBeUndefined();
    expect(() => importFile({ path: 'agents/README.md', content: '# Our agents\n' })).toThrow(UnknownFormatError);
  });

  it('when path and content disagree, the content decides and says so, with the layout among the alternatives', () => {
    const found = detect({ path: 'plugins/review/commands/explorer.md', content: CLAUDE_SUBAGENT })!;
    expect(found).toMatchObject({ format: 'claude-agent', kind: 'agent', confidence: 'guess', method: 'content' });
    expect(found.reason).toMatch(
      /^the path suggests a command \(layout commands\/\*\.md\), but frontmatter has name, description, tools, model.*as an agent has$/,
    );
    expect(found.alternatives).toContain('claude-command');
  });
});

describe('detection by content alone (guess)', () => {
  it.each([
    [CLAUDE_SUBAGENT, 'claude-agent'],
    [GEMINI_AGENT, 'gemini-agent'],
    ['---\ndescription: Plans\nhandoffs:\n  - label: Build\n    agent: build\n---\nPlan.\n', 'copilot-agent'],
    [SKILL, 'claude-skill'],
    ['---\nagent: agent\ndescription: Review\n---\nReview ${input:file}.\n', 'copilot-prompt'],
    ['---\nargument-hint: <pr>\n---\nReview $ARGUMENTS\n', 'claude-command'],
    ['{"permissions": {"allow": ["Read"]}}', 'claude-settings'],
  ])('%#: %s… is %s', (content, format) => {
    expect(detect({ path: 'upload.txt', content })).toMatchObject({ format, confidence: 'guess', method: 'content' });
    expect(detect({ content })).toMatchObject({ format, confidence: 'guess', method: 'content' });
  });

  it('a Markdown file is not guessed to be TOML or JSON from a line that looks like it', () => {
    const notes = '# Prompt templates\n\nprompt = "Summarise {{text}}"\n';
    expect(detect({ path: 'skills/x/references/templates.md', content: notes })).toBeUndefined();
    expect(detect({ path: 'x.toml', content: notes })).toMatchObject({ format: 'gemini-command' });
    expect(detect({ path: 'notes.md', content: '{"mcpServers": {}}' })).toBeUndefined();
  });

  it('a description beside a tools map (a GitHub agentic workflow) is no Copilot agent', () => {
    const workflow = '---\non: push\ndescription: Syncs docs\ntools:\n  github:\n    toolsets: [repos]\n---\nSync.\n';
    expect(detect({ path: '.github/workflows/sync.md', content: workflow })).toBeUndefined();
  });

  it('description and a tools list fit several Copilot kinds: the guess names the others', () => {
    // The shape of awesome-copilot's chat modes: a description and a YAML list of tools.
    const chatMode =
      "---\ndescription: 'Address PR comments'\ntools:\n  [\n    'changes',\n    'codebase',\n    'editFiles',\n  ]\n---\n\nAddress the comments.\n";
    const found = detect({ content: chatMode })!;
    expect(found).toMatchObject({ format: 'copilot-agent', kind: 'agent', confidence: 'guess' });
    expect(found.alternatives).toEqual(expect.arrayContaining(['copilot-prompt', 'copilot-chatmode']));
  });
});

(assembled ? describe : describe.skip)('real corpus files at their repository paths', () => {
  it.each([
    [
      'anthropics+claude-plugins-official/plugins/pr-review-toolkit/agents/code-reviewer.md',
      'claude-agent',
      'agent',
      'likely',
    ],
    [
      'anthropics+claude-plugins-official/plugins/plugin-dev/agents/plugin-validator.md',
      'claude-agent',
      'agent',
      'likely',
    ],
    [
      'anthropics+claude-plugins-official/plugins/commit-commands/commands/clean_gone.md',
      'claude-command',
      'command',
      'likely',
    ],
    [
      'anthropics+claude-plugins-official/plugins/frontend-design/skills/frontend-design/SKILL.md',
      'claude-skill',
      'skill',
      'likely',
    ],
    ['anthropics+claude-plugins-official/plugins/hookify/hooks/hooks.json', 'claude-settings', 'settings', 'likely'],
    ['github+awesome-copilot/agents/CSharpExpert.agent.md', 'copilot-agent', 'agent', 'certain'],
    ['github+awesome-copilot/skills/acquire-codebase-knowledge/SKILL.md', 'claude-skill', 'skill', 'likely'],
    ['github+awesome-copilot/chatmodes/address-comments.chatmode.md', 'copilot-chatmode', 'agent', 'certain'],
  ])('%s imports as %s (%s, %s)', (file, format, kind, confidence) => {
    const repositoryPath = file.slice(file.indexOf('/') + 1);
    const result = importFile({ content: fixture(file), path: repositoryPath });
    expect(result.detection).toMatchObject({ format, kind, confidence });
    expect(result.document.kind).toBe(kind);
  });

  it("a plugin's hooks.json keeps its hooks as the body and its description beside them", () => {
    const result = importFile({
      content: fixture('anthropics+claude-plugins-official/plugins/hookify/hooks/hooks.json'),
      path: 'plugins/hookify/hooks/hooks.json',
    });
    expect(Object.keys(JSON.parse(result.document.body) as object)).toEqual(['hooks']);
    expect(result.document.extra).toEqual({ description: expect.stringContaining('Hookify') });
  });
});

describe('override and candidates', () => {
  it('a caller-given format is taken as given, whatever the path says', () => {
    const result = importFile({ path: 'agents/explorer.md', content: CLAUDE_SUBAGENT, format: 'gemini-agent' });
    expect(result.detection).toEqual({
      format: 'gemini-agent',
      kind: 'agent',
      confidence: 'certain',
      method: 'given',
      reason: 'format given',
      alternatives: [],
    });
    expect(result.format.id).toBe('gemini-agent');
  });

  it('detectCandidates lists the detected format, its alternatives, then every other target of the file type', () => {
    const candidates = detectCandidates({ path: 'agents/explorer.md', content: CLAUDE_SUBAGENT });
    const ids = candidates.map((candidate) => candidate.format);
    expect(ids[0]).toBe('claude-agent');
    expect(ids.slice(1, 4)).toEqual(expect.arrayContaining(['copilot-agent', 'gemini-agent']));
    const markdown = listFormats().filter((format) => format.syntax === 'markdown' || format.syntax === 'mdc');
    expect(new Set(ids)).toEqual(new Set(markdown.map((format) => format.id)));
    expect(ids).not.toContain('claude-settings');
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('detectCandidates for a JSON file offers only JSON targets', () => {
    const ids = detectCandidates({ path: 'x/hooks/hooks.json', content: '{"hooks": {}}' }).map((entry) => entry.format);
    expect(ids[0]).toBe('claude-settings');
    const json = listFormats().filter((format) => format.syntax === 'json');
    expect(new Set(ids)).toEqual(new Set(json.map((format) => format.id)));
  });
});
