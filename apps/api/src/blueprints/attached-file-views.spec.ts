import { attachedFileViewsOf } from './blueprint-views';
import type { ScanFinding } from '../scanning';

function finding(line: number, category: ScanFinding['category']): ScanFinding {
  const confidence = 'high';
  return {
    id: `${category}${line}`,
    category,
    rule: 'r',
    confidence,
    line,
    column: 1,
    endLine: line,
    endColumn: 2,
    message: '',
    excerpt: '',
  };
}

function stored(findings: ScanFinding[]) {
  const secrets = findings.filter((entry) => entry.category === 'secret').length;
  return {
    findings,
    secrets: { high: secrets, low: 0 },
    hiddenInstructions: findings.length - secrets,
    truncated: false,
  };
}

it('lists at most the budget of findings across all files, secrets first, with exact totals per file', () => {
  const hidden = Array.from({ length: 3 }, (_, index) => finding(index + 1, 'hidden-instruction'));
  const views = attachedFileViewsOf(
    [
      { path: 'a.md', encoding: 'utf8', sizeBytes: 1, contentHash: 'x', findings: stored(hidden) },
      { path: 'b.md', encoding: 'utf8', sizeBytes: 1, contentHash: 'y', findings: stored([finding(9, 'secret')]) },
      { path: 'c.png', encoding: 'base64', sizeBytes: 1, contentHash: 'z', findings: [] },
    ],
    2,
  );
  expect(views.map((view) => view.findings.map((entry) => entry.id))).toEqual([
    ['hidden-instruction1'],
    ['secret9'],
    [],
  ]);
  expect(views[0]!.findingTotals).toEqual({ secrets: { high: 0, low: 0 }, hiddenInstructions: 3, truncated: true });
  expect(views[1]!.findingTotals.truncated).toBe(false);
});
