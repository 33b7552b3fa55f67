import { useState } from 'react';
import { FormError } from '../../../shared/components/FormError';
import { errorCode, findingsOfError, licenseOfError, WRITE_ERROR_MESSAGES } from '../write-errors';
import { FindingsList } from './FindingsList';

/**
 * The acknowledgements ticked so far, kept by the form that owns the save button: they survive a failed save and the
 * notice's re-render, and that form sends them with its next save.
 */
export interface AcknowledgedFindings {
  ids: ReadonlySet<string>;
  toggle: (findingId: string, on: boolean) => void;
}

interface WriteErrorNoticeProps {
  error: unknown;
  /**
   * Resends the write with these low-confidence findings acknowledged as not secrets (with `acknowledged`, the
   * caller's write sends the ticks it holds).
   */
  onAcknowledge?: (findingIds: string[]) => void;
  /**
   * Ticks held by the caller, whose own buttons send them with every write, so a tick survives a failed write. Without
   * an `onAcknowledge`, the caller's button is the only one (the editor's save).
   */
  acknowledged?: AcknowledgedFindings;
  /** Reads the blueprint again after a 412: someone (or another tab) changed it. */
  onReload?: () => void;
  /** For SECRET_DETECTED and FINDINGS_TOO_MANY in the editor: switch to private, where secrets are allowed. */
  onMakePrivate?: () => void;
  busy?: boolean;
}

/** A failed blueprint write, explained by its code, with the one way forward each code has. */
export function WriteErrorNotice({
  error,
  onAcknowledge,
  onReload,
  onMakePrivate,
  acknowledged,
  busy = false,
}: WriteErrorNoticeProps) {
  const code = errorCode(error);

  if (code === 'SECRET_DETECTED') {
    return (
      <FormError error={error} message="This content contains what looks like a real secret, so it cannot be shared.">
        <p>
          Replace each value with a template variable such as <code>[[API_KEY]]</code> (readers fill in their own), or
          keep the blueprint private.
        </p>
        <FindingsList findings={findingsOfError(error)} label="Secrets that block saving" />
        {onMakePrivate && <MakePrivateButton onClick={onMakePrivate} />}
      </FormError>
    );
  }

  if (code === 'FINDINGS_TOO_MANY') {
    return (
      <FormError
        error={error}
        message="This content has more possible secrets than can be confirmed one by one, so it cannot be shared."
      >
        <p>
          Remove them or replace them with template variables such as <code>[[API_KEY]]</code>, or keep the blueprint
          private.
        </p>
        {onMakePrivate && <MakePrivateButton onClick={onMakePrivate} />}
      </FormError>
    );
  }

  if (code === 'FINDINGS_NOT_ACKNOWLEDGED') {
    return <AcknowledgeFindings error={error} onAcknowledge={onAcknowledge} acknowledged={acknowledged} busy={busy} />;
  }

  if (code === 'PRECONDITION_FAILED') {
    return (
      <FormError
        error={error}
        message="This blueprint was changed somewhere else (another tab, device or the API) since you opened it. Nothing was overwritten."
      >
        <p>Reload the latest version, then apply your change again. Copy anything you want to keep first.</p>
        {onReload && (
          <p>
            <button type="button" className="button button--primary button--small" onClick={onReload}>
              Reload the latest version
            </button>
          </p>
        )}
      </FormError>
    );
  }

  if (code === 'REMOTE_LICENSE_FORBIDS_FORK') {
    const license = licenseOfError(error);
    return (
      <FormError
        error={error}
        message={`This blueprint cannot be forked: its licence${license ? ` (${license})` : ''} does not clearly allow derivative works.`}
      >
        <p>You can still read it, export it for your tool, or ask its author on the original instance.</p>
      </FormError>
    );
  }

  return <FormError error={error} message={code ? WRITE_ERROR_MESSAGES[code] : undefined} />;
}

/** Ticks kept in a component's state, with a toggle: for the notice's own use and for forms that hold them. */
export function useAcknowledgedFindings(): AcknowledgedFindings {
  const [ids, setIds] = useState<ReadonlySet<string>>(new Set());
  return {
    ids,
    toggle: (findingId, on) =>
      setIds((current) => {
        const next = new Set(current);
        if (on) next.add(findingId);
        else next.delete(findingId);
        return next;
      }),
  };
}

function AcknowledgeFindings({
  error,
  onAcknowledge,
  acknowledged: held,
  busy,
}: {
  error: unknown;
  onAcknowledge?: (findingIds: string[]) => void;
  acknowledged?: AcknowledgedFindings;
  busy: boolean;
}) {
  const findings = findingsOfError(error);
  const own = useAcknowledgedFindings();
  const { ids: acknowledged, toggle } = held ?? own;
  const all = findings.length > 0 && findings.every((finding) => acknowledged.has(finding.id));

  return (
    <FormError
      error={error}
      message="Some values may be secrets. Confirm each one is not, or replace it with a template variable."
    >
      <FindingsList
        findings={findings}
        label="Possible secrets to confirm"
        renderControl={(finding) => (
          <label className="finding__control">
            <input
              type="checkbox"
              checked={acknowledged.has(finding.id)}
              onChange={(event) => toggle(finding.id, event.target.checked)}
            />
            <span>
              I understand, this is not a secret
              <span className="visually-hidden">
                {' '}
                (line {finding.line}, column {finding.column})
              </span>
            </span>
          </label>
        )}
      />
      {held && !onAcknowledge && <p>Tick each value that is not a secret, then save again with the button below.</p>}
      {onAcknowledge && (
        <p>
          <button
            type="button"
            className="button button--primary button--small"
            disabled={!all || busy}
            onClick={() => onAcknowledge([...acknowledged])}
          >
            {busy ? 'Saving…' : 'Confirm and save again'}
          </button>
        </p>
      )}
    </FormError>
  );
}

/** The way out of a secret-policy refusal: keep the blueprint to its author. */
function MakePrivateButton({ onClick }: { onClick: () => void }) {
  return (
    <p>
      <button type="button" className="button button--secondary button--small" onClick={onClick}>
        Make it private
      </button>
    </p>
  );
}
