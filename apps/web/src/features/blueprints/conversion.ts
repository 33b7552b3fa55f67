import type { components } from '@lynxprompt/api-contract';

export type ConversionReport = components['schemas']['ConversionReportView'];
export type ConversionChange = components['schemas']['ConversionChangeView'];
export type ChangeKind = ConversionChange['change'];

/** Losses first: what the target cannot hold matters more to the reader than what was renamed or derived. */
const ORDER: readonly ChangeKind[] = ['dropped', 'changed', 'derived', 'translated'];

export const CHANGE_LABELS: Record<ChangeKind, string> = {
  dropped: 'Dropped',
  changed: 'Changed',
  derived: 'Derived',
  translated: 'Translated',
};

/** Dropped and changed alter the meaning; derived and translated keep it. */
export function isLoss(change: Pick<ConversionChange, 'change'>): boolean {
  return change.change === 'dropped' || change.change === 'changed';
}

/** The changes in the order the page lists them: by kind (losses first), then as the server reported them. */
export function orderedChanges(report: ConversionReport): ConversionChange[] {
  return report.changes
    .map((change, index) => ({ change, index }))
    .sort((a, b) => ORDER.indexOf(a.change.change) - ORDER.indexOf(b.change.change) || a.index - b.index)
    .map(({ change }) => change);
}

/** One line for the report's heading, e.g. "2 dropped, 1 derived". */
export function conversionSummary(report: ConversionReport): string {
  const counts = ORDER.map((kind) => [kind, report.changes.filter((change) => change.change === kind).length] as const)
    .filter(([, count]) => count > 0)
    .map(([kind, count]) => `${count} ${kind}`);
  return counts.join(', ');
}
