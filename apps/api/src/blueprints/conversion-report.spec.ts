import { attachedFilesHeader, conversionHeader, conversionMarkdown, unchangedReport } from './conversion-report';
import type { ConversionReport } from '@lynxprompt/formats';

const lossy: ConversionReport = {
  from: 'claude-code',
  to: 'cursor-command',
  lossless: false,
  changes: [
    { field: 'allowedTools', change: 'dropped', message: 'Cursor has nowhere to put allowedTools.' },
    { field: 'model', change: 'dropped', message: 'no model | here' },
    { field: 'name', change: 'derived', message: 'slug from the name', from: 'C# Expert', to: 'c-expert' },
  ],
};

describe('conversion report', () => {
  it('says lossless, or the fields by kind of change, in ASCII', () => {
    expect(conversionHeader(unchangedReport('claude-skill'))).toBe('lossless');
    expect(conversionHeader(lossy)).toBe('dropped=allowedTools,model; derived=name');
    expect(
      conversionHeader({ ...lossy, lossless: true, changes: [{ field: 'bödy', change: 'translated', message: '' }] }),
    ).toBe('lossless; translated=b_dy');
    const many = {
      ...lossy,
      changes: Array.from({ length: 500 }, (_, i) => ({ field: `f${i}`, change: 'dropped' as const, message: '' })),
    };
    expect(conversionHeader(many).length).toBeLessThanOrEqual(2000);
  });

  it('lists the attached files by count and path, percent-encoded', () => {
    expect(attachedFilesHeader(['.github/skills/s/références/a,b.md'])).toBe(
      '1; .github/skills/s/r%C3%A9f%C3%A9rences/a%2Cb.md',
    );
  });

  it('writes CONVERSION.md per file, escaping table cells', () => {
    const markdown = conversionMarkdown([
      { path: '.cursor/commands/review.md', report: lossy },
      { path: 'AGENTS.md', report: unchangedReport('agents-md') },
    ]);
    expect(markdown).toContain('## .cursor/commands/review.md');
    expect(markdown).toContain('| dropped | allowedTools |  |  | Cursor has nowhere to put allowedTools. |');
    expect(markdown).toContain('no model \\| here');
    expect(markdown).toContain('| derived | name | C# Expert | c-expert |');
    expect(markdown).toMatch(/## AGENTS.md\n\nFrom `agents-md` to `agents-md`.\n\nNothing was lost./);
    expect(conversionMarkdown([{ path: 'a', report: unchangedReport('x') }])).toContain('Nothing was lost: every file');
    expect(
      conversionMarkdown([{ path: 's/SKILL.md', report: unchangedReport('x'), attached: ['s/references/a.md'] }]),
    ).toContain('Attached files, copied unchanged (1):\n\n- `s/references/a.md`\n');
  });
});
