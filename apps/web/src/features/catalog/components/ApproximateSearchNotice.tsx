import { Link } from 'react-router';
import type { SearchApproximation } from '../../blueprints/api/blueprint-types';

interface ApproximateSearchNoticeProps {
  /** The search as typed, which matched nothing. */
  typed: string;
  approximation: SearchApproximation;
  /** The catalogue searching the corrected query, with the same filters and sort. */
  to: string;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The corrected query with each corrected word in bold. Words are matched whole and case-insensitively, so "rust" in
 * "rust-analyzer" is only bold when "rust" itself was the correction.
 */
function emphasiseCorrections(query: string, suggestions: string[]) {
  const words = [...new Set(suggestions.filter(Boolean))].sort((a, b) => b.length - a.length).map(escapeRegExp);
  if (words.length === 0) return query;
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(${words.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  // split with one capturing group alternates: text, corrected word, text, …
  return query.split(pattern).map((part, index) => (index % 2 === 1 ? <strong key={index}>{part}</strong> : part));
}

/** Says that nothing matched the search as typed, and which search the results shown are for instead. */
export function ApproximateSearchNotice({ typed, approximation, to }: ApproximateSearchNoticeProps) {
  const suggestions = approximation.corrections.map((correction) => correction.suggestion);
  return (
    <div className="callout" role="status">
      <p>
        No blueprints match “{typed}”. Showing results for{' '}
        <Link to={to}>{emphasiseCorrections(approximation.query, suggestions)}</Link>
      </p>
    </div>
  );
}
