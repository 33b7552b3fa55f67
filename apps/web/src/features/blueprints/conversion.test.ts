import { conversionSummary, isLoss, orderedChanges, type ConversionReport } from './conversion';

const report: ConversionReport = {
  from: 'claude-code',
  to: 'cursor-command',
  lossless: false,
  changes: [
    { field: 'name', change: 'derived', message: 'Named after the blueprint' },
    { field: 'model', change: 'dropped', message: 'Cursor commands have no model' },
    { field: 'body', change: 'translated', message: '$ARGUMENTS has no equivalent' },
    { field: 'allowedTools', change: 'dropped', message: 'Cursor commands have no tool list' },
    { field: 'description', change: 'changed', message: 'Shortened' },
  ],
};

describe('conversion report helpers', () => {
  it('lists losses first, keeping the server order within a kind', () => {
    expect(orderedChanges(report).map((change) => change.field)).toEqual([
      'model',
      'allowedTools',
      'description',
      'name',
      'body',
    ]);
  });

  it('counts the changes by kind, losses first', () => {
    expect(conversionSummary(report)).toBe('2 dropped, 1 changed, 1 derived, 1 translated');
    expect(conversionSummary({ ...report, changes: [] })).toBe('');
  });

  it('counts dropped and changed as losses, derived and translated not', () => {
    expect(report.changes.map(isLoss)).toEqual([false, true, false, true, true]);
  });
});
