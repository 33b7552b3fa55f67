import {
  attachedFileChanges,
  checkAttachedPath,
  combinedReport,
  decodeAttachedFiles,
  emptyReport,
  sameFiles,
} from './attached-files';
import type { ScanFinding, ScanReport } from '../scanning';

const LIMITS = { maxFileBytes: 100, maxTotalBytes: 150, maxCount: 3 };
const text = (path: string, content = 'x') => ({ path, content, encoding: 'utf8' as const });

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
}

function finding(id: string, category: ScanFinding['category'], confidence: ScanFinding['confidence']): ScanFinding {
  return {
    id,
    category,
    rule: 'r',
    confidence,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 2,
    message: '',
    excerpt: '',
  };
}

describe('attached file paths', () => {
  it.each(['references/api.md', 'scripts/check.py', 'assets/logo.png', 'LICENSE.txt', 'reference/deep/er/x.md'])(
    'accepts %s',
    (path) => expect(checkAttachedPath(path)).toBe(path),
  );

  it.each([
    '',
    '../x.md',
    'references/../../x.md',
    './x.md',
    '/etc/passwd',
    'C:/x.md',
    'a\\b.md',
    'references//x.md',
    'references/',
    'SKILL.md',
    'skill.md',
    'a\u0000b',
    'what?.md',
    'x'.repeat(256),
  ])('refuses %j', (path) => expect(codeOf(() => checkAttachedPath(path))).toBe('ATTACHED_FILE_INVALID_PATH'));
});

describe('decodeAttachedFiles', () => {
  it('decodes base64 to bytes, keeps text, and sorts by path', () => {
    const files = decodeAttachedFiles(
      'skill',
      [
        text('scripts/b.sh', 'echo'),
        { path: 'assets/a.bin', content: Buffer.from([0, 255]).toString('base64'), encoding: 'base64' },
      ],
      LIMITS,
    );
    expect(files.map((file) => file.path)).toEqual(['assets/a.bin', 'scripts/b.sh']);
    expect([...files[0]!.bytes]).toEqual([0, 255]);
  });

  it('refuses other kinds, duplicates by case, bad encodings and each limit with its own code', () => {
    expect(codeOf(() => decodeAttachedFiles('rules', [text('x.md')], LIMITS))).toBe('ATTACHED_FILES_NOT_SUPPORTED');
    expect(decodeAttachedFiles('rules', [], LIMITS)).toEqual([]);
    expect(codeOf(() => decodeAttachedFiles('skill', [text('a.md'), text('A.md')], LIMITS))).toBe(
      'ATTACHED_FILE_INVALID_PATH',
    );
    expect(codeOf(() => decodeAttachedFiles('skill', [{ path: 'a', content: '!!', encoding: 'base64' }], LIMITS))).toBe(
      'ATTACHED_FILE_INVALID_ENCODING',
    );
    expect(codeOf(() => decodeAttachedFiles('skill', [text('a', 'x\u0000')], LIMITS))).toBe(
      'ATTACHED_FILE_INVALID_ENCODING',
    );
    expect(codeOf(() => decodeAttachedFiles('skill', [text('a', 'x'.repeat(101))], LIMITS))).toBe(
      'ATTACHED_FILE_TOO_LARGE',
    );
    expect(
      codeOf(() => decodeAttachedFiles('skill', [text('a', 'x'.repeat(80)), text('b', 'x'.repeat(80))], LIMITS)),
    ).toBe('ATTACHED_FILES_TOO_LARGE');
    expect(
      codeOf(() =>
        decodeAttachedFiles(
          'skill',
          ['a', 'b', 'c', 'd'].map((p) => text(p)),
          LIMITS,
        ),
      ),
    ).toBe('ATTACHED_FILES_TOO_MANY');
  });
});

describe('combinedReport', () => {
  const main: ScanReport = {
    ...emptyReport(),
    findings: [finding('m', 'hidden-instruction', 'high')],
    hiddenInstructions: 1,
  };
  const file = (path: string, findings: ScanFinding[], secrets = { high: 0, low: 0 }) => ({
    path,
    encoding: 'utf8' as const,
    bytes: Buffer.from(''),
    sizeBytes: 0,
    contentHash: '',
    report: { findings, secrets, hiddenInstructions: 0, truncated: false },
  });

  it('sums the totals and names the file of each finding', () => {
    const report = combinedReport(
      main,
      [file('references/a.md', [finding('s', 'secret', 'high')], { high: 1, low: 0 })],
      10,
    );
    expect(report.secrets).toEqual({ high: 1, low: 0 });
    expect(report.hiddenInstructions).toBe(1);
    expect(report.findings).toEqual([
      expect.objectContaining({ id: 'm' }),
      expect.objectContaining({ id: 's', file: 'references/a.md' }),
    ]);
    expect(report.truncated).toBe(false);
  });

  it('caps the list with secrets first and says it is truncated', () => {
    const report = combinedReport(main, [file('a', [finding('low', 'secret', 'low')], { high: 0, low: 1 })], 1);
    expect(report.findings.map((entry) => entry.id)).toEqual(['low']);
    expect(report.truncated).toBe(true);
  });
});

it('sameFiles compares paths, encodings and hashes in any order', () => {
  const a = { path: 'a', encoding: 'utf8', contentHash: '1' };
  const b = { path: 'b', encoding: 'base64', contentHash: '2' };
  expect(sameFiles([a, b], [b, a])).toBe(true);
  expect(sameFiles([a], [{ ...a, contentHash: '3' }])).toBe(false);
  expect(sameFiles([a], [a, b])).toBe(false);
});

it('attachedFileChanges lists added, removed and changed paths in order', () => {
  const file = (path: string, contentHash: string) => ({ path, encoding: 'utf8', contentHash });
  expect(
    attachedFileChanges(
      [file('b', '1'), file('c', '1'), file('d', '1')],
      [file('a', '1'), file('c', '2'), file('d', '1')],
    ),
  ).toEqual([
    { path: 'a', change: 'added' },
    { path: 'b', change: 'removed' },
    { path: 'c', change: 'changed' },
  ]);
});
