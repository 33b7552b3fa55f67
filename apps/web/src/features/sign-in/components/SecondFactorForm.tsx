import { useId, useState, type FormEvent } from 'react';
import { ApiError } from '../../../shared/api/api-error';
import { FormError } from '../../../shared/components/FormError';
import { formatRelative } from '../../../shared/format';
import type { SessionState } from '../../session/api/session-api';
import { useSecondFactor } from '../hooks/use-sign-in';
import { lockedUntil } from '../lockout';
import { PasskeyIcon } from './PasskeyIcon';

const timeOfDay = new Intl.DateTimeFormat('en', { timeStyle: 'short' });

/** An authenticator-app code, a recovery code, or a passkey: any one of them completes the sign-in. */
export function SecondFactorForm({ onVerified }: { onVerified: (session: SessionState) => void }) {
  const [mode, setMode] = useState<'totp' | 'recovery'>('totp');
  const [code, setCode] = useState('');
  const inputId = useId();
  const hintId = useId();
  const verify = useSecondFactor();

  function submit(event: FormEvent) {
    event.preventDefault();
    const value = mode === 'totp' ? code.replace(/\s+/g, '') : code.trim();
    verify.mutate({ kind: mode, code: value }, { onSuccess: onVerified });
  }

  function switchMode() {
    setMode((current) => (current === 'totp' ? 'recovery' : 'totp'));
    setCode('');
    verify.reset();
  }

  const locked = verify.error instanceof ApiError && verify.error.code === 'TWO_STEP_LOCKED';
  const retryAt = locked ? lockedUntil(verify.error) : undefined;

  return (
    <div className="stack">
      <form className="stack" onSubmit={submit}>
        {mode === 'totp' ? (
          <div className="field">
            <label className="field__label" htmlFor={inputId}>
              Authentication code
            </label>
            <input
              key="totp"
              id={inputId}
              className="input input--code"
              name="code"
              type="text"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9 ]*"
              maxLength={7}
              required
              autoFocus
              value={code}
              onChange={(event) => setCode(event.target.value)}
              aria-describedby={hintId}
            />
            <p id={hintId} className="field__hint">
              The 6-digit code your authenticator app shows for this account.
            </p>
          </div>
        ) : (
          <div className="field">
            <label className="field__label" htmlFor={inputId}>
              Recovery code
            </label>
            <input
              key="recovery"
              id={inputId}
              className="input input--code"
              name="recovery-code"
              type="text"
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              required
              autoFocus
              value={code}
              onChange={(event) => setCode(event.target.value)}
              aria-describedby={hintId}
            />
            <p id={hintId} className="field__hint">
              One of the codes you saved when you turned on two-step verification. Each works once.
            </p>
          </div>
        )}
        {verify.isError &&
          (locked ? (
            <FormError
              error={verify.error}
              message={
                retryAt
                  ? `Too many wrong codes. Two-step verification is locked until ${timeOfDay.format(retryAt)} (${formatRelative(retryAt)}).`
                  : 'Too many wrong codes. Two-step verification is locked for a while; try again later.'
              }
            />
          ) : (
            <FormError error={verify.error} />
          ))}
        <button type="submit" className="button button--primary button--block" disabled={verify.isPending}>
          {verify.isPending && verify.variables?.kind !== 'passkey' ? 'Verifying…' : 'Verify'}
        </button>
      </form>
      <div className="stack stack--tight">
        <button type="button" className="button button--link" onClick={switchMode}>
          {mode === 'totp' ? 'Use a recovery code' : 'Use an authentication code'}
        </button>
        <button
          type="button"
          className="button button--secondary button--block"
          onClick={() => verify.mutate({ kind: 'passkey' }, { onSuccess: onVerified })}
          disabled={verify.isPending}
        >
          <PasskeyIcon />
          {verify.isPending && verify.variables?.kind === 'passkey' ? 'Waiting for your passkey…' : 'Use a passkey'}
        </button>
      </div>
    </div>
  );
}
