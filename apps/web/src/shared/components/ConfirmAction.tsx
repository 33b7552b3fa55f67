import { useState } from 'react';

interface ConfirmActionProps {
  /** Text of the trigger and of the confirming button, e.g. "Revoke". */
  label: string;
  /** Shown on the confirming button while the action runs, e.g. "Revoking…". */
  busyLabel: string;
  busy: boolean;
  /** Accessible names: what the trigger does, and what the confirming button does. */
  triggerAriaLabel: string;
  confirmAriaLabel: string;
  /** Style of the trigger before confirmation. */
  tone?: 'secondary' | 'danger-outline';
  /** Called when the trigger opens the confirmation (e.g. to clear an earlier error). */
  onOpen?: () => void;
  /** Runs the action; `close` ends the confirmation when the caller wants it ended (e.g. after a failure). */
  onConfirm: (close: () => void) => void;
}

/** A destructive action that asks once more before it runs: trigger, then confirm or cancel. */
export function ConfirmAction({
  label,
  busyLabel,
  busy,
  triggerAriaLabel,
  confirmAriaLabel,
  tone = 'danger-outline',
  onOpen,
  onConfirm,
}: ConfirmActionProps) {
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <button
        type="button"
        className={`button button--${tone} button--small`}
        onClick={() => {
          onOpen?.();
          setConfirming(true);
        }}
        aria-label={triggerAriaLabel}
      >
        {label}
      </button>
    );
  }
  return (
    <>
      <button
        type="button"
        className="button button--danger button--small"
        onClick={() => onConfirm(() => setConfirming(false))}
        disabled={busy}
        aria-label={confirmAriaLabel}
      >
        {busy ? busyLabel : label}
      </button>
      <button type="button" className="button button--secondary button--small" onClick={() => setConfirming(false)}>
        Cancel
      </button>
    </>
  );
}
