import type { ReactNode } from 'react';
import { CopyButton } from '../../../shared/components/CopyButton';

interface ShownOnceTokenProps {
  /** The region's accessible name, e.g. “New API token”. */
  label: string;
  title: ReactNode;
  /** Where to keep it, after “This is the only time it is shown.” */
  advice: ReactNode;
  token: string;
  testId: string;
  onDone: () => void;
}

/** A token just made, personal or organization: shown this once, with a copy button, until Done. */
export function ShownOnceToken({ label, title, advice, token, testId, onDone }: ShownOnceTokenProps) {
  return (
    <div className="callout callout--warning stack stack--tight" role="region" aria-label={label}>
      <h3 className="callout__title">{title}</h3>
      <p>
        <strong>This is the only time it is shown.</strong> {advice}
      </p>
      <code className="secret" data-testid={testId}>
        {token}
      </code>
      <div className="cluster">
        <CopyButton text={token} label="Copy token" />
        <button type="button" className="button button--primary button--small" onClick={onDone}>
          Done
        </button>
      </div>
    </div>
  );
}
