import { useEffect, useRef } from 'react';
import { CopyButton } from '../../../shared/components/CopyButton';
import { saveFile } from '../../../shared/save-file';

interface RecoveryCodesProps {
  codes: string[];
  onDone: () => void;
}

function download(codes: string[]) {
  const text = [
    'LynxPrompt recovery codes',
    `Saved ${new Date().toISOString().slice(0, 10)} for ${window.location.host}.`,
    'Each code signs you in once when your authenticator is unavailable.',
    '',
    ...codes,
    '',
  ].join('\n');
  saveFile(new Blob([text], { type: 'text/plain' }), 'lynxprompt-recovery-codes.txt');
}

/** Freshly issued recovery codes: shown this once, with ways to keep them. */
export function RecoveryCodes({ codes, onDone }: RecoveryCodesProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  return (
    <div className="callout callout--warning stack stack--tight" role="region" aria-labelledby="recovery-codes-title">
      <h3 id="recovery-codes-title" className="callout__title" ref={heading} tabIndex={-1}>
        Save your recovery codes
      </h3>
      <p>
        Each code signs you in once if you lose your authenticator. <strong>They are shown only now.</strong> Keep them
        somewhere safe, like a password manager.
      </p>
      <ol className="recovery-codes" aria-label="Recovery codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div className="cluster">
        <CopyButton text={codes.join('\n')} label="Copy codes" />
        <button type="button" className="button button--secondary button--small" onClick={() => download(codes)}>
          Download
        </button>
        <button type="button" className="button button--primary button--small" onClick={onDone}>
          I’ve saved them
        </button>
      </div>
    </div>
  );
}
