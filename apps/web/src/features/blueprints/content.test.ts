import { codeLanguageOf, countLines, fenced, frontmatterEntries, splitFrontmatter } from './content';

describe('splitFrontmatter', () => {
  it('separates a leading --- block from the body', () => {
    expect(splitFrontmatter('---\nglobs: *.ts\n---\n# Body\n')).toEqual({
      frontmatter: 'globs: *.ts',
      body: '# Body\n',
    });
    expect(splitFrontmatter('---\r\na: 1\r\n---\r\nText')).toEqual({ frontmatter: 'a: 1', body: 'Text' });
  });

  it('leaves content without frontmatter alone, including a later horizontal rule', () => {
    expect(splitFrontmatter('# Title\n---\nmore')).toEqual({ frontmatter: null, body: '# Title\n---\nmore' });
  });
});

describe('frontmatterEntries', () => {
  it('reads Cursor-style unquoted values and YAML lists leniently', () => {
    expect(
      frontmatterEntries(
        'description: "React rules"\nglobs: *.tsx, *.ts\napplyTo:\n  - src/**\n  - test/**\nalwaysApply: false',
      ),
    ).toEqual([
      { key: 'description', value: 'React rules' },
      { key: 'globs', value: '*.tsx, *.ts' },
      { key: 'applyTo', value: 'src/**, test/**' },
      { key: 'alwaysApply', value: 'false' },
    ]);
  });

  it('gives up (so the raw block is shown) when the first line is not a key', () => {
    expect(frontmatterEntries('- a\n- b')).toEqual([]);
  });
});

describe('fenced', () => {
  it('uses a fence longer than any backtick run in the code', () => {
    expect(fenced('a ``` b', 'md')).toBe('````md\na ``` b\n````');
    expect(fenced('x\n', 'json')).toBe('```json\nx\n```');
  });
});

describe('codeLanguageOf', () => {
  it('maps data syntaxes to a highlighter language and keeps Markdown rendered', () => {
    expect(codeLanguageOf('json', '')).toBe('json');
    expect(codeLanguageOf('yaml', '')).toBe('yaml');
    expect(codeLanguageOf('toml', '')).toBe('ini');
    expect(codeLanguageOf('mdc', '{}')).toBeUndefined();
    expect(codeLanguageOf(undefined, '{"a": 1}')).toBe('json');
    expect(codeLanguageOf(undefined, '[link](x)')).toBeUndefined();
  });
});

describe('countLines', () => {
  it('counts like the API: a final newline ends the last line', () => {
    expect(countLines('')).toBe(0);
    expect(countLines('a')).toBe(1);
    expect(countLines('a\n')).toBe(1);
    expect(countLines('a\nb')).toBe(2);
  });
});
