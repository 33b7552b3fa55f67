import * as fs from 'node:fs';
import * as path from 'node:path';
import * as markdownPlugin from 'prettier/plugins/markdown';
import { format as formatWithPrettier } from 'prettier/standalone';
import { listFormats } from './formats';
import { withFormatsTable } from './formats-doc';

/* docs/formats.md carries a generated table of every target; this keeps it in step with the registry. */
const REPO_ROOT = path.resolve(__dirname, '../../..');
const DOC = path.join(REPO_ROOT, 'docs/formats.md');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

describe('docs/formats.md', () => {
  it('lists every target exactly as the registry describes it', async () => {
    // Formatted as `prettier --check` wants it, so the generated file passes the repository's format check.
    // (Prettier's standalone build: its main entry loads ES modules, which Jest's CommonJS runtime cannot.)
    const config = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, '.prettierrc.json'), 'utf8')) as object;
    const current = fs.readFileSync(DOC, 'utf8');
    const expected = await formatWithPrettier(withFormatsTable(current), {
      ...config,
      parser: 'markdown',
      plugins: [markdownPlugin],
    });
    if (UPDATE) fs.writeFileSync(DOC, expected);
    expect(fs.readFileSync(DOC, 'utf8')).toBe(expected);
    for (const format of listFormats()) expect(expected).toContain(`\`${format.id}\``);
  });
});
