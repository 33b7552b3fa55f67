import type { ImportPreviewItem } from './api/imports-api';

/**
 * The server sees one request at a time, so two items in different requests that would get the same name are not
 * flagged by it: the same SAME_NAME_IN_BATCH conflict is added here, naming the items of the other requests.
 */
export function withConflictsAcrossBatches(batches: readonly ImportPreviewItem[][]): ImportPreviewItem[][] {
  const where = new Map<string, { path: string; batch: number }[]>();
  batches.forEach((items, batch) => {
    for (const item of items) {
      if (item.slug !== null) where.set(item.slug, [...(where.get(item.slug) ?? []), { path: item.path, batch }]);
    }
  });
  return batches.map((items, batch) =>
    items.map((item) => {
      const elsewhere = (item.slug === null ? [] : (where.get(item.slug) ?? []))
        .filter((other) => other.batch !== batch)
        .map((other) => other.path);
      if (elsewhere.length === 0) return item;
      const same = item.conflicts.find((conflict) => conflict.code === 'SAME_NAME_IN_BATCH');
      const paths = [...(same?.paths ?? []), ...elsewhere];
      return {
        ...item,
        conflicts: [
          ...item.conflicts.filter((conflict) => conflict !== same),
          {
            code: 'SAME_NAME_IN_BATCH' as const,
            message: `${paths.join(', ')} would get the same name; the later ones would be numbered`,
            paths,
          },
        ],
      };
    }),
  );
}
