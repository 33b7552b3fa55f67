import { useId, useState, type FormEvent } from 'react';
import { FormError } from '../../../shared/components/FormError';
import { useDeleteAccount } from '../hooks/use-account';

/** Deleting is permanent, so it is confirmed by typing the account's handle. */
export function DeleteAccountForm({ handle }: { handle: string }) {
  const inputId = useId();
  const hintId = useId();
  const [typed, setTyped] = useState('');
  const remove = useDeleteAccount();
  const confirmed = typed.trim() === handle;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!confirmed) return;
    remove.mutate();
  }

  return (
    <form className="stack" onSubmit={submit}>
      <p>Your profile, sessions, passkeys, linked accounts and API tokens are removed. This cannot be undone.</p>
      <div className="field">
        <label className="field__label" htmlFor={inputId}>
          Type your handle, <code>{handle}</code>, to confirm
        </label>
        <input
          id={inputId}
          className="input"
          name="confirm-handle"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
          aria-describedby={hintId}
        />
        <p id={hintId} className="field__hint">
          If two-step verification is on, you may be asked to confirm with your second factor first.
        </p>
      </div>
      {remove.isError && <FormError error={remove.error} />}
      <div>
        <button type="submit" className="button button--danger" disabled={!confirmed || remove.isPending}>
          {remove.isPending ? 'Deleting…' : 'Delete my account'}
        </button>
      </div>
    </form>
  );
}
