import type { ScanFinding } from '../api/blueprint-types';
import { FindingsList } from './FindingsList';

interface FindingsWarningProps {
  findings: ScanFinding[];
  /** The owner can remove invisible characters in one action; others only see the warning. */
  onStripInvisible?: () => void;
  stripping?: boolean;
}

/**
 * The warning a reader sees before copying a blueprint into a coding agent: hidden instructions (invisible characters,
 * HTML comments, encoded blobs, injection phrases) and anything that looks like a secret, each at its exact place.
 */
export function FindingsWarning({ findings, onStripInvisible, stripping = false }: FindingsWarningProps) {
  const hidden = findings.filter((finding) => finding.category === 'hidden-instruction');
  const secrets = findings.filter((finding) => finding.category === 'secret');
  if (findings.length === 0) return null;

  return (
    <section className="findings-warning" role="region" aria-label="Scan warnings">
      {hidden.length > 0 && (
        <div className="findings-warning__group">
          <h2 className="findings-warning__title">Hidden instructions found ({hidden.length})</h2>
          <p>
            This content contains text a person may not see but a coding agent will read. Check each place before you
            use it.
          </p>
          <FindingsList findings={hidden} label="Hidden-instruction findings" />
          {onStripInvisible && (
            <div>
              <button
                type="button"
                className="button button--primary button--small"
                onClick={onStripInvisible}
                disabled={stripping}
              >
                {stripping ? 'Stripping…' : 'Strip invisible characters'}
              </button>
            </div>
          )}
        </div>
      )}
      {secrets.length > 0 && (
        <div className="findings-warning__group">
          <h2 className="findings-warning__title">Possible secrets found ({secrets.length})</h2>
          <p>These look like credentials. Excerpts are redacted; the values are never shown here.</p>
          <FindingsList findings={secrets} label="Secret findings" />
        </div>
      )}
    </section>
  );
}
