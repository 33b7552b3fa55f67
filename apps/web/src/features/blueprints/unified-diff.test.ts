import { parseUnifiedDiff } from './unified-diff';

describe('parseUnifiedDiff', () => {
  it('numbers old and new lines from the hunk header and keeps file headers apart', () => {
    const lines = parseUnifiedDiff(
      ['--- v1', '+++ v2', '@@ -10,3 +10,3 @@', ' keep', '-old', '+new', ' end', ''].join('\n'),
    );
    expect(lines).toEqual([
      { kind: 'header', text: '--- v1' },
      { kind: 'header', text: '+++ v2' },
      { kind: 'hunk', text: '@@ -10,3 +10,3 @@' },
      { kind: 'context', text: 'keep', oldNumber: 10, newNumber: 10 },
      { kind: 'removed', text: 'old', oldNumber: 11 },
      { kind: 'added', text: 'new', newNumber: 11 },
      { kind: 'context', text: 'end', oldNumber: 12, newNumber: 12 },
    ]);
  });

  it('reads lines that look like headers inside a hunk as content', () => {
    const lines = parseUnifiedDiff(['@@ -1 +1,2 @@', '---- rule', '+++ plus', '+@@ not a hunk'].join('\n'));
    expect(lines.map((line) => line.kind)).toEqual(['hunk', 'removed', 'added', 'added']);
    expect(lines[1]?.text).toBe('--- rule');
  });

  it('handles several hunks and the no-newline marker', () => {
    const lines = parseUnifiedDiff(
      ['@@ -1,1 +1,1 @@', '-a', '+b', '@@ -20,1 +20,1 @@', '-y', '\\ No newline at end of file', '+z'].join('\n'),
    );
    expect(lines.filter((line) => line.kind === 'hunk')).toHaveLength(2);
    expect(lines.find((line) => line.text === 'y')).toMatchObject({ kind: 'removed', oldNumber: 20 });
    expect(lines.find((line) => line.kind === 'note')?.text).toBe('\\ No newline at end of file');
    expect(lines.at(-1)).toMatchObject({ kind: 'added', text: 'z', newNumber: 20 });
  });

  it('is empty for an empty diff', () => {
    expect(parseUnifiedDiff('')).toEqual([]);
  });
});
