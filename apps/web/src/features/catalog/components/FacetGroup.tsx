import { useId } from 'react';
import type { Facet } from '../../blueprints/api/blueprint-types';
import { formatCount } from '../../../shared/format';

interface FacetGroupProps {
  title: string;
  facets: Facet[] | undefined;
  /** The values currently filtered on (one for most groups, several for tags). */
  selected: string[];
  onToggle: (value: string) => void;
  labelOf?: (value: string) => string;
  /** The counts were taken over a sample of the matches: shown as "~12", never as totals. */
  sampled?: boolean;
}

/**
 * One filter with its facet counts: each value is a toggle button. A selected value the counts no longer list (no
 * match under the other filters) stays visible, so it can be turned off.
 */
export function FacetGroup({
  title,
  facets = [],
  selected,
  onToggle,
  labelOf = (value) => value,
  sampled = false,
}: FacetGroupProps) {
  const headingId = useId();
  const listed = new Set(facets.map((facet) => facet.value));
  const entries = [...facets, ...selected.filter((value) => !listed.has(value)).map((value) => ({ value, count: 0 }))];
  if (entries.length === 0) return null;
  return (
    <section className="facet-group" aria-labelledby={headingId}>
      <h3 id={headingId} className="facet-group__title">
        {title}
      </h3>
      <ul className="facet-group__list">
        {entries.map((facet) => {
          const active = selected.includes(facet.value);
          return (
            <li key={facet.value}>
              <button type="button" className="facet" aria-pressed={active} onClick={() => onToggle(facet.value)}>
                <span className="facet__label">{labelOf(facet.value)}</span>{' '}
                <span className="facet__count">
                  {sampled && <span aria-hidden="true">~</span>}
                  {formatCount(facet.count)}{' '}
                  <span className="visually-hidden">{sampled ? 'blueprints in the sample' : 'blueprints'}</span>
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
