import type { TemplateVariable } from '@lynxprompt/formats/browser';
import { useId } from 'react';
import { FindingsList } from '../../blueprints/components/FindingsList';
import type { LiveScanResult } from '../hooks/use-live-scan';

interface LiveScanPanelProps {
  result: LiveScanResult | undefined;
  error: unknown;
  scanning: boolean;
  empty: boolean;
  /** Found in the browser on every keystroke (parseVariables), not by the scan. */
  variables: TemplateVariable[];
}

/** The counts are the scan's exact totals; the list may be capped (SCAN_MAX_LISTED_FINDINGS). */
function summaryOf(result: LiveScanResult): string {
  const parts: string[] = [];
  const { high, low } = result.secrets;
  if (high > 0) parts.push(`${high} likely secret${high === 1 ? '' : 's'}`);
  if (low > 0) parts.push(`${low} possible secret${low === 1 ? '' : 's'}`);
  if (result.hiddenInstructions > 0) {
    parts.push(`${result.hiddenInstructions} hidden instruction${result.hiddenInstructions === 1 ? '' : 's'}`);
  }
  if (parts.length === 0) return 'No secrets or hidden instructions found.';
  const listed = result.truncated ? ` The first ${result.findings.length} are listed.` : '';
  return `Found ${parts.join(', ')}.${listed}`;
}

/** Findings and template variables of the text being typed; the summary line is announced to screen readers. */
export function LiveScanPanel({ result, error, scanning, empty, variables }: LiveScanPanelProps) {
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
      {variables.length > 0 ? (
        <ul className="live-scan__variables" aria-labelledby={variablesId}>
          {variables.map((variable) => (
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
