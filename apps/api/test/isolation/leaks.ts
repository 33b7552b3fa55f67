import type { Marker } from './fixture';
import type { PrincipalSpec } from './spec-table';

/**
 * The markers of a fixture a principal may not see that appear in an answer (its body and headers, case-insensitive,
 * so slugs and file names derived from a name count too). Generic on purpose: lists, counts, facets, feeds, search
 * results and error messages are all just text here.
 */
export function leakedMarkers(
  markers: readonly Marker[],
  principal: PrincipalSpec,
  answer: { text: string; headers: Record<string, unknown> },
): Marker[] {
  const haystack = `${answer.text}\n${JSON.stringify(answer.headers)}`.toLowerCase();
  return markers.filter((marker) => !marker.visibleTo(principal) && haystack.includes(marker.marker.toLowerCase()));
}
