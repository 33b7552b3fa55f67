import { strToU8, zipSync } from 'fflate';
import { splitIntoBatches } from './batches';
import { collectFiles, COLLECT_LIMITS, readZip, type CollectedFile } from './collect-files';

const RULE = '---\ndescription: Go\nglobs: **/*.go\n---\nUse gofmt.\n';
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]);

function paths(files: readonly { path: string }[]): string[] {
  return files.map((file) => file.path).sort();
}

describe('readZip', () => {
  it('reads a repository zip from its root, only instruction files and skill folders, binaries only in skills', () => {
    const zip = zipSync({
      'acme-main/.cursor/rules/go.mdc': strToU8(RULE),
      'acme-main/README.md': strToU8('# Acme'),
      'acme-main/src/index.ts': strToU8('export {};'),
      'acme-main/package.json': strToU8('{}'),
      'acme-main/.vscode/mcp.json': strToU8('{"servers":{}}'),
      'acme-main/.cursorrules': strToU8('Be terse.'),
      'acme-main/node_modules/left-pad/README.md': strToU8('# pad'),
      'acme-main/.git/HEAD': strToU8('ref: refs/heads/main'),
      'acme-main/docs/logo.png': PNG,
      'acme-main/skills/pdf/SKILL.md': strToU8('---\nname: pdf\ndescription: PDFs\n---\nRead PDFs.'),
      'acme-main/skills/pdf/scripts/fill.py': strToU8('print(1)'),
      'acme-main/skills/pdf/assets/logo.png': PNG,
    });
    const { files, leftOut } = readZip(zip);
    expect(paths(files)).toEqual([
      '.cursor/rules/go.mdc',
      '.cursorrules',
      '.vscode/mcp.json',
      'README.md',
      'skills/pdf/SKILL.md',
      'skills/pdf/assets/logo.png',
      'skills/pdf/scripts/fill.py',
    ]);
    const logo = files.find((file) => file.path === 'skills/pdf/assets/logo.png');
    expect(logo).toMatchObject({ encoding: 'base64', sizeBytes: PNG.length });
    expect(atob(logo!.content)).toHaveLength(PNG.length);
    expect(leftOut).toEqual(
      expect.arrayContaining([
        { path: 'src/index.ts', reason: 'not an instruction file' },
        { path: 'package.json', reason: 'not an instruction file' },
        { path: 'docs/logo.png', reason: 'not an instruction file' },
      ]),
    );
    // Nothing from the skipped folders is even listed.
    expect(leftOut.some((file) => /node_modules|\.git\//.test(file.path))).toBe(false);
  });

  it('keeps a tool folder zipped on its own, and bounds entries and sizes from the central directory', () => {
    const own = readZip(zipSync({ '.claude/agents/a.md': strToU8('---\nname: a\n---\nx') }));
    expect(paths(own.files)).toEqual(['.claude/agents/a.md']);

    const big = readZip(
      zipSync({ 'big.md': new Uint8Array(COLLECT_LIMITS.maxFileBytes + 1).fill(65), 'ok.md': strToU8('# ok') }),
    );
    expect(paths(big.files)).toEqual(['ok.md']);
    expect(big.leftOut).toEqual([{ path: 'big.md', reason: 'larger than 256 KB' }]);

    const many: Record<string, Uint8Array> = {};
    for (let index = 0; index < COLLECT_LIMITS.maxEntries + 5; index++) many[`r/${index}.md`] = strToU8('# x');
    const capped = readZip(zipSync(many));
    expect(capped.files).toHaveLength(COLLECT_LIMITS.maxEntries);
    expect(capped.leftOut.at(-1)?.reason).toBe(`more than ${COLLECT_LIMITS.maxEntries} entries`);

    // 40 files of 250 KB of one letter compress to almost nothing, but would be 10 MB unzipped: 8 MB at most is read.
    const bomb: Record<string, Uint8Array> = {};
    for (let index = 0; index < 40; index++) bomb[`b/${index}.md`] = new Uint8Array(250 * 1024).fill(66);
    const read = readZip(zipSync(bomb, { level: 9 }));
    const total = read.files.reduce((sum, file) => sum + file.sizeBytes, 0);
    expect(total).toBeLessThanOrEqual(COLLECT_LIMITS.maxTotalBytes);
    expect(read.leftOut.some((file) => file.reason === 'over the 8 MB read from one zip')).toBe(true);
  });
});

describe('collectFiles', () => {
  it('sends single files whatever they are, filters folders, unzips zips and leaves binaries out', async () => {
    const zip = zipSync({ 'repo/AGENTS.md': strToU8('# Agents') });
    const { files, leftOut } = await collectFiles([
      { file: new File(['# notes'], 'notes.txt') },
      { file: new File([PNG], 'photo.png') },
      { file: new File([zip], 'repo.zip') },
      { file: new File([RULE], 'go.mdc'), relativePath: 'acme/.cursor/rules/go.mdc' },
      { file: new File(['x'], 'main.go'), relativePath: 'acme/main.go' },
      { file: new File(['x'], 'index.js'), relativePath: 'acme/node_modules/x/index.js' },
    ]);
    expect(paths(files)).toEqual(['.cursor/rules/go.mdc', 'AGENTS.md', 'notes.txt']);
    expect(leftOut).toEqual(
      expect.arrayContaining([
        { path: 'photo.png', reason: 'a binary file' },
        { path: 'main.go', reason: 'not an instruction file' },
      ]),
    );
  });
});

describe('splitIntoBatches', () => {
  const file = (path: string, size = 10): CollectedFile => ({
    path,
    content: 'a'.repeat(size),
    encoding: 'utf8',
    sizeBytes: size,
  });

  it('splits by count and size, never across a skill folder', () => {
    const files = [
      file('a.md'),
      file('b.md'),
      file('skills/pdf/SKILL.md'),
      file('skills/pdf/references/x.md'),
      file('skills/pdf/forms.md'),
      file('c.md', 500),
    ];
    const batches = splitIntoBatches(files, { maxFiles: 4, maxBytes: 400 });
    expect(batches.map((batch) => batch.map((entry) => entry.path))).toEqual([
      ['a.md', 'b.md'],
      ['skills/pdf/SKILL.md', 'skills/pdf/references/x.md', 'skills/pdf/forms.md'],
      ['c.md'],
    ]);
  });
});
