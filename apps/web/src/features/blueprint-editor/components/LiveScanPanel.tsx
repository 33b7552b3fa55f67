import { useId } from 'react';
import type { ScanResult } from '../../blueprints/api/blueprint-types';
import { FindingsList } from '../../blueprints/components/FindingsList';

interface LiveScanPanelProps {
  result: ScanResult | undefined;
  error: unknown;
  scanning: boolean;
  empty: boolean;
}

/** Secret findings by confidence: the same counts as the answer's `secrets`, which the contract leaves untyped. */
function secretCounts(findings: ScanResult['findings']) {
  const secrets = findings.filter((finding) => finding.category === 'secret');
  return {
    high: secrets.filter((finding) => finding.confidence === 'high').length,
    low: secrets.filter((finding) => finding.confidence === 'low').length,
  };
}

function summaryOf(result: ScanResult): string {
  const parts: string[] = [];
  const { high, low } = secretCounts(result.findings);
  if (high > 0) parts.push(`${high} likely secret${high === 1 ? '' : 's'}`);
  if (low > 0) parts.push(`${low} possible secret${low === 1 ? '' : 's'}`);
  if (result.hiddenInstructions > 0) {
    parts.push(`${result.hiddenInstructions} hidden instruction${result.hiddenInstructions === 1 ? '' : 's'}`);
  }
  return parts.length > 0 ? `Found ${parts.join(', ')}.` : 'No secrets or hidden instructions found.';
}

/** Findings and template variables of the text being typed; the summary line is announced to screen readers. */
export function LiveScanPanel({ result, error, scanning, empty }: LiveScanPanelProps) {
  const headingId = useId();
  const variablesId = useId();
  return (
    <section className="live-scan" aria-labelledby={headingId}>
      <h2 id={headingId} className="live-scan__title">
        Scan
      </h2>
      <p className="live-scan__summary" role="status" aria-live="polite">
        {empty
          ? 'Write something to scan it for secrets and hidden instructions.'
          : error && !result
            ? 'The scan is unavailable right now; the server scans again when you save.'
            : result
              ? summaryOf(result)
              : 'Scanning…'}
      </p>
      {scanning && !empty && result && (
        <p className="field__hint" aria-hidden="true">
          Updating…
        </p>
      )}
      {result && result.findings.length > 0 && <FindingsList findings={result.findings} label="Scan findings" />}
      <h3 id={variablesId} className="live-scan__subtitle">
        Detected variables
      </h3>
      {result && result.variables.length > 0 ? (
        <ul className="live-scan__variables" aria-labelledby={variablesId}>
          {result.variables.map((variable) => (
            <li key={variable.name}>
              <code>[[{variable.name}]]</code>
              {variable.defaultValue !== undefined && (
                <span className="field__hint"> default “{variable.defaultValue}”</span>
              )}
              <span className="field__hint">
                {' '}
                · {variable.occurrences.length} use{variable.occurrences.length === 1 ? '' : 's'}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="field__hint">
          None. Write <code>[[NAME]]</code> or <code>[[NAME|default]]</code> for values each reader fills in.
        </p>
      )}
    </section>
  );
}
