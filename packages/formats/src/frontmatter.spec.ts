import { isCorpusAssembled, NOT_ASSEMBLED_NOTE, readCorpusFile } from '../../../apps/api/test/fixtures/corpus/corpus';
import { FormatParseError } from './formats.errors';
import { detect, importFile } from './formats';
import type { ReadNote } from './formats.types';
import { parseFrontmatterYaml } from './frontmatter';

// Real files come from the repository corpus (test/fixtures/corpus), assembled on the machine, never committed.
const assembled = isCorpusAssembled();
if (!assembled) console.warn(`${NOT_ASSEMBLED_NOTE}. Real-file cases skipped.`);

function read(yaml: string): { values: Record<string, unknown>; notes: ReadNote[] } {
  const notes: ReadNote[] = [];
  const values = parseFrontmatterYaml(yaml, 2, 'claude-agent', [], notes);
  return { values, notes };
}

describe('lenient frontmatter', () => {
  it('valid YAML is read strictly, with no note', () => {
    const { values, notes } = read('name: a\ndescription: "Use when: x"\ntools:\n  - Read\n  - Grep');
    expect(values).toEqual({ name: 'a', description: 'Use when: x', tools: ['Read', 'Grep'] });
    expect(notes).toEqual([]);
  });

  it('a value holding ": " is a plain string, and the fallback is reported with its line and key', () => {
    const { values, notes } = read('name: reviewer\ndescription: Use this agent when: the user asks\nmodel: opus');
    expect(values).toEqual({ name: 'reviewer', description: 'Use this agent when: the user asks', model: 'opus' });
    expect(notes).toEqual([expect.objectContaining({ code: 'LENIENT_FRONTMATTER', key: 'description', line: 3 })]);
    expect(notes[0]!.message).toContain('description');
  });

  it.each([
    ['an unbalanced quote', 'description: "Reviews code', '"Reviews code'],
    ['a value opening with @', 'description: @reviewer checks code', '@reviewer checks code'],
    ['a value opening with a backtick', 'description: `npm test` must pass', '`npm test` must pass'],
    ['an alias to no anchor', 'description: *everything*', '*everything*'],
    ['text after a closing quote', "description: 'Fast' reviewer", "'Fast' reviewer"],
  ])('%s is a plain string', (_case, line, expected) => {
    const { values, notes } = read(`name: a\n${line}`);
    expect(values.description).toBe(expected);
    expect(notes.map((note) => note.key)).toEqual(['description']);
  });

  it('block lists and nested maps that are valid keep their structure beside a lenient value', () => {
    const { values, notes } = read(
      'description: Use when: reviewing\ntools:\n  - Read\n  - Grep\nmetadata:\n  owner: team\n  level: 2',
    );
    expect(values).toEqual({
      description: 'Use when: reviewing',
      tools: ['Read', 'Grep'],
      metadata: { owner: 'team', level: 2 },
    });
    expect(notes).toHaveLength(1);
  });

  it('lines inside <example> blocks are part of the value, even when they look like keys', () => {
    const yaml = [
      'name: validator',
      'description: Use this agent when the user asks to "validate". Examples:',
      '',
      '<example>',
      'Context: a new plugin',
      'user: "Check it"',
      'assistant: "I will."',
      '</example>',
      'model: inherit',
    ].join('\n');
    const { values } = read(yaml);
    expect(Object.keys(values)).toEqual(['name', 'description', 'model']);
    expect(values.description).toBe(
      'Use this agent when the user asks to "validate". Examples:\n\n<example>\nContext: a new plugin\nuser: "Check it"\nassistant: "I will."\n</example>',
    );
    expect(values.model).toBe('inherit');
  });

  it('still refuses what no tool reads: repeated keys, broken collections, text outside any key, limits', () => {
    expect(() => read('description: a: b\ndescription: c')).toThrow(FormatParseError);
    expect(() => read('name: a\nname: b')).toThrow(/unique/);
    expect(() => read('description: a: b\ntools: [Read, Grep')).toThrow(FormatParseError);
    expect(() => read('  indented: start: here\nname: a')).toThrow(FormatParseError);
    expect(() => read('- a\n- b')).toThrow(FormatParseError);
    expect(() => read(`description: a: b\n${'x: 1\n'.repeat(1_001)}`)).toThrow(/longer than/);
  });

  it('refuses frontmatter over 16 KB, real ones stay under 2.5 KB', () => {
    const long = `---\nname: a\ndescription: ${'Use when: x '.repeat(1_500)}\n---\nbody`;
    expect(() => importFile({ content: long, format: 'claude-agent' })).toThrow(/Frontmatter longer than 16 KB/);
    const fits = `---\nname: a\ndescription: ${'Use when: x '.repeat(1_300)}\n---\nbody`;
    expect(importFile({ content: fits, format: 'claude-agent' }).notes).toHaveLength(1);
  });

  it('stays linear on a long line: 16 KB of spaces or 200 KB of "${input:" take milliseconds, not minutes', () => {
    const started = Date.now();
    const spaces = `---\nname: a\ndescription: Use when: x\nk${' '.repeat(16_000)}\n---\nbody`;
    expect(importFile({ content: spaces, format: 'claude-agent' }).document.description).toBe('Use when: x\nk');
    expect(detect({ path: 'agents/x.md', content: spaces })?.format).toBe('claude-agent');
    detect({ content: `---\ndescription: d\n---\n${'${input:'.repeat(30_000)}` });
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('reads the shape of claude-code\'s code-reviewer.md: one long description line with ": " and literal \\n', () => {
    // anthropics/claude-code reserves all rights, so its file is not in the corpus: this is its frontmatter's shape.
    const content = [
      '---',
      'name: code-reviewer',
      'description: Use this agent when you need to review code. \\n\\nExamples:\\n<example>\\nContext: The user has just implemented a feature.\\nuser: "Check it"\\n</example>',
      'model: opus',
      'color: green',
      '---',
      '',
      'You are an expert code reviewer.',
      '',
    ].join('\n');
    const result = importFile({ content, path: 'plugins/pr-review-toolkit/agents/code-reviewer.md' });
    expect(result.detection).toMatchObject({ format: 'claude-agent', confidence: 'likely' });
    expect(result.document).toMatchObject({
      kind: 'agent',
      name: 'code-reviewer',
      model: 'opus',
      extra: { color: 'green' },
    });
    expect(result.document.description).toBe(
      'Use this agent when you need to review code. \\n\\nExamples:\\n<example>\\nContext: The user has just implemented a feature.\\nuser: "Check it"\\n</example>',
    );
    expect(result.notes).toEqual([
      expect.objectContaining({ code: 'LENIENT_FRONTMATTER', key: 'description', line: 3 }),
    ]);
  });
});

(assembled ? describe : describe.skip)('lenient frontmatter on real corpus files', () => {
  it.each([
    [
      'anthropics+claude-plugins-official/plugins/pr-review-toolkit/agents/silent-failure-hunter.md',
      'silent-failure-hunter',
    ],
    ['anthropics+claude-code-action/.claude/agents/security-code-reviewer.md', 'security-code-reviewer'],
    ['langfuse+langfuse/.claude/agents/changelog-writer.md', 'changelog-writer'],
  ])('reads the real agent %s, which strict YAML refuses, as Claude Code does', (file, name) => {
    const content = readCorpusFile(file);
    const result = importFile({ content, format: 'claude-agent' });
    expect(result.document.name).toBe(name);
    const line = content.split('\n').find((candidate) => candidate.startsWith('description: '))!;
    expect(result.document.description).toBe(line.slice('description: '.length).trim());
    expect(result.document.body.length).toBeGreaterThan(100);
    expect(result.notes).toEqual([
      expect.objectContaining({ code: 'LENIENT_FRONTMATTER', key: 'description', line: 3 }),
    ]);
  });

  it('a strict file gives no notes through importFile', () => {
    const content = readCorpusFile('anthropics+claude-plugins-official/plugins/feature-dev/agents/code-explorer.md');
    expect(importFile({ content, format: 'claude-agent' }).notes).toEqual([]);
  });
});
