import type { ScanFinding } from '../api/blueprint-types';

interface FindingsListProps {
  findings: ScanFinding[];
  label: string;
  /** Renders one checkbox per finding, e.g. to acknowledge low-confidence secrets. */
  renderControl?: (finding: ScanFinding) => React.ReactNode;
  /** The suggestions are advice to the author (e.g. "replace it with [[API_KEY]]"): off for readers. */
  showSuggestions?: boolean;
}

export function findingLocation(finding: Pick<ScanFinding, 'line' | 'column'>): string {
  return `Line ${finding.line}, column ${finding.column}`;
}

/**
 * The API's suggestion is a whole sentence (e.g. "Replace it with a template variable: [[OPENAI_API_KEY]]"); the
 * template variables in it are shown as code so they can be copied exactly.
 */
function withVariablesAsCode(suggestion: string): React.ReactNode[] {
  return suggestion
    .split(/(\[\[[^\]]+\]\])/)
    .map((part, index) => (index % 2 === 1 ? <code key={index}>{part}</code> : part));
}

/** Exact places, messages and redacted excerpts of scan findings, in content order. */
export function FindingsList({ findings, label, renderControl, showSuggestions = true }: FindingsListProps) {
  const ordered = [...findings].sort((a, b) => a.line - b.line || a.column - b.column);
  return (
    <ul className="findings" aria-label={label}>
      {ordered.map((finding) => (
        <li key={finding.id} className={`finding finding--${finding.category} finding--${finding.confidence}`}>
          {renderControl?.(finding)}
          <div className="finding__body">
            <p className="finding__head">
              <span className="finding__location">
                {findingLocation(finding)}
                <span className="visually-hidden">:</span>
              </span>{' '}
              <span className="finding__message">{finding.message}</span>
            </p>
            <p className="finding__meta">
              <code className="finding__excerpt">{finding.excerpt}</code>
              <span className="badge">{finding.rule}</span>
              {finding.category === 'secret' && (
                <span className={`badge${finding.confidence === 'high' ? ' badge--danger' : ''}`}>
                  {finding.confidence === 'high' ? 'Likely secret' : 'Possible secret'}
                </span>
              )}
            </p>
            {showSuggestions && finding.suggestion && (
              <p className="finding__suggestion">{withVariablesAsCode(finding.suggestion)}</p>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
