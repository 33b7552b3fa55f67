import type { ImportPreviewItem } from './api/imports-api';
import { withConflictsAcrossBatches } from './batch-conflicts';

function item(path: string, slug: string | null, conflicts: ImportPreviewItem['conflicts'] = []): ImportPreviewItem {
  return {
    path,
    status: slug ? 'ready' : 'unknown',
    reason: '',
    detection: null,
    name: slug,
    slug,
    notes: [],
    scan: null,
    attachments: [],
    conflicts,
    error: null,
  };
}

describe('withConflictsAcrossBatches', () => {
  it('names the items of other requests that would get the same slug, keeping those the server found', () => {
    const sameInFirst = { code: 'SAME_NAME_IN_BATCH' as const, message: 'b.md would…', paths: ['b/go.mdc'] };
    const result = withConflictsAcrossBatches([
      [item('a/go.mdc', 'go', [sameInFirst]), item('b/go.mdc', 'go'), item('x.md', 'x'), item('README.md', null)],
      [item('c/go.mdc', 'go')],
    ]);
    expect(result[0]![0]!.conflicts).toEqual([
      {
        code: 'SAME_NAME_IN_BATCH',
        message: 'b/go.mdc, c/go.mdc would get the same name; the later ones would be numbered',
        paths: ['b/go.mdc', 'c/go.mdc'],
      },
    ]);
    expect(result[1]![0]!.conflicts.map((conflict) => conflict.paths)).toEqual([['a/go.mdc', 'b/go.mdc']]);
    expect(result[0]![2]!.conflicts).toEqual([]);
    expect(result[0]![3]!.conflicts).toEqual([]);
  });
});
