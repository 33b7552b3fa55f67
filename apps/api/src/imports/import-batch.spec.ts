import { checkBatch, groupItems, MAX_IMPORT_FILE_BYTES, MAX_IMPORT_FILES, type BatchFile } from './import-batch';

const text = (path: string, content = 'x'): BatchFile => ({
  path,
  content,
  encoding: 'utf8',
  sizeBytes: content.length,
});
const codeOf = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
};

describe('checkBatch', () => {
  it('normalises paths and measures each file, base64 by its decoded size', () => {
    const files = checkBatch([
      { path: '.\\skills\\pdf\\SKILL.md', content: 'é' },
      { path: 'skills/pdf/assets/logo.png', content: Buffer.from([1, 2, 3, 4]).toString('base64'), encoding: 'base64' },
    ]);
    expect(files.map((file) => [file.path, file.sizeBytes])).toEqual([
      ['skills/pdf/SKILL.md', 2],
      ['skills/pdf/assets/logo.png', 4],
    ]);
  });

  it('refuses with a stable code: too many files, too large, bad paths, duplicates, bad base64', () => {
    const many = Array.from({ length: MAX_IMPORT_FILES + 1 }, (_, index) => ({ path: `f${index}.md`, content: 'x' }));
    expect(codeOf(() => checkBatch(many))).toBe('IMPORT_TOO_MANY_FILES');
    const big = 'a'.repeat(MAX_IMPORT_FILE_BYTES + 1);
    expect(codeOf(() => checkBatch([{ path: 'big.md', content: big }]))).toBe('IMPORT_FILE_TOO_LARGE');
    const nearly = 'a'.repeat(MAX_IMPORT_FILE_BYTES);
    const total = Array.from({ length: 17 }, (_, index) => ({ path: `n${index}.md`, content: nearly }));
    expect(codeOf(() => checkBatch(total))).toBe('IMPORT_TOTAL_TOO_LARGE');
    for (const path of ['../etc/passwd', '/abs.md', 'C:/x.md', 'a/\u0001.md', '', './']) {
      expect(codeOf(() => checkBatch([{ path, content: 'x' }]))).toBe('IMPORT_INVALID_PATH');
    }
    expect(
      codeOf(() =>
        checkBatch([
          { path: 'a.md', content: 'x' },
          { path: './a.md', content: 'y' },
        ]),
      ),
    ).toBe('IMPORT_DUPLICATE_PATH');
    expect(codeOf(() => checkBatch([{ path: 'a.png', content: 'not base64!', encoding: 'base64' }]))).toBe(
      'IMPORT_INVALID_ENCODING',
    );
  });
});

describe('groupItems', () => {
  it('gives a SKILL.md every file of its folder, the deepest skill first, never another SKILL.md', () => {
    const files = [
      text('skills/pdf/SKILL.md'),
      text('skills/pdf/references/api.md'),
      text('skills/pdf/scripts/fill.py'),
      text('skills/pdf/forms.md'),
      text('skills/pdf/agents/grader.md'),
      text('skills/pdf/nested/SKILL.md'),
      text('skills/pdf/nested/assets/x.txt'),
      text('skills/README.md'),
      text('README.md'),
    ];
    expect(
      groupItems(files).map((item) => [item.path, item.attachments.map((attachment) => attachment.relativePath)]),
    ).toEqual([
      ['skills/pdf/SKILL.md', ['references/api.md', 'scripts/fill.py', 'forms.md', 'agents/grader.md']],
      ['skills/pdf/nested/SKILL.md', ['assets/x.txt']],
      ['skills/README.md', []],
      ['README.md', []],
    ]);
  });

  it('at the root, a SKILL.md takes only its resource folders', () => {
    const items = groupItems([text('SKILL.md'), text('references/a.md'), text('README.md'), text('docs/a.md')]);
    expect(items.map((item) => [item.path, item.attachments.map((attachment) => attachment.relativePath)])).toEqual([
      ['SKILL.md', ['references/a.md']],
      ['README.md', []],
      ['docs/a.md', []],
    ]);
  });
});
